"use client";
// A message's options menu: quick reactions, then reply, reply privately, copy, edit, edit
// history, forward, star, pin, info, select and delete, each offered only where it applies.
import { CheckIcon, CopyIcon, ForwardIcon, HistoryIcon, InfoIcon, PencilIcon, PinIcon, PinOffIcon, PlusIcon, ReplyIcon, ReplyPrivatelyIcon, StarIcon, StarOffIcon, TrashIcon } from "@/components/ui/icons";
import { Menu, MenuItem, MenuRow, useMenuClose } from "@/components/ui/menu";
import { hasReacted, QUICK_REACTIONS } from "@/lib/client/reactions";
import type { ViewMessage } from "@/lib/client/rows";
import { mayStillDeleteForEveryone } from "@/lib/messages/change-windows";
import type { BubbleActions } from "./message-bubble";

type Props = {
  message: ViewMessage;
  open: boolean;
  onClose: () => void;
  anchor: HTMLButtonElement | null;
  mine: boolean;
  isGroup: boolean;
  /** Acknowledged by the server (not waiting in the outbox). */
  stored: boolean;
  deleted: boolean;
  edited: boolean;
  starred: boolean;
  pinned: boolean;
  canWrite: boolean;
  canCompose: boolean;
  canPin: boolean;
  /** Stored and not deleted: it can be forwarded, starred, selected. */
  canAct: boolean;
  /** As canAct, where I may write: react, reply, pin. */
  canWriteHere: boolean;
  canEdit: boolean;
  meId: string;
  actions: BubbleActions;
};

export function MessageMenu({
  message: m,
  open,
  onClose,
  anchor,
  mine,
  isGroup,
  stored,
  deleted,
  edited,
  starred,
  pinned,
  canWrite,
  canCompose,
  canPin,
  canAct,
  canWriteHere,
  canEdit,
  meId,
  actions,
}: Props) {
  // Remounted when the message gets stored or deleted: its items change, so it is measured and focused afresh.
  return (
    <Menu
      key={`${stored}:${deleted}`}
      open={open}
      onClose={onClose}
      anchor={anchor}
      label="Message options"
      testId="message-menu"
    >
      {canWriteHere && <QuickReactions message={m} meId={meId} actions={actions} />}
      {canWriteHere && canCompose && (
        <MenuItem icon={<ReplyIcon size={20} />} onClick={() => actions.onReply(m)} data-testid="reply-message">
          Reply
        </MenuItem>
      )}
      {canWriteHere && isGroup && !mine && (
        <MenuItem icon={<ReplyPrivatelyIcon size={20} />} onClick={() => actions.onReplyPrivately(m)} data-testid="reply-privately">
          Reply privately
        </MenuItem>
      )}
      {!deleted && m.text && (
        <MenuItem icon={<CopyIcon size={20} />} onClick={() => actions.onCopy(m)} data-testid="copy-message">
          Copy
        </MenuItem>
      )}
      {canEdit && (
        <MenuItem icon={<PencilIcon size={20} />} onClick={() => actions.onEdit(m)} data-testid="edit-message">
          {m.text || m.attachments.length === 0 ? "Edit" : "Add caption"}
        </MenuItem>
      )}
      {canAct && edited && (
        <MenuItem icon={<HistoryIcon size={20} />} onClick={() => actions.onHistory(m)} data-testid="edit-history">
          Edit history
        </MenuItem>
      )}
      {canAct && (
        <MenuItem icon={<ForwardIcon size={20} />} onClick={() => actions.onForward(m)} data-testid="forward-message">
          Forward
        </MenuItem>
      )}
      {canAct && (
        <MenuItem
          icon={starred ? <StarOffIcon size={20} /> : <StarIcon size={20} />}
          onClick={() => actions.onStar(m, !starred)}
          data-testid="star-message"
        >
          {starred ? "Unstar" : "Star"}
        </MenuItem>
      )}
      {canWriteHere && canPin && (
        <MenuItem icon={pinned ? <PinOffIcon size={20} /> : <PinIcon size={20} />} onClick={() => actions.onPin(m, !pinned)} data-testid="pin-message">
          {pinned ? "Unpin" : "Pin"}
        </MenuItem>
      )}
      {mine && isGroup && m.id && !deleted && (
        <MenuItem icon={<InfoIcon size={20} />} onClick={() => actions.onInfo(m)} data-testid="message-info">
          Message info
        </MenuItem>
      )}
      {stored && (
        <MenuItem icon={<CheckIcon size={20} />} onClick={() => actions.onSelect(m)} data-testid="select-messages">
          Select
        </MenuItem>
      )}
      {m.id ? (
        // The dialog offers "Delete for everyone" to the sender of a live message where they may
        // write, for 60 hours after it was sent.
        <MenuItem icon={<TrashIcon size={20} />} onClick={() => actions.onDelete(m, mine && !deleted && canWrite && mayStillDeleteForEveryone(m.createdAt))} data-testid="delete-message">
          Delete
        </MenuItem>
      ) : (
        <MenuItem icon={<TrashIcon size={20} />} onClick={() => actions.onCancelSend(m)} data-testid="cancel-sending">
          Cancel sending
        </MenuItem>
      )}
    </Menu>
  );
}

/** The six quick reactions and "+" (the full picker), as a row at the top of the menu. */
function QuickReactions({ message, meId, actions }: { message: ViewMessage; meId: string; actions: BubbleActions }) {
  const close = useMenuClose();
  return (
    <MenuRow label="Reactions" className="mb-1 flex items-center gap-0.5 border-b border-border px-2 pt-0.5 pb-2">
      {QUICK_REACTIONS.map((emoji) => {
        const reacted = hasReacted(message.reactions, emoji, meId);
        return (
          <button
            key={emoji}
            type="button"
            role="menuitemcheckbox"
            aria-checked={reacted}
            aria-label={`React with ${emoji}`}
            tabIndex={-1}
            onClick={() => {
              actions.onReact(message, emoji);
              close(true);
            }}
            className={`flex h-9 w-9 items-center justify-center rounded-full text-[22px] leading-none outline-none transition-transform hover:scale-110 hover:bg-hover focus-visible:bg-active focus-visible:ring-2 focus-visible:ring-accent ${
              reacted ? "bg-active" : ""
            }`}
            data-testid="quick-reaction"
            data-emoji={emoji}
          >
            {emoji}
          </button>
        );
      })}
      <button
        type="button"
        role="menuitem"
        aria-label="More reactions"
        tabIndex={-1}
        onClick={() => {
          close(false);
          actions.onPickReaction(message);
        }}
        className="flex h-9 w-9 items-center justify-center rounded-full bg-panel-2 text-muted outline-none hover:bg-active hover:text-fg focus-visible:ring-2 focus-visible:ring-accent"
        data-testid="more-reactions"
      >
        <PlusIcon size={20} />
      </button>
    </MenuRow>
  );
}
