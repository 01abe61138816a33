"use client";
// "Clear chat?": the messages so far leave my view of the chat; nobody else's changes.
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi } from "@/lib/client/context";
import { profileApi } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";

type Props = { conversation: ConversationSummary; open: boolean; onClose: () => void };

export function ClearChatDialog({ conversation: c, open, onClose }: Props) {
  const store = useChatStoreApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const others = c.type === "GROUP" ? "Other members" : c.title;

  const clear = async () => {
    setBusy(true);
    try {
      const { conversation, clearedSeq } = await profileApi.clearChat(c.id);
      // The socket brings the same to my other tabs; here it need not wait for it.
      store.getState().chatCleared(c.id, clearedSeq);
      store.getState().upsertConversation(conversation);
      toast("Chat cleared");
      onClose();
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't clear the chat", "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title="Clear this chat?" testId="clear-chat-dialog">
      <div className="px-6 pt-4 pb-5">
        <p className="text-[15px] leading-6 text-muted">
          Messages in this chat will be removed for you only. {others} will still see them. Your stars on them are removed too.
        </p>
        <div className="mt-6 flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-full px-4 py-2 text-sm font-medium text-accent-strong hover:bg-hover">
            Cancel
          </button>
          <button
            type="button"
            onClick={() => void clear()}
            disabled={busy}
            className="inline-flex items-center gap-2 rounded-full bg-danger px-5 py-2 text-sm font-medium text-white disabled:opacity-60 dark:text-[#111b21]"
            data-testid="clear-chat-confirm"
          >
            {busy && <Spinner size={16} className="text-current" />}
            Clear chat
          </button>
        </div>
      </div>
    </Dialog>
  );
}
