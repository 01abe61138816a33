import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { getMyProfile, isUsernameAvailable, updateProfile } from "./profile";

const db = testDb();

describe("profile", () => {
  it("changes one setting without resetting the others", async () => {
    const me = await createTestUser(db);
    await updateProfile(me.ctx, { settings: { theme: "dark" } });
    await updateProfile(me.ctx, { settings: { notificationSounds: false } });
    await updateProfile(me.ctx, { settings: { readReceipts: false } });
    expect((await getMyProfile(me.ctx)).settings).toEqual({ theme: "dark", notificationSounds: false, language: "en", readReceipts: false, lastSeen: "everyone" });
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
});
