"use client";
// One message: WhatsApp-style bubble with tail, sender name (groups), "Forwarded", the quoted
// message of a reply (reply-quote.tsx), photos / videos / audio / files / a location / a poll,
// the preview of a linked page (link-preview-card.tsx), text or caption (React text only, http(s)
// links), time + pin + star + "edited" + ticks, the reactions under it, and the button of its
// options menu (message-menu.tsx).
import { memo, useState } from "react";
import { SystemText } from "@/components/groups/system-text";
import { ChevronDownIcon, ForwardIcon, ForwardManyIcon, PinIcon, StarIcon } from "@/components/ui/icons";
import { nameColorClass } from "@/lib/client/colors";
import { deletedText } from "@/lib/client/conversations";
import { formatClock } from "@/lib/client/format";
import type { ViewMessage } from "@/lib/client/rows";
import { emojiOnlyCount } from "@/lib/client/text";
import type { TickStatus } from "@/lib/client/types";
import type { ReplyPreview } from "@/lib/realtime/contract";
import { mayStillEdit } from "@/lib/messages/change-windows";
import { isEditableType } from "@/lib/messages/editable-types";
import { bubbleActionColor, bubbleMetaColor } from "./bubble-colors";
import { LinkPreviewCard } from "./link-preview-card";
import { ContactCard } from "./contact-card";
import { FileCard, LocationCard, MessageAudio, MessageImages, MessageVideo } from "./message-media";
import { MessageMenu } from "./message-menu";
import { MessagePoll } from "./message-poll";
import { ReactionsRow } from "./reactions-row";
import { ReplyQuote } from "./reply-quote";
import { RichText } from "./rich-text";
import { Ticks } from "./ticks";

export type BubbleActions = {
  /** Ask how to delete a stored message: for me, or (when I may) for everyone. */
  onDelete: (message: ViewMessage, forEveryone: boolean) => void;
  /** Drop a message that is not sent yet. */
  onCancelSend: (message: ViewMessage) => void;
  onInfo: (message: ViewMessage) => void;
  onCopy: (message: ViewMessage) => void;
  onRetry: (message: ViewMessage) => void;
  onReply: (message: ViewMessage) => void;
  /** A group's message: reply in my direct chat with its sender. */
  onReplyPrivately: (message: ViewMessage) => void;
  /** Toggle my reaction with this emoji. */
  onReact: (message: ViewMessage, emoji: string) => void;
  /** Open the full emoji picker for this message. */
  onPickReaction: (message: ViewMessage) => void;
  onEdit: (message: ViewMessage) => void;
  onHistory: (message: ViewMessage) => void;
  onForward: (message: ViewMessage) => void;
  onStar: (message: ViewMessage, starred: boolean) => void;
  /** A click on a poll's option (toggles my choice). */
  onVote: (message: ViewMessage, option: number) => void;
  onShowVotes: (message: ViewMessage) => void;
  /** Pin (asks for how long) or unpin, for everyone in the chat. */
  onPin: (message: ViewMessage, pinned: boolean) => void;
  /** Show the quoted original in the chat. */
  onJumpTo: (reply: ReplyPreview) => void;
  onOpenImage: (attachmentId: string) => void;
  /** Start "Select messages" with this one picked. */
  onSelect: (message: ViewMessage) => void;
};

type Props = {
  message: ViewMessage;
  mine: boolean;
  firstOfRun: boolean;
  isGroup: boolean;
  /** A group's members' @usernames: shown as mentions. */
  mentionable?: ReadonlySet<string>;
  senderName: string;
  /** My messages only. */
  status: TickStatus | null;
  canWrite: boolean;
  /** The message box is there: not an announcement group I only read (replies and edits are written in it). */
  canCompose: boolean;
  starred: boolean;
  pinned: boolean;
  /** I may pin here: either person of a direct chat, a group's admins. */
  canPin: boolean;
  meId: string;
  nameOf: (userId: string) => string;
  actions: BubbleActions;
};

export const MessageBubble = memo(function MessageBubble({
  message: m,
  mine,
  firstOfRun,
  isGroup,
  mentionable,
  senderName,
  status,
  canWrite,
  canCompose,
  starred,
  pinned,
  canPin,
  meId,
  nameOf,
  actions,
}: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuButton, setMenuButton] = useState<HTMLButtonElement | null>(null);

  if (m.type === "SYSTEM") {
    return (
      <div className="flex justify-center px-4 py-1">
        <p
          className="max-w-[85%] rounded-lg bg-panel px-3 py-1.5 text-center text-[12.5px] text-muted shadow-[0_1px_0.5px_rgba(11,20,26,.13)] dark:bg-[#182229]"
          data-testid="system-message"
          data-seq={m.seq ?? ""}
        >
          <SystemText system={m.system} fallback={m.text} />
        </p>
      </div>
    );
  }

  const deleted = !!m.deletedAt;
  const failed = !!m.pending?.failed;
  const stored = !!m.id && !m.pending;
  const text = deleted ? null : m.text;
  const bigEmoji = !deleted && m.attachments.length === 0 ? emojiOnlyCount(text) : 0;
  const showName = isGroup && !mine && firstOfRun;
  const time = formatClock(m.createdAt);
  const edited = !!m.editedAt && !deleted;

  const attachments = deleted ? [] : m.attachments;
  const images = attachments.filter((a) => a.kind === "IMAGE");
  const videos = attachments.filter((a) => a.kind === "VIDEO");
  const audios = attachments.filter((a) => a.kind === "AUDIO");
  const files = attachments.filter((a) => a.kind === "FILE");
  const location = deleted ? null : m.location;
  const poll = deleted ? null : m.poll;
  const contact = deleted ? null : m.contact;
  const hasMedia = attachments.length > 0 || !!location || !!contact;
  // A poll shows its question itself.
  const hasText = (!!text && !poll) || deleted;
  // Text messages only (captions get none, as in WhatsApp); pending ones show the outbox's copy.
  const linkPreview = hasText && !deleted && !hasMedia ? m.linkPreview : null;
  // Photos only, no caption: the time sits on the picture (like WhatsApp).
  const overlayMeta = !hasText && images.length > 0 && attachments.length === images.length && !location;
  const mediaFirst = hasMedia && !showName && !(m.forwarded && !deleted) && !(m.replyTo && !deleted);

  const canAct = stored && !deleted;
  const canWriteHere = canAct && canWrite;
  // Asked again as the menu opens (it re-renders the bubble): Edit goes 15 minutes after sending.
  const canEdit = mine && canWriteHere && canCompose && isEditableType(m.type) && mayStillEdit(m.createdAt);

  // Reserve room on the last text line for the time (+ star, edited, ticks) in the corner.
  const spacer = (edited ? 44 : 0) + (starred ? 16 : 0) + (pinned ? 16 : 0) + (mine ? 66 : 46);

  const bubbleColor = mine ? "bg-bubble-out" : "bg-bubble-in";
  const tailColor = mine ? "text-bubble-out" : "text-bubble-in";
  const metaColor = bubbleMetaColor(mine);
  const linkColor = "text-[#0b62a8] underline decoration-1 underline-offset-2 dark:text-[#8fd3f5]";

  const meta = (
    <>
      {pinned && !deleted && (
        <span data-testid="pin-indicator" title="Pinned">
          <PinIcon size={12} className="-translate-y-px" />
          <span className="sr-only">Pinned</span>
        </span>
      )}
      {starred && !deleted && (
        <span data-testid="star-indicator" title="Starred">
          <StarIcon size={12} filled className="-translate-y-px" />
          <span className="sr-only">Starred</span>
        </span>
      )}
      {edited && <span data-testid="edited-label">edited</span>}
      <time dateTime={m.createdAt}>{time}</time>
      {mine && status && !deleted && (
        <Ticks status={status} className={overlayMeta ? (status === "read" ? "" : "text-white") : status === "read" ? "" : metaColor} />
      )}
    </>
  );

  return (
    <div className={`flex px-[4%] md:px-[7%] ${mine ? "justify-end" : "justify-start"}`}>
      <div className={`flex max-w-[85%] min-w-0 flex-col md:max-w-[65%] ${mine ? "items-end" : "items-start"}`}>
        <div
          className={`group relative max-w-full min-w-[88px] rounded-lg ${bubbleColor} shadow-[0_1px_0.5px_rgba(11,20,26,.13)] ${
            firstOfRun ? (mine ? "rounded-tr-none" : "rounded-tl-none") : ""
          }`}
          data-testid="message-bubble"
          data-message-id={m.id ?? ""}
          data-client-id={m.clientId}
          data-seq={m.seq ?? ""}
          data-type={m.type}
          data-status={mine ? (status ?? undefined) : undefined}
          data-mine={mine ? "true" : "false"}
          data-starred={starred ? "true" : undefined}
          onContextMenu={(e) => {
            // Right-click, or a long press on touch screens, opens the options.
            const target = e.target as HTMLElement;
            if (target.closest("a, video, audio")) return;
            e.preventDefault();
            setMenuOpen(true);
          }}
        >
          {firstOfRun && (
            <svg
              viewBox="0 0 8 13"
              width="8"
              height="13"
              aria-hidden="true"
              className={`absolute top-0 ${mine ? "-right-2" : "-left-2 -scale-x-100"} ${tailColor}`}
            >
              <path d="M0 0h5.2c1.8 0 2.4 1.2 1.3 2.6L0 11.2Z" fill="currentColor" />
            </svg>
          )}

          <div className={hasMedia ? "p-[3px]" : `px-[9px] pt-[6px] pb-2 ${showName ? "pt-[5px]" : ""}`}>
            <div className={hasMedia && (showName || m.forwarded || m.replyTo) ? "px-[6px] pt-[3px]" : ""}>
              {showName && (
                <p className={`mb-0.5 truncate text-[12.8px] leading-[22px] font-medium ${nameColorClass(m.senderId)}`} data-testid="sender-name">
                  {senderName || "\u00a0"}
                </p>
              )}
              {!showName && <span className="sr-only">{mine ? "You" : senderName || "Unknown"}: </span>}

              {m.forwarded && !deleted && (
                <p className={`mb-0.5 flex items-center gap-1 text-[12.5px] italic ${metaColor}`} data-testid="forwarded-label">
                  {m.forwardedManyTimes ? <ForwardManyIcon size={16} /> : <ForwardIcon size={14} />}
                  {m.forwardedManyTimes ? "Forwarded many times" : "Forwarded"}
                </p>
              )}

              {m.replyTo && !deleted && (
                <ReplyQuote reply={m.replyTo} meId={meId} metaColor={metaColor} mine={mine} onClick={() => actions.onJumpTo(m.replyTo!)} />
              )}
            </div>

            {images.length > 0 && (
              <MessageImages
                images={images}
                onOpen={actions.onOpenImage}
                overlay={
                  overlayMeta ? (
                    <div
                      className="pointer-events-none absolute right-0 bottom-0 flex items-center gap-[3px] rounded-br-[6px] bg-gradient-to-tl from-black/55 via-black/25 to-transparent px-[7px] pt-4 pb-[3px] pl-6 text-[11px] leading-[15px] text-white"
                      data-testid="message-meta"
                    >
                      {meta}
                    </div>
                  ) : null
                }
              />
            )}
            {videos.map((a) => (
              <div key={a.id} className={images.length ? "mt-[3px]" : ""}>
                <MessageVideo attachment={a} />
              </div>
            ))}
            {audios.map((a) => (
              <div key={a.id} className={images.length || videos.length ? "mt-[3px]" : ""}>
                <MessageAudio attachment={a} metaColor={metaColor} />
              </div>
            ))}
            {files.map((a, i) => (
              <div key={a.id} className={i > 0 || images.length || videos.length || audios.length ? "mt-[3px]" : ""}>
                <FileCard attachment={a} metaColor={metaColor} />
              </div>
            ))}
            {location && <LocationCard location={location} metaColor={metaColor} />}
            {contact && <ContactCard contact={contact} metaColor={metaColor} actionColor={bubbleActionColor(mine)} />}
            {poll && (
              <MessagePoll
                question={text ?? ""}
                poll={poll}
                meId={meId}
                disabled={!canWriteHere}
                metaColor={metaColor}
                actionColor={bubbleActionColor(mine)}
                onVote={(option) => actions.onVote(m, option)}
                onShowVotes={() => actions.onShowVotes(m)}
              />
            )}

            {linkPreview && <LinkPreviewCard preview={linkPreview} metaColor={metaColor} />}
            {hasText && (
              <div
                className={`break-words whitespace-pre-wrap text-fg [overflow-wrap:anywhere] ${
                  bigEmoji ? (bigEmoji === 1 ? "text-[48px] leading-[56px]" : "text-[36px] leading-[44px]") : "text-[14.2px] leading-[19px]"
                } ${hasMedia ? "px-[6px] pt-[5px] pb-[5px]" : ""}`}
                data-testid="message-text"
              >
                {deleted ? (
                  <span className={`italic ${metaColor}`} data-testid="message-deleted">
                    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" className="mr-1 inline -translate-y-px">
                      <circle cx="12" cy="12" r="8.5" stroke="currentColor" strokeWidth="2" fill="none" />
                      <path d="m6 6 12 12" stroke="currentColor" strokeWidth="2" />
                    </svg>
                    {deletedText(m, mine)}
                  </span>
                ) : (
                  <RichText text={text ?? ""} linkClassName={linkColor} mentionable={mentionable} />
                )}
                <span aria-hidden="true" className="inline-block h-3" style={{ width: spacer }} />
              </div>
            )}
            {/* Media without a caption: a line for the time under it. */}
            {!hasText && !overlayMeta && <div className="h-[17px]" aria-hidden="true" />}
          </div>

          {/* Above the options button: in a one-line bubble its gradient reaches the time and
              ticks, which stay readable under the chevron (the chevron itself sits above them). */}
          {!overlayMeta && (
            <div
              className={`absolute right-[7px] bottom-[3px] z-[2] flex items-center gap-[3px] text-[11px] leading-[15px] ${metaColor} ${
                hasMedia && !hasText ? "right-[9px]" : ""
              }`}
              data-testid="message-meta"
            >
              {meta}
            </div>
          )}

          {failed && (
            <button
              type="button"
              onClick={() => actions.onRetry(m)}
              className="absolute top-1/2 -left-9 -translate-y-1/2 rounded-full p-1 text-danger hover:bg-hover"
              aria-label={`Not sent: ${m.pending?.failed}. Retry`}
              title={`Not sent: ${m.pending?.failed}. Click to retry.`}
              data-testid="retry-send"
            >
              <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
                <circle cx="12" cy="12" r="10" fill="currentColor" />
                <path d="M12 7v6M12 16.5h.01" stroke="white" strokeWidth="2.2" strokeLinecap="round" />
              </svg>
            </button>
          )}

          {/* In a one-line bubble the button reaches down to the time: the chevron sits high, above
              the time and ticks, and its focus ring goes round the chevron, not across the time. */}
          <button
            ref={setMenuButton}
            type="button"
            aria-label="Message options"
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((o) => !o)}
            data-testid="message-menu-button"
            className={`absolute top-0 right-0 z-[1] flex h-[22px] w-8 items-start justify-end rounded-tr-lg pr-1 opacity-0 transition-opacity group-hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-none focus-visible:[&>svg]:rounded-sm focus-visible:[&>svg]:outline-2 focus-visible:[&>svg]:-outline-offset-2 focus-visible:[&>svg]:outline-accent focus-visible:[&>svg]:outline-solid ${
              menuOpen ? "opacity-100" : ""
            } ${
              mediaFirst
                ? "top-[3px] right-[3px] h-7 w-10 rounded-tr-[6px] bg-gradient-to-bl from-black/50 to-transparent pt-1 text-white"
                : `pt-px bg-gradient-to-l ${mine ? "from-bubble-out" : "from-bubble-in"} from-60% to-transparent ${metaColor}`
            }`}
          >
            <ChevronDownIcon size={18} />
          </button>
          <MessageMenu
            message={m}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            anchor={menuButton}
            mine={mine}
            isGroup={isGroup}
            stored={stored}
            deleted={deleted}
            edited={edited}
            starred={starred}
            pinned={pinned}
            canWrite={canWrite}
            canCompose={canCompose}
            canPin={canPin}
            canAct={canAct}
            canWriteHere={canWriteHere}
            canEdit={canEdit}
            meId={meId}
            actions={actions}
          />
        </div>
        {!deleted && (
          <ReactionsRow
            messageId={m.id}
            reactions={m.reactions}
            meId={meId}
            nameOf={nameOf}
            mine={mine}
            disabled={!canWriteHere}
            onToggle={(emoji) => actions.onReact(m, emoji)}
          />
        )}
      </div>
    </div>
  );
});
