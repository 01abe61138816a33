"use client";
// "Clear chat?": the messages so far leave my view of the chat; nobody else's changes.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi } from "@/lib/client/context";
import { profileApi } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";

type Props = { conversation: ConversationSummary; open: boolean; onClose: () => void };

export function ClearChatDialog({ conversation: c, open, onClose }: Props) {
  const store = useChatStoreApi();
  const toast = useToast();
  const others = c.type === "GROUP" ? "Other members" : c.title;

  const clear = async () => {
    try {
      const { conversation, clearedSeq } = await profileApi.clearChat(c.id);
      // The socket brings the same to my other tabs; here it need not wait for it.
      store.getState().chatCleared(c.id, clearedSeq);
      store.getState().upsertConversation(conversation);
      toast("Chat cleared");
      onClose();
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't clear the chat", "error");
    }
  };

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title="Clear this chat?"
      confirmLabel="Clear chat"
      onConfirm={clear}
      testId="clear-chat-dialog"
      confirmTestId="clear-chat-confirm"
    >
      <p className="text-[15px] leading-6 text-muted">
        Messages in this chat will be removed for you only. {others} will still see them. Your stars on them are removed too.
      </p>
    </ConfirmDialog>
  );
}
