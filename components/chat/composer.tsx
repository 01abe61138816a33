"use client";
// The message box: auto-growing, Enter sends, Shift+Enter adds a line, 4096 characters max,
// typing signals throttled by the realtime client. Plus: the attach menu (photos & videos,
// documents, location, poll), pasted images, the tray of files being uploaded (the text becomes their
// caption; sending waits for the uploads), a reply banner, inline editing of my message, the
// preview of the text's first link, and voice messages (the microphone button while the box is empty).
import { forwardRef, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ForwardedRef } from "react";
import { CloseIcon, SendIcon, DocumentIcon, LocationIcon, MicIcon, PencilIcon, PhotoIcon, PlusIcon, PollIcon, SmileIcon, UserIcon } from "@/components/ui/icons";
import { Menu, MenuItem } from "@/components/ui/menu";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { contentPreview } from "@/lib/client/attachments";
import { nameColorClass } from "@/lib/client/colors";
import { useChat, useChatStoreApi, useRealtimeClient } from "@/lib/client/context";
import type { RichParts } from "@/lib/client/outbox";
import { MAX_MESSAGE_LENGTH } from "@/lib/limits";
import type { ViewMessage } from "@/lib/client/rows";
import { uploadedAttachments } from "@/lib/client/uploads";
import type { ReplyPreview } from "@/lib/realtime/contract";
import { EmojiPanel } from "./emoji-panel";
import { ComposerLinkPreview } from "./link-preview-card";
import { ContactDialog } from "./contact-dialog";
import { LocationDialog } from "./location-dialog";
import { PollDialog } from "./poll-dialog";
import { MentionPicker } from "./mention-picker";
import { UploadTray } from "./upload-tray";
import { useLinkPreview } from "./use-link-preview";
import { useMentions } from "./use-mentions";
import type { UploadQueue } from "./use-upload-queue";
import { useVoiceRecording } from "./use-voice-recording";
import { VoiceRecorderBar } from "./voice-recorder-bar";

/** `from`: the group of a message replied to privately, in my direct chat with its sender. */
export type ComposerMode = { kind: "reply"; message: ViewMessage; from?: ReplyPreview["chat"] } | { kind: "edit"; message: ViewMessage } | null;

type Props = {
  conversationId: string;
  onSent: () => void;
  mode: ComposerMode;
  onCancelMode: () => void;
  uploads: UploadQueue;
  /** A sender's display name (the reply banner). */
  nameOf: (userId: string) => string;
};

const fmt = (n: number) => n.toLocaleString("en-US");

/** The quote a pending reply shows until the server's copy arrives. */
export function toReplyPreview(m: ViewMessage, senderName: string, chat: ReplyPreview["chat"] = null): ReplyPreview {
  return {
    id: m.id!,
    seq: m.seq ?? 0,
    senderId: m.senderId,
    senderName,
    type: m.type,
    text: m.text,
    deleted: !!m.deletedAt,
    attachmentKind: m.attachments[0]?.kind ?? null,
    chat,
  };
}

export const Composer = forwardRef(function Composer(
  { conversationId, onSent, mode, onCancelMode, uploads, nameOf }: Props,
  ref: ForwardedRef<HTMLTextAreaElement>,
) {
  const client = useRealtimeClient();
  const store = useChatStoreApi();
  const toast = useToast();
  const meId = useChat((s) => s.me.id);
  const draft = useChat((s) => s.drafts[conversationId] ?? "");
  const isGroup = useChat((s) => s.conversations[conversationId]?.type === "GROUP");
  // Off in my settings: no link I type is ever sent to the server to be fetched.
  const linkPreviewsOn = useChat((s) => s.profile?.settings.linkPreviews !== false);
  const members = useChat((s) => s.members[conversationId]);
  const local = useRef<HTMLTextAreaElement | null>(null);
  const mediaInput = useRef<HTMLInputElement>(null);
  const docInput = useRef<HTMLInputElement>(null);
  const [attachOpen, setAttachOpen] = useState(false);
  const [attachButton, setAttachButton] = useState<HTMLButtonElement | null>(null);
  const [locationOpen, setLocationOpen] = useState(false);
  const [pollOpen, setPollOpen] = useState(false);
  const [contactOpen, setContactOpen] = useState(false);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const emojiPanelId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  // "Send" pressed while these files were still uploading: send once they are all up.
  const [waitingFor, setWaitingFor] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  // The text being edited, per message (starts as the message's text).
  const [editDraft, setEditDraft] = useState<{ id: string; text: string } | null>(null);

  const editing = mode?.kind === "edit" ? mode.message : null;
  const replying = mode?.kind === "reply" ? mode.message : null;
  const replyFrom = (mode?.kind === "reply" && mode.from) || null;
  const value = editing ? (editDraft && editDraft.id === editing.id ? editDraft.text : (editing.text ?? "")) : draft;
  const hasFiles = !editing && uploads.items.length > 0;

  const length = value.trim().length;
  const tooLong = length > MAX_MESSAGE_LENGTH;
  const canSend = editing ? length > 0 && !tooLong && !saving : !tooLong && (hasFiles ? uploads.summary.failed === 0 : length > 0);
  // An empty box offers the microphone where Send would be, as WhatsApp does.
  const showMic = !editing && !hasFiles && length === 0;
  // As in WhatsApp: none for an edit or for a caption of files.
  const { shown: shownPreview, toSend: previewToSend, dismiss: dismissPreview, reset: resetPreview } = useLinkPreview(draft, linkPreviewsOn && !editing && !hasFiles);

  useLayoutEffect(() => {
    const el = local.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 148)}px`;
  }, [value]);

  // Reply / edit chosen in the message menu: type right away.
  useEffect(() => {
    if (!mode) return;
    const el = local.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [mode]);

  const setRefs = (el: HTMLTextAreaElement | null) => {
    local.current = el;
    if (typeof ref === "function") ref(el);
    else if (ref) ref.current = el;
  };

  /** The one way the text changes: typing, or an emoji from the panel. */
  const changeText = (next: string) => {
    if (editing?.id) {
      setEditDraft({ id: editing.id, text: next });
      return;
    }
    store.getState().setDraft(conversationId, next);
    client.typingInput(conversationId, next);
  };

  const mentions = useMentions({
    enabled: isGroup,
    value,
    members,
    meId,
    replaceText: (text, caret) => {
      changeText(text);
      requestAnimationFrame(() => local.current?.setSelectionRange(caret, caret));
    },
  });

  /** Puts an emoji where the caret was (the box keeps its selection while the panel has focus). */
  const insertEmoji = (emoji: string) => {
    const el = local.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    changeText(value.slice(0, start) + emoji + value.slice(end));
    const caret = start + emoji.length;
    requestAnimationFrame(() => local.current?.setSelectionRange(caret, caret));
  };

  const closeEmoji = () => {
    setEmojiOpen(false);
    local.current?.focus();
  };

  const addFiles = useCallback(
    (files: File[]) => {
      if (!files.length) return;
      const { refused } = uploads.add(files);
      setNotice(refused.length ? refused.join(" · ") : null);
    },
    [uploads],
  );

  const reply = useMemo(
    () => (replying?.id ? { replyToId: replying.id, replyTo: toReplyPreview(replying, nameOf(replying.senderId), replyFrom) } : {}),
    [replying, replyFrom, nameOf],
  );
  const sendNow = useCallback(() => {
    const attachments = uploadedAttachments(uploads.items);
    const ok = client.send(conversationId, draft, {
      ...reply,
      ...(attachments.length ? { attachments } : {}),
      ...(previewToSend ? { linkPreview: previewToSend } : {}),
    });
    setWaitingFor(null);
    if (!ok) return;
    store.getState().setDraft(conversationId, "");
    uploads.clear();
    resetPreview();
    setNotice(null);
    if (replying) onCancelMode();
    onSent();
  }, [client, conversationId, draft, reply, previewToSend, resetPreview, onCancelMode, onSent, replying, store, uploads]);

  /** A location, a poll or a contact, as a reply when one is being written. */
  const sendRich = (text: string, rich: Pick<RichParts, "location" | "poll" | "contact">) => {
    if (!client.send(conversationId, text, { ...reply, ...rich })) return;
    if (replying) onCancelMode();
    onSent();
  };

  // Still waiting only while one of those files is queued (removing them all cancels it).
  const waiting = !!waitingFor && uploads.items.some((i) => waitingFor.includes(i.localId));
  const { ready, failed } = uploads.summary;
  useEffect(() => {
    if (waiting && ready) sendNow();
  }, [waiting, ready, sendNow]);
  const waitingToSend = waiting && failed === 0;

  const focusBox = useCallback(() => local.current?.focus(), []);
  const voice = useVoiceRecording({
    // The recording becomes an upload like any file, and goes out as soon as it is up.
    onRecorded: useCallback(
      (file: File | null) => {
        if (!file) {
          setNotice("Nothing was recorded. Check your microphone and try again.");
          return;
        }
        const { added, refused } = uploads.add([file]);
        if (refused.length) setNotice(refused.join(" · "));
        if (added.length) setWaitingFor(added);
      },
      [uploads],
    ),
    onError: setNotice,
    onDone: focusBox,
  });

  // "recording audio…" for the others while the bar is up; it ends when the bar goes (sent,
  // discarded, or the chat left).
  const isRecording = voice.recording !== null;
  useEffect(() => {
    if (!isRecording) return;
    client.typingRecording(conversationId, true);
    return () => client.typingRecording(conversationId, false);
  }, [isRecording, client, conversationId]);

  const saveEdit = async () => {
    if (!editing?.id || !canSend) return;
    const text = value.trim();
    if (text === (editing.text ?? "").trim()) {
      onCancelMode();
      return;
    }
    setSaving(true);
    try {
      await client.editMessage(editing.id, text);
      setEditDraft(null);
      onCancelMode();
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't edit the message", "error");
    } finally {
      setSaving(false);
    }
  };

  const send = () => {
    if (editing) {
      void saveEdit();
      return;
    }
    if (tooLong) return;
    if (hasFiles) {
      if (uploads.summary.failed > 0) {
        setNotice("Some files couldn't be uploaded: retry or remove them first.");
        return;
      }
      if (!uploads.summary.ready) {
        setWaitingFor(uploads.items.map((i) => i.localId));
        return;
      }
      sendNow();
      return;
    }
    if (length > 0) sendNow();
  };

  const cancelMode = () => {
    setEditDraft(null);
    onCancelMode();
  };

  const pick = (input: HTMLInputElement | null) => {
    if (!input) return;
    input.value = "";
    input.click();
  };

  return (
    <>
      <form
        className="shrink-0 bg-panel-2 px-3 py-2.5 md:px-4"
        onSubmit={(e) => {
          e.preventDefault();
          send();
          local.current?.focus();
        }}
        aria-label={editing ? "Edit message" : "Send a message"}
      >
        {replying && (
          <div className="mb-2 flex items-stretch gap-2 rounded-lg bg-panel p-1.5 pr-1" data-testid="composer-reply-banner">
            <div className="min-w-0 flex-1 rounded-md border-l-4 border-accent bg-panel-2 px-2.5 py-1.5 text-[13px]">
              <p className={`truncate font-medium ${replying.senderId === meId ? "text-accent-strong" : nameColorClass(replying.senderId)}`}>
                <span className="sr-only">Replying to </span>
                {replying.senderId === meId ? "You" : nameOf(replying.senderId) || "Unknown"}
                {replyFrom && <span className="font-normal text-muted" data-testid="reply-from-chat"> · {replyFrom.title}</span>}
              </p>
              <p className="line-clamp-2 text-muted">{contentPreview(replying)}</p>
            </div>
            <button type="button" onClick={cancelMode} aria-label="Cancel reply" title="Cancel reply (Esc)" className="self-center rounded-full p-2 text-muted hover:bg-hover hover:text-fg" data-testid="cancel-reply">
              <CloseIcon size={20} />
            </button>
          </div>
        )}
        {editing && (
          <div className="mb-2 flex items-center gap-2 rounded-lg bg-panel p-1.5 pr-1" data-testid="composer-edit-banner">
            <span className="flex h-8 w-8 shrink-0 items-center justify-center text-accent-strong">
              <PencilIcon size={18} />
            </span>
            <div className="min-w-0 flex-1 text-[13px]">
              <p className="font-medium text-accent-strong">Editing</p>
              <p className="truncate text-muted">{contentPreview(editing)}</p>
            </div>
            <button type="button" onClick={cancelMode} aria-label="Cancel editing" title="Cancel editing (Esc)" className="rounded-full p-2 text-muted hover:bg-hover hover:text-fg" data-testid="cancel-edit">
              <CloseIcon size={20} />
            </button>
          </div>
        )}
        {!editing && <UploadTray queue={uploads} waitingToSend={waitingToSend} />}
        {shownPreview && (
          <ComposerLinkPreview
            shown={shownPreview}
            onDismiss={() => {
              dismissPreview(shownPreview.url);
              // The button goes with the card: keep the keyboard in the box.
              local.current?.focus();
            }}
          />
        )}
        {tooLong && (
          <p id="composer-error" role="alert" className="mb-2 px-2 text-sm text-danger" data-testid="composer-error">
            Message is too long: {fmt(length)} of {fmt(MAX_MESSAGE_LENGTH)} characters. Shorten it to send.
          </p>
        )}
        {notice && !editing && (
          <p role="alert" className="mb-2 flex items-start gap-2 px-2 text-sm text-danger" data-testid="composer-notice">
            <span className="flex-1">{notice}</span>
            <button type="button" onClick={() => setNotice(null)} className="shrink-0 text-muted hover:text-fg" aria-label="Dismiss">
              <CloseIcon size={16} />
            </button>
          </p>
        )}
        {emojiOpen && <EmojiPanel id={emojiPanelId} onPick={insertEmoji} onClose={closeEmoji} />}
        {mentions.open && !voice.recording && (
          <MentionPicker id={mentions.listId} candidates={mentions.candidates} active={mentions.highlighted} onPick={(m) => mentions.pick(m.username)} />
        )}
        <div className="flex items-end gap-2">
          {voice.recording ? (
            <VoiceRecorderBar startedAt={voice.recording.startedAt} onDiscard={voice.discard} onSend={() => void voice.send()} />
          ) : (
            <>
              <button
                type="button"
                aria-label={emojiOpen ? "Close emoji" : "Emoji"}
                title="Emoji"
                aria-expanded={emojiOpen}
                aria-controls={emojiOpen ? emojiPanelId : undefined}
                onClick={() => (emojiOpen ? closeEmoji() : setEmojiOpen(true))}
                className={`flex h-[42px] w-[42px] shrink-0 items-center justify-center rounded-full text-muted transition hover:bg-active hover:text-fg ${
                  emojiOpen ? "bg-active text-fg" : ""
                }`}
                data-testid="emoji-button"
              >
                {emojiOpen ? <CloseIcon size={24} /> : <SmileIcon size={24} />}
              </button>
              {!editing && (
                <>
                  <button
                    ref={setAttachButton}
                    type="button"
                    aria-label="Attach"
                    title="Attach"
                    aria-haspopup="menu"
                    aria-expanded={attachOpen}
                    onClick={() => setAttachOpen((o) => !o)}
                    className={`flex h-[42px] w-[42px] shrink-0 items-center justify-center rounded-full text-muted transition hover:bg-active hover:text-fg ${
                      attachOpen ? "rotate-45 bg-active text-fg" : ""
                    }`}
                    data-testid="attach-button"
                  >
                    <PlusIcon size={24} />
                  </button>
                  <Menu open={attachOpen} onClose={() => setAttachOpen(false)} anchor={attachButton} label="Attach" align="start" testId="attach-menu">
                    <MenuItem
                      icon={<span className="flex h-8 w-8 items-center justify-center rounded-full bg-[#007bfc] text-white"><PhotoIcon size={18} /></span>}
                      onClick={() => pick(mediaInput.current)}
                      data-testid="attach-media"
                    >
                      Photos &amp; videos
                    </MenuItem>
                    <MenuItem
                      icon={<span className="flex h-8 w-8 items-center justify-center rounded-full bg-[#7f66ff] text-white"><DocumentIcon size={18} /></span>}
                      onClick={() => pick(docInput.current)}
                      data-testid="attach-document"
                    >
                      Document
                    </MenuItem>
                    <MenuItem
                      icon={<span className="flex h-8 w-8 items-center justify-center rounded-full bg-[#00a884] text-white"><LocationIcon size={18} /></span>}
                      onClick={() => setLocationOpen(true)}
                      data-testid="attach-location"
                    >
                      Location
                    </MenuItem>
                    <MenuItem
                      icon={<span className="flex h-8 w-8 items-center justify-center rounded-full bg-[#ffbc38] text-[#111b21]"><PollIcon size={18} /></span>}
                      onClick={() => setPollOpen(true)}
                      data-testid="attach-poll"
                    >
                      Poll
                    </MenuItem>
                    <MenuItem
                      icon={<span className="flex h-8 w-8 items-center justify-center rounded-full bg-[#009de2] text-white"><UserIcon size={18} /></span>}
                      onClick={() => setContactOpen(true)}
                      data-testid="attach-contact"
                    >
                      Contact
                    </MenuItem>
                  </Menu>
                  <input
                    ref={mediaInput}
                    type="file"
                    accept="image/*,video/*"
                    multiple
                    hidden
                    onChange={(e) => addFiles([...(e.target.files ?? [])])}
                    data-testid="file-input-media"
                  />
                  <input ref={docInput} type="file" multiple hidden onChange={(e) => addFiles([...(e.target.files ?? [])])} data-testid="file-input-document" />
                </>
              )}
              <div className="flex min-h-[42px] min-w-0 flex-1 items-center rounded-lg bg-panel px-3 py-[9px] ring-accent/60 focus-within:ring-1">
                <textarea
                  ref={setRefs}
                  rows={1}
                  value={value}
                  onChange={(e) => {
                    changeText(e.target.value);
                    mentions.onTyped(e.target.value, e.target.selectionStart);
                  }}
                  onSelect={(e) => mentions.onCaret(e.currentTarget.selectionStart)}
                  {...mentions.boxProps}
                  onKeyDown={(e) => {
                    if (mentions.onKeyDown(e)) return;
                    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                      e.preventDefault();
                      send();
                    } else if (e.key === "Escape" && mode) {
                      e.preventDefault();
                      cancelMode();
                    }
                  }}
                  onPaste={(e) => {
                    if (editing) return;
                    const files = [...e.clipboardData.files];
                    if (files.length === 0) return;
                    // Pasted pictures (screenshots) become attachments; pasted text stays text.
                    e.preventDefault();
                    addFiles(files);
                  }}
                  onBlur={() => client.typingBlur(conversationId)}
                  placeholder={editing ? "Edit message" : hasFiles ? "Add a caption" : "Type a message"}
                  aria-label={editing ? "Edit message" : hasFiles ? "Caption" : "Type a message"}
                  aria-invalid={tooLong || undefined}
                  aria-describedby={tooLong ? "composer-error" : undefined}
                  data-testid="composer-input"
                  className="block max-h-[148px] w-full resize-none bg-transparent text-[15px] leading-6 text-fg outline-none placeholder:text-muted"
                />
              </div>
              {length > MAX_MESSAGE_LENGTH - 300 && !tooLong && (
                <span className="self-center text-xs text-muted" aria-live="polite">
                  {fmt(MAX_MESSAGE_LENGTH - length)} left
                </span>
              )}
              {showMic ? (
                <button
                  type="button"
                  onClick={() => {
                    setNotice(null);
                    void voice.start();
                  }}
                  disabled={voice.starting}
                  aria-label="Record voice message"
                  title="Record voice message"
                  data-testid="voice-record"
                  className="flex h-[42px] w-[42px] shrink-0 items-center justify-center rounded-full text-muted transition hover:bg-active hover:text-fg disabled:opacity-60"
                >
                  <MicIcon size={24} />
                </button>
              ) : (
                <button
                  type="submit"
                  disabled={!canSend}
                  aria-label={editing ? "Save edit" : waitingToSend ? "Sending when uploads finish" : "Send"}
                  title={editing ? "Save" : "Send"}
                  data-testid="send-button"
                  data-waiting={waitingToSend ? "true" : undefined}
                  className="flex h-[42px] w-[42px] shrink-0 items-center justify-center rounded-full bg-accent text-accent-fg transition hover:bg-accent-strong disabled:bg-transparent disabled:text-muted"
                >
                  {editing ? (
                    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
                      <path d="M5 12.5 10 17 19 7" stroke="currentColor" strokeWidth="2.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                  ) : (
                    <SendIcon size={22} />
                  )}
                </button>
              )}
            </>
          )}
        </div>
      </form>
      <LocationDialog open={locationOpen} onClose={() => setLocationOpen(false)} onSend={(location) => sendRich("", { location })} />
      <ContactDialog
        open={contactOpen}
        onClose={() => setContactOpen(false)}
        onSend={(contact) => {
          setContactOpen(false);
          sendRich("", { contact });
        }}
      />
      <PollDialog
        open={pollOpen}
        onClose={() => setPollOpen(false)}
        onSend={({ question, options, multiple }) => sendRich(question, { poll: { options, multiple } })}
      />
    </>
  );
});
