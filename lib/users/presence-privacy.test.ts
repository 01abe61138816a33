import { describe, expect, it } from "vitest";
import { getConversation } from "@/lib/conversations/get-conversation";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { removeMember } from "@/lib/groups/manage-members";
import { ioPublisher } from "@/lib/realtime/publisher";
import { rooms } from "@/lib/realtime/rooms";
import { testDb } from "@/lib/test-support/database";
import { liveRealtime } from "@/lib/test-support/live-realtime";
import { collect, connectSynced, createTestUser, nextEvent, sleep, type TestSocket, type TestUser } from "@/lib/test-support/fixtures";
import { setBlocked } from "./block-user";
import { updateProfile } from "./profile";

const db = testDb();
const { server, sockets } = liveRealtime(db);

const connect = (user: TestUser) => connectSynced(server.url, user.cookie, sockets);
/** The user as the live server sees them: what they change reaches connected sockets. */
const live = (user: TestUser) => ({ ...user, ctx: { ...user.ctx, publish: ioPublisher(server.io) } });
const setLastSeen = (user: TestUser, lastSeen: "everyone" | "nobody") => updateProfile(live(user).ctx, { settings: { lastSeen } });
const memberSeenBy = async (viewer: TestUser, conversationId: string, userId: string) =>
  (await getConversation(live(viewer).ctx, { conversationId })).members.find((m) => m.id === userId);
const hidden = (userId: string) => ({ userId, online: false, lastActiveAt: null });

describe("last seen and online setting", () => {
  it("Nobody: my open tabs stop hearing anyone come online or go at once, without asking again", async () => {
    const gwen = await createTestUser(db, { name: "Hiding Gwen" });
    const hugo = await createTestUser(db, { name: "Seen Hugo" });
    await openDirect(gwen.ctx, { userId: hugo.id });
    const gwenTab = await connect(gwen);
    const hugoTab = await connect(hugo);
    expect(await gwenTab.emitWithAck("presence:watch", { userIds: [hugo.id] })).toMatchObject({ ok: true, presence: [{ userId: hugo.id, online: true }] });

    await setLastSeen(gwen, "nobody");
    // A tab that never asks again (asleep, an old build, or a client that doesn't).
    const heard = collect(gwenTab, "presence");
    hugoTab.close();
    await sleep(300);
    await connect(hugo);
    await sleep(300);
    expect(heard.seen.filter((e) => e.userId === hugo.id)).toEqual([]);
  });

  it("Nobody: watchers see neither online nor last seen, live or asked; Everyone again shows them at once", async () => {
    const erin = await createTestUser(db, { name: "Hidden Erin" });
    const finn = await createTestUser(db, { name: "Watching Finn" });
    const chat = await openDirect(erin.ctx, { userId: finn.id });
    const watcher = await connect(finn);
    const erinTab = await connect(erin);
    await sleep(100);
    expect(await watcher.emitWithAck("presence:watch", { userIds: [erin.id] })).toMatchObject({ ok: true, presence: [{ userId: erin.id, online: true }] });

    const goesAway = nextEvent(watcher, "presence");
    await setLastSeen(erin, "nobody");
    expect(await goesAway).toEqual(hidden(erin.id));
    expect(await watcher.emitWithAck("presence:watch", { userIds: [erin.id] })).toEqual({ ok: true, presence: [hidden(erin.id)] });
    expect(await memberSeenBy(finn, chat.id, erin.id)).toMatchObject({ online: false, lastActiveAt: null });

    // Her coming and going is not announced while hidden.
    const seen = collect(watcher, "presence");
    erinTab.close();
    await sleep(300);
    await connect(erin);
    await sleep(300);
    expect(seen.seen).toEqual([]);

    const comesBack = nextEvent(watcher, "presence");
    await setLastSeen(erin, "everyone");
    expect(await comesBack).toMatchObject({ userId: erin.id, online: true });
    expect(await memberSeenBy(finn, chat.id, erin.id)).toMatchObject({ online: true });
  });

  it("in return, someone who hides theirs sees nobody's, and hears of no one coming or going", async () => {
    const gwen = await createTestUser(db, { name: "Private Gwen" });
    const hugo = await createTestUser(db, { name: "Open Hugo" });
    const chat = await openDirect(gwen.ctx, { userId: hugo.id });
    const gwenTab = await connect(gwen);
    await connect(hugo);
    await sleep(100);
    expect(await gwenTab.emitWithAck("presence:watch", { userIds: [hugo.id] })).toMatchObject({ ok: true, presence: [{ online: true }] });

    await setLastSeen(gwen, "nobody");
    // Her tabs hear of the change (profile:updated) and ask again: now nothing, and no more events.
    expect(await gwenTab.emitWithAck("presence:watch", { userIds: [hugo.id] })).toEqual({ ok: true, presence: [hidden(hugo.id)] });
    expect(await memberSeenBy(gwen, chat.id, hugo.id)).toMatchObject({ online: false, lastActiveAt: null });
    const seen = collect(gwenTab, "presence");
    const hugoTab2 = await connect(hugo);
    hugoTab2.close();
    await sleep(300);
    expect(seen.seen).toEqual([]);

    await setLastSeen(gwen, "everyone");
    expect(await gwenTab.emitWithAck("presence:watch", { userIds: [hugo.id] })).toMatchObject({ ok: true, presence: [{ userId: hugo.id, online: true }] });
  });

  it("someone I block no longer sees when I'm online or was last seen; unblocked, they do again", async () => {
    const iris = await createTestUser(db, { name: "Blocking Iris" });
    const jack = await createTestUser(db, { name: "Blocked Jack" });
    const chat = await openDirect(iris.ctx, { userId: jack.id });
    const jackTab = await connect(jack);
    await connect(iris);
    await sleep(100);
    expect(await jackTab.emitWithAck("presence:watch", { userIds: [iris.id] })).toMatchObject({ ok: true, presence: [{ userId: iris.id, online: true }] });

    const told = nextEvent(jackTab, "presence");
    await setBlocked(live(iris).ctx, { userId: jack.id, blocked: true });
    expect(await told).toEqual(hidden(iris.id));
    expect(await jackTab.emitWithAck("presence:watch", { userIds: [iris.id] })).toEqual({ ok: true, presence: [hidden(iris.id)] });
    expect(await memberSeenBy(jack, chat.id, iris.id)).toMatchObject({ online: false, lastActiveAt: null });
    // Her coming and going doesn't reach him: his sockets left her presence on every node.
    const seen = collect(jackTab, "presence");
    const irisTab2 = await connect(iris);
    irisTab2.close();
    await sleep(300);
    expect(seen.seen).toEqual([]);

    const back = nextEvent(jackTab, "presence");
    await setBlocked(live(iris).ctx, { userId: jack.id, blocked: false });
    expect(await back).toMatchObject({ userId: iris.id, online: true });
    expect(await memberSeenBy(jack, chat.id, iris.id)).toMatchObject({ online: true });
  });
});

describe("presence follows shared chats", () => {
  /** Whether `tab` hears of a change to `subject`'s presence (they hide it, then show it again). */
  /** Whether the tab's socket is among those the subject's presence is sent to. */
  async function hearsPresenceOf(tab: TestSocket, subject: TestUser): Promise<boolean> {
    const [socket] = await server.io.in(tab.id!).fetchSockets();
    return socket?.rooms.has(rooms.presence(subject.id)) ?? false;
  }

  it("once the only group we shared is left or I'm removed from it, neither side hears the other's presence", async () => {
    const kate = await createTestUser(db, { name: "Owner Kate" });
    const liam = await createTestUser(db, { name: "Leaving Liam" });
    const mona = await createTestUser(db, { name: "Removed Mona" });
    const group = await createPrivateGroup(live(kate).ctx, { name: "Short-lived", memberIds: [liam.id, mona.id] });
    const kateTab = await connect(kate);
    const liamTab = await connect(liam);
    const monaTab = await connect(mona);
    await sleep(100);
    for (const [tab, others] of [[kateTab, [liam, mona]], [liamTab, [kate, mona]], [monaTab, [kate, liam]]] as const) {
      expect(await tab.emitWithAck("presence:watch", { userIds: others.map((u) => u.id) })).toMatchObject({ ok: true });
    }
    expect(await hearsPresenceOf(kateTab, liam)).toBe(true);

    await leaveGroup(live(liam).ctx, { conversationId: group.id });
    await sleep(100);
    expect(await hearsPresenceOf(kateTab, liam)).toBe(false);
    expect(await hearsPresenceOf(liamTab, kate)).toBe(false);
    expect(await hearsPresenceOf(monaTab, liam)).toBe(false);
    // Those still in the group keep hearing each other.
    expect(await hearsPresenceOf(kateTab, mona)).toBe(true);

    await removeMember(live(kate).ctx, { conversationId: group.id, userId: mona.id });
    await sleep(100);
    expect(await hearsPresenceOf(kateTab, mona)).toBe(false);
    expect(await hearsPresenceOf(monaTab, kate)).toBe(false);
  });

  it("leaving one shared group keeps presence when we still share another chat", async () => {
    const nora = await createTestUser(db, { name: "Staying Nora" });
    const owen = await createTestUser(db, { name: "Friend Owen" });
    await openDirect(nora.ctx, { userId: owen.id });
    const group = await createPrivateGroup(live(nora).ctx, { name: "Side group", memberIds: [owen.id] });
    const noraTab = await connect(nora);
    const owenTab = await connect(owen);
    await sleep(100);
    expect(await noraTab.emitWithAck("presence:watch", { userIds: [owen.id] })).toMatchObject({ ok: true });
    expect(await owenTab.emitWithAck("presence:watch", { userIds: [nora.id] })).toMatchObject({ ok: true });

    await leaveGroup(live(owen).ctx, { conversationId: group.id });
    await sleep(100);
    expect(await hearsPresenceOf(noraTab, owen)).toBe(true);
    expect(await hearsPresenceOf(owenTab, nora)).toBe(true);
  });
});
