import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test-support/database";
import { openDirect } from "@/lib/conversations/open-direct";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { createInvite, joinByInvite } from "@/lib/groups/invites";
import { sendMessage } from "@/lib/messages/send-message";
import { createTestUser } from "@/lib/test-support/fixtures";
import { setBlocked } from "./block-user";
import { getMyProfile, getUserProfile, isUsernameAvailable, updateProfile } from "./profile";

const db = testDb();

describe("profile", () => {
  it("changes one setting without resetting the others", async () => {
    const me = await createTestUser(db);
    await updateProfile(me.ctx, { settings: { theme: "dark" } });
    await updateProfile(me.ctx, { settings: { notificationSounds: false } });
    await updateProfile(me.ctx, { settings: { readReceipts: false } });
    expect((await getMyProfile(me.ctx)).settings).toEqual({ theme: "dark", notificationSounds: false, language: "en", readReceipts: false, lastSeen: "everyone", linkPreviews: true });
  });

  it("keeps usernames unique and says so", async () => {
    const a = await createTestUser(db);
    const b = await createTestUser(db);
    const wanted = `taken_${Date.now().toString(36)}`;
    await updateProfile(a.ctx, { username: wanted });
    expect(await isUsernameAvailable(b.ctx, { username: wanted })).toEqual({ available: false, reason: "That username is taken" });
    await expect(updateProfile(b.ctx, { username: wanted })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await isUsernameAvailable(b.ctx, { username: "No Spaces!" })).available).toBe(false);
  });

  it("shows others neither my email, nor when I was last active, nor that I blocked them", async () => {
    const owner = await createTestUser(db, { name: "Private Owner" });
    const viewer = await createTestUser(db);
    await db.user.update({ where: { id: owner.id }, data: { lastActiveAt: new Date() } });
    await setBlocked(owner.ctx, { userId: viewer.id, blocked: true });
    const seen = await getUserProfile(viewer.ctx, { userId: owner.id });
    expect(seen).toMatchObject({ id: owner.id, name: "Private Owner", isBlocked: false });
    const shown = JSON.stringify(seen);
    const { email } = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { email: true } });
    expect(shown).not.toContain(email!);
    expect(Object.keys(seen)).not.toEqual(expect.arrayContaining(["email"]));
    expect(Object.keys(seen).filter((k) => /last|active|seen|online/i.test(k))).toEqual([]);
    // My own block shows on my view of them.
    expect((await getUserProfile(owner.ctx, { userId: viewer.id })).isBlocked).toBe(true);
  });

  it("shows my phone number only to people in a chat where I have written", async () => {
    const owner = await createTestUser(db);
    const stranger = await createTestUser(db);
    await updateProfile(owner.ctx, { phoneNumber: "+1 555 0100" });
    const phoneSeenBy = async (viewer: typeof stranger) => (await getUserProfile(viewer.ctx, { userId: owner.id })).phoneNumber;

    // Opening an empty chat with me, or putting me in a group, reveals nothing.
    const chat = await openDirect(stranger.ctx, { userId: owner.id });
    await createPrivateGroup(stranger.ctx, { name: "Gathered", memberIds: [owner.id] });
    await sendMessage(stranger.ctx, { conversationId: chat.id, clientId: "phone-rule-1", text: "what's your number?" });
    expect(await phoneSeenBy(stranger)).toBeNull();
    // Joining a group through its link puts a notice in my name there ("joined via the invite link"):
    // not something I wrote either.
    const linked = await createPrivateGroup(stranger.ctx, { name: "Linked", memberIds: [] });
    await joinByInvite(owner.ctx, { code: (await createInvite(stranger.ctx, { conversationId: linked.id })).code });
    expect(await db.message.count({ where: { conversationId: linked.id, senderId: owner.id, type: "SYSTEM" } })).toBe(1);
    expect(await phoneSeenBy(stranger)).toBeNull();
    // What I write while they block me never reaches them: it tells them nothing either.
    await setBlocked(stranger.ctx, { userId: owner.id, blocked: true });
    await sendMessage(owner.ctx, { conversationId: chat.id, clientId: "phone-rule-withheld", text: "it's me" });
    expect(await phoneSeenBy(stranger)).toBeNull();
    await setBlocked(stranger.ctx, { userId: owner.id, blocked: false });

    await sendMessage(owner.ctx, { conversationId: chat.id, clientId: "phone-rule-2", text: "hi" });
    expect(await phoneSeenBy(stranger)).toBe("+1 555 0100");
    expect((await getUserProfile(owner.ctx, { userId: owner.id })).phoneNumber).toBe("+1 555 0100");
  });
});
