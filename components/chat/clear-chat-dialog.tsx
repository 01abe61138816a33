"use client";
// "Clear chat?" and "Delete chat?": the messages so far leave my view of the chat (nobody else's
// changes); deleting also takes the chat out of my list until a new message brings it back.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi } from "@/lib/client/context";
import { profileApi } from "@/lib/client/profile";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { useChatNavigation } from "./navigation";

type Props = { conversation: ConversationSummary; open: boolean; onClose: () => void; action: "clear" | "delete" };

export function ClearChatDialog({ conversation: c, open, onClose, action }: Props) {
  const store = useChatStoreApi();
  const { closeChat } = useChatNavigation();
  const toast = useToast();
  const others = c.type === "GROUP" ? "Other members" : c.title;
  const deleting = action === "delete";

  const confirm = async () => {
    try {
      // The socket brings the same to my other tabs; here it need not wait for it.
      if (deleting) {
        // From the chat list's menu it may be another chat than the one open. Asked before the
        // request: the socket's word of the deletion can land first and forget which was open.
        const wasOpen = store.getState().activeId === c.id;
        await profileApi.deleteChat(c.id);
        if (wasOpen) closeChat();
        store.getState().chatHidden(c.id);
      } else {
        const { conversation, clearedSeq } = await profileApi.clearChat(c.id);
        store.getState().chatCleared(c.id, clearedSeq);
        store.getState().upsertConversation(conversation);
      }
      toast(deleting ? "Chat deleted" : "Chat cleared");
      onClose();
    } catch (err) {
      toast(err instanceof ApiError ? err.message : `Couldn't ${action} the chat`, "error");
    }
  };

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={deleting ? "Delete this chat?" : "Clear this chat?"}
      confirmLabel={deleting ? "Delete chat" : "Clear chat"}
      onConfirm={confirm}
      testId={`${action}-chat-dialog`}
      confirmTestId={`${action}-chat-confirm`}
    >
      <p className="text-[15px] leading-6 text-muted">
        {deleting
          ? `The chat and its messages will be removed for you only. ${others} will still see them. It comes back if a new message arrives.`
          : `Messages in this chat will be removed for you only. ${others} will still see them. Your stars on them are removed too.`}
      </p>
    </ConfirmDialog>
  );
}
