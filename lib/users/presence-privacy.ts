// "Last seen and online" privacy setting, as WhatsApp has it (without contacts, so "Everyone"
// or "Nobody"). Hidden: nobody sees when I was last seen or that I'm online, and, in return, I
// see nobody's.
import type { Ctx } from "@/lib/context";
import type { PresenceEvent } from "@/lib/realtime/contract";
import { readSettings } from "./user-settings";

/** Whether a user with these stored settings shows their last seen and online. */
export function sharesPresence(storedSettings: unknown): boolean {
  return readSettings(storedSettings).lastSeen === "everyone";
}

/** What a viewer may see of someone's presence: nothing unless both share theirs. */
export function visiblePresence(event: PresenceEvent, subjectShares: boolean, viewerShares: boolean): PresenceEvent {
  return subjectShares && viewerShares ? event : { userId: event.userId, online: false, lastActiveAt: null };
}

/** A member's `online` and `lastActiveAt` as this viewer may see them. */
export function presenceOf(
  user: { id: string; lastActiveAt: Date | null; settings: unknown },
  online: ReadonlySet<string>,
  viewerShares: boolean,
): Pick<PresenceEvent, "online" | "lastActiveAt"> {
  const event = { userId: user.id, online: online.has(user.id), lastActiveAt: user.lastActiveAt?.toISOString() ?? null };
  const { online: isOnline, lastActiveAt } = visiblePresence(event, sharesPresence(user.settings), viewerShares);
  return { online: isOnline, lastActiveAt };
}

/**
 * After I changed the setting: those watching me see my presence appear or go. My own tabs
 * watch again (profile:updated), which joins or leaves the others' presence for me.
 */
export async function announcePresenceSharing(ctx: Ctx, shares: boolean, lastActiveAt: Date | null): Promise<void> {
  const me = ctx.actor.id;
  const online = shares && (await ctx.publish.onlineAmong([me])).has(me);
  const event: PresenceEvent = { userId: me, online, lastActiveAt: lastActiveAt?.toISOString() ?? null };
  ctx.publish.toPresenceWatchers(me, visiblePresence(event, shares, true));
}
