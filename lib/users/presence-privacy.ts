// Who sees someone's online state and last seen, as in WhatsApp: not when they set "Last seen
// and online" to Nobody (and, in return, they see nobody's), and not the people they blocked.
import type { Ctx } from "@/lib/context";
import type { PresenceEvent } from "@/lib/realtime/contract";
import { readSettings } from "./user-settings";

/** Whether a user with these stored settings shows their last seen and online. */
export function sharesPresence(storedSettings: unknown): boolean {
  return readSettings(storedSettings).lastSeen === "everyone";
}

/** The subject as a viewer may know them: with their setting and whether they blocked the viewer. */
export type PresenceSubject = { settings: unknown; blockedViewer: boolean };

/** Whether this viewer may see the subject's presence. */
export function mayWatch(subject: PresenceSubject, viewerShares: boolean): boolean {
  return viewerShares && sharesPresence(subject.settings) && !subject.blockedViewer;
}

/** What a viewer who may not see it is told: nothing. */
export const hiddenPresence = (userId: string): PresenceEvent => ({ userId, online: false, lastActiveAt: null });

/** A member's `online` and `lastActiveAt` as this viewer may see them. */
export function presenceOf(
  user: PresenceSubject & { id: string; lastActiveAt: Date | null },
  online: ReadonlySet<string>,
  viewerShares: boolean,
): Pick<PresenceEvent, "online" | "lastActiveAt"> {
  if (!mayWatch(user, viewerShares)) return { online: false, lastActiveAt: null };
  return { online: online.has(user.id), lastActiveAt: user.lastActiveAt?.toISOString() ?? null };
}

async function currentPresence(ctx: Ctx, lastActiveAt: Date | null): Promise<PresenceEvent> {
  const me = ctx.actor.id;
  return { userId: me, online: (await ctx.publish.onlineAmong([me])).has(me), lastActiveAt: lastActiveAt?.toISOString() ?? null };
}

/**
 * After I changed the setting: those watching me see my presence appear or go. Hidden, my tabs
 * stop hearing everyone's at once, not only when they ask again; shown again, they ask
 * (profile:updated) and join the others' presence once more.
 */
export async function announcePresenceSharing(ctx: Ctx, shares: boolean, lastActiveAt: Date | null): Promise<void> {
  const me = ctx.actor.id;
  if (!shares) ctx.publish.unwatchAllPresence(me);
  ctx.publish.toPresenceWatchers(me, shares ? await currentPresence(ctx, lastActiveAt) : hiddenPresence(me));
}

/**
 * After I blocked or unblocked someone: they stop (or start again) watching my presence, on
 * every tab and node, and are told what they may now see of it.
 */
export async function applyBlockToPresence(ctx: Ctx, userId: string, blocked: boolean): Promise<void> {
  const me = ctx.actor.id;
  if (blocked) {
    ctx.publish.setPresenceWatch(userId, me, false);
    ctx.publish.toUser(userId, "presence", hiddenPresence(me));
    return;
  }
  const [mine, theirs, sharedChats] = await Promise.all([
    ctx.db.user.findUniqueOrThrow({ where: { id: me }, select: { settings: true, lastActiveAt: true } }),
    ctx.db.user.findUniqueOrThrow({ where: { id: userId }, select: { settings: true } }),
    // Only people I share a chat with watch my presence at all (lib/realtime/presence.ts).
    ctx.db.participant.count({ where: { userId, leftAt: null, conversation: { participants: { some: { userId: me, leftAt: null } } } } }),
  ]);
  if (sharedChats === 0 || !mayWatch({ settings: mine.settings, blockedViewer: false }, sharesPresence(theirs.settings))) return;
  ctx.publish.setPresenceWatch(userId, me, true);
  ctx.publish.toUser(userId, "presence", await currentPresence(ctx, mine.lastActiveAt));
}
