// Desktop notifications for new messages, as WhatsApp Web shows them: for the same chats that
// get the new-message sound (chatsToChime), once this browser allows them and unless they are
// turned off here. The choice is this browser's, like the permission it depends on.
import type { ConversationSummary } from "@/lib/realtime/contract";
import { messagePreview } from "./conversations";

const PREF_KEY = "convo:desktop-notifications:v1";

export type DesktopNotificationState = "unsupported" | "blocked" | "ask" | "off" | "on";

const listeners = new Set<() => void>();

/** What the settings switch shows, and whether a notification would be shown now. */
export function desktopNotificationState(): DesktopNotificationState {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  if (Notification.permission !== "granted") return "ask";
  return localStorage.getItem(PREF_KEY) === "off" ? "off" : "on";
}

export function subscribeDesktopNotifications(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Turns them on (asking the browser first if need be) or off. */
export async function setDesktopNotifications(on: boolean): Promise<DesktopNotificationState> {
  try {
    if (on && desktopNotificationState() === "ask") await Notification.requestPermission();
    localStorage.setItem(PREF_KEY, on ? "on" : "off");
  } finally {
    for (const listener of listeners) listener();
  }
  return desktopNotificationState();
}

/** Title and text of a chat's notification: the chat, then (in a group) who wrote, and what. */
export function notificationContent(c: ConversationSummary): { title: string; body: string } | null {
  const last = c.lastMessage;
  if (!last) return null;
  const preview = messagePreview(last, false);
  return { title: c.title, body: c.type === "GROUP" ? `${last.senderName}: ${preview}` : preview };
}

/** Shows one notification per chat (a newer one replaces the chat's last); a click opens it. */
export function showDesktopNotification(c: ConversationSummary, open: (conversationId: string) => void): void {
  const content = notificationContent(c);
  if (!content || desktopNotificationState() !== "on") return;
  let n: Notification;
  try {
    n = new Notification(content.title, { body: content.body, tag: c.id, icon: "/icon.svg" });
  } catch {
    // Chrome on Android allows them only through a service worker: there, no notification.
    return;
  }
  n.onclick = () => {
    window.focus();
    open(c.id);
    n.close();
  };
}
