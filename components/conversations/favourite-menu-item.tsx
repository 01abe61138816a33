"use client";
// "Add to Favourites" / "Remove from Favourites", in a chat's row menu and in the open chat's menu.
import { HeartIcon } from "@/components/ui/icons";
import { MenuItem } from "@/components/ui/menu";
import type { ConversationSummary } from "@/lib/realtime/contract";
import type { ChatSettingsUpdate } from "./use-chat-settings";

export function FavouriteMenuItem({ conversation: c, onSettings, testId }: { conversation: ConversationSummary; onSettings: ChatSettingsUpdate; testId: string }) {
  return (
    <MenuItem icon={<HeartIcon size={20} filled={c.isFavourite} />} onClick={() => void onSettings(c, { isFavourite: !c.isFavourite })} data-testid={testId}>
      {c.isFavourite ? "Remove from Favourites" : "Add to Favourites"}
    </MenuItem>
  );
}
