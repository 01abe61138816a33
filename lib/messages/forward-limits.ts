// How far forwarding has carried a message, and what that allows, as in WhatsApp: a copy five or
// more forwards from the message first sent is marked "Forwarded many times", and goes on to one
// chat at a time, to slow down chain messages. Shared by the server's forward and the browser's
// dialog.
import { MAX_FORWARD_TARGETS } from "@/lib/limits";

/** Forwards (from the message first sent) from which a copy is "Forwarded many times". */
export const FORWARDED_MANY_TIMES = 5;

export const isForwardedManyTimes = (forwards: number): boolean => forwards >= FORWARDED_MANY_TIMES;

/** Most chats one forward goes to: one while any of its messages was forwarded many times. */
export const forwardTargetLimit = (anyForwardedManyTimes: boolean): number => (anyForwardedManyTimes ? 1 : MAX_FORWARD_TARGETS);

export const FORWARDED_MANY_TIMES_LIMIT_TEXT = "Messages forwarded many times can be sent to one chat at a time";
