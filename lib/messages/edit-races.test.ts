import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { editHistory, editMessage } from "@/lib/messages/edit-message";
import { sendMessage } from "@/lib/messages/send-message";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";

const db = testDb();

/** Resolves once another session of this database waits for a row lock (the edit, blocked). */
async function someoneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the edit never waited for the row");
}

/**
 * Runs `change` on the message's row in a transaction that holds the row while `edit` starts:
 * the edit reads the row as it was, then meets the change when it writes.
 */
async function editDuring(change: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>, edit: () => Promise<unknown>) {
  let editing: Promise<unknown> | undefined;
  await db.$transaction(async (tx) => {
    await change(tx);
    editing = edit().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await someoneWaitsForALock();
  });
  return (await editing) as { value?: unknown; error?: { code?: string; message?: string } };
}

describe("an edit racing another change of the message", () => {
  it("an edit that meets a delete for everyone fails, and the message stays blank", async () => {
    const alice = await createTestUser(db, { name: "Racing Editor" });
    const bob = await createTestUser(db, { name: "Racing Reader" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    const { message } = await sendMessage(alice.ctx, { conversationId: chat.id, clientId: `edit-race-1-${chat.id}`, text: "first words" });

    const outcome = await editDuring(
      (tx) => tx.message.update({ where: { id: message.id }, data: { deletedAt: new Date(), text: null } }),
      () => editMessage(alice.ctx, { messageId: message.id, text: "second words" }),
    );
    expect(outcome.error).toMatchObject({ code: "BAD_REQUEST", message: "A deleted message can't be edited" });
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id }, select: { text: true } })).toEqual({ text: null });
    expect(await db.messageEdit.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("an edit that meets an edit from another tab asks to try again, and the history keeps both texts", async () => {
    const alice = await createTestUser(db, { name: "Two Tab Editor" });
    const bob = await createTestUser(db, { name: "Two Tab Reader" });
    const chat = await openDirect(alice.ctx, { userId: bob.id });
    const { message } = await sendMessage(alice.ctx, { conversationId: chat.id, clientId: `edit-race-2-${chat.id}`, text: "version one" });

    const outcome = await editDuring(
      async (tx) => {
        await tx.messageEdit.create({ data: { messageId: message.id, editorId: alice.id, text: "version one" } });
        await tx.message.update({ where: { id: message.id }, data: { text: "version two", editedAt: new Date() } });
      },
      () => editMessage(alice.ctx, { messageId: message.id, text: "version three" }),
    );
    expect(outcome.error).toMatchObject({ code: "CONFLICT" });
    await editMessage(alice.ctx, { messageId: message.id, text: "version three" });
    expect((await editHistory(alice.ctx, { messageId: message.id })).versions.map((v) => v.text)).toEqual(["version one", "version two", "version three"]);
  });
});
