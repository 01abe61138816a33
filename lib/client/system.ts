// Wording of SYSTEM messages (centred notices such as "Ana joined"), WhatsApp style: "You" when
// the actor or target is me. Events carry names, not ids, so "me" is matched by my display name.
import { messageTimerLabel } from "@/lib/conversations/message-timers";
import type { SystemEvent } from "@/lib/realtime/contract";

export function systemText(ev: SystemEvent | null, fallback: string | null, meName?: string): string {
  if (!ev) return fallback ?? "";
  const isMe = (name: string) => !!meName && name === meName;
  const actor = "actorName" in ev ? (isMe(ev.actorName) ? "You" : ev.actorName) : "";
  const target = "targetName" in ev ? (isMe(ev.targetName) ? "you" : ev.targetName) : "";
  switch (ev.kind) {
    case "created":
      return `${actor} created group “${ev.groupName}”`;
    case "added":
      return `${actor} added ${target}`;
    case "removed":
      return `${actor} removed ${target}`;
    case "joined":
      return `${actor} joined`;
    case "left":
      return `${actor} left`;
    case "renamed":
      return `${actor} changed the group name to “${ev.groupName}”`;
    case "promoted":
      return `${actor} made ${target} an admin`;
    case "demoted":
      return `${actor} removed ${target} as admin`;
    case "owner":
      return target === "you" ? "You're now the group owner" : `${target} is now the group owner`;
    case "pinned":
      return `${actor} pinned a message`;
    case "sendPolicy":
      return ev.onlyAdmins
        ? `${actor} changed this group's settings to allow only admins to send messages`
        : `${actor} changed this group's settings to allow all members to send messages`;
    case "messageTimer":
      return ev.seconds === null
        ? `${actor} turned off disappearing messages.`
        : `${actor} turned on disappearing messages. New messages will disappear from this chat ${messageTimerLabel(ev.seconds)} after they're sent.`;
    default:
      return fallback ?? "";
  }
}
