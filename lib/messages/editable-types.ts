// Which messages have text their sender may edit, shared by the server's edit and the bubble's
// Edit item: a notice, a location, a poll (its question and options are what was voted on) and
// a contact card are sent as they are.
import type { MessageType } from "@/lib/realtime/contract";

const NOT_EDITABLE: ReadonlySet<MessageType> = new Set<MessageType>(["SYSTEM", "LOCATION", "POLL", "CONTACT"]);

export function isEditableType(type: MessageType): boolean {
  return !NOT_EDITABLE.has(type);
}
