import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openDirect } from "@/lib/conversations/open-direct";
import { connectDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { updateGroup } from "@/lib/groups/update-group";
import { createScratchDatabase, dropScratchDatabase, testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { deleteMessages } from "./delete-message";
import { editMessage } from "./edit-message";
import { forwardMessages } from "./forward-message";
import { listMessages } from "./list-messages";
import { sendMessage } from "./send-message";

const db = testDb();
let n = 0;
const cid = () => `privately-${Date.now().toString(36)}-${n++}-abcd`;
const NOT_HERE = { code: "BAD_REQUEST", message: "The message you replied to is not in this chat" };

/** Ana, Ben and Cat in an announcement group that Ben runs, where Ben has posted; Dan is in none. */
async function setup() {
  const ana = await createTestUser(db, { name: "Priv Ana" });
  const ben = await createTestUser(db, { name: "Priv Ben" });
  const cat = await createTestUser(db, { name: "Priv Cat" });
  const dan = await createTestUser(db, { name: "Priv Dan" });
  const group = await createPrivateGroup(ben.ctx, { name: "Trip Crew", memberIds: [ana.id, cat.id] });
  await updateGroup(ben.ctx, { conversationId: group.id, onlyAdminsSend: true });
  const { message: post } = await sendMessage(ben.ctx, { conversationId: group.id, clientId: cid(), text: "who has the tickets?" });
  return { ana, ben, cat, dan, group, post };
}

describe("Reply privately", () => {
  it("quotes a group's message in my direct chat with its sender, naming the group, for both of us", async () => {
    const { ana, ben, group, post } = await setup();
    // Ana can't write in the announcement group, but can answer Ben privately.
    const dm = await openDirect(ana.ctx, { userId: ben.id });
    const { message: reply } = await sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), text: "I do!", replyToId: post.id });
    const quote = { id: post.id, seq: post.seq, senderId: ben.id, senderName: "Priv Ben", text: "who has the tickets?", deleted: false, chat: { id: group.id, title: "Trip Crew" } };
    expect(reply.replyTo).toEqual(expect.objectContaining(quote));

    // Ben's history of the chat (the one-statement page) shows the same quote.
    const page = await listMessages(ben.ctx, { conversationId: dm.id });
    expect(page.messages.find((m) => m.id === reply.id)?.replyTo).toEqual(expect.objectContaining(quote));

    // An edit of the original shows in the quote; a deletion for everyone blanks it.
    await editMessage(ben.ctx, { messageId: post.id, text: "who has the train tickets?" });
    expect((await listMessages(ana.ctx, { conversationId: dm.id })).messages.at(-1)?.replyTo).toMatchObject({ text: "who has the train tickets?", chat: { title: "Trip Crew" } });
    await deleteMessages(ben.ctx, { messageIds: [post.id], for: "everyone" });
    expect((await listMessages(ana.ctx, { conversationId: dm.id })).messages.at(-1)?.replyTo).toMatchObject({ text: null, deleted: true });
  });

  it("names the group as it was when the reply was sent, also to someone who left it since", async () => {
    const { ana, ben, group, post } = await setup();
    const dm = await openDirect(ana.ctx, { userId: ben.id });
    const { message: reply } = await sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), text: "I do!", replyToId: post.id });
    await leaveGroup(ana.ctx, { conversationId: group.id });
    await updateGroup(ben.ctx, { conversationId: group.id, name: "Secret Crew" });

    const quoted = { id: group.id, title: "Trip Crew" };
    // The one-statement page, and a single message read back (here after an edit of the reply).
    expect((await listMessages(ana.ctx, { conversationId: dm.id })).messages.at(-1)?.replyTo?.chat).toEqual(quoted);
    expect((await listMessages(ben.ctx, { conversationId: dm.id })).messages.at(-1)?.replyTo?.chat).toEqual(quoted);
    expect((await editMessage(ana.ctx, { messageId: reply.id, text: "I do, both!" })).replyTo?.chat).toEqual(quoted);

    // A forward of the reply quotes nothing, so it takes no group name along.
    const forwarded = await forwardMessages(ana.ctx, { messageIds: [reply.id], conversationIds: [dm.id], clientId: cid() });
    expect(await db.message.findUniqueOrThrow({ where: { id: forwarded[0]!.id }, select: { metadata: true } })).toEqual({ metadata: { forwards: 1 } });
  });

  it("names the group on replies sent before the name was kept with them (the migration's backfill)", async () => {
    const url = await createScratchDatabase({ migrated: true });
    const scratch = connectDb(url, 2);
    try {
      const ana = await createTestUser(scratch, { name: "Old Ana" });
      const ben = await createTestUser(scratch, { name: "Old Ben" });
      const group = await createPrivateGroup(ben.ctx, { name: "Old Crew", memberIds: [ana.id] });
      const { message: post } = await sendMessage(ben.ctx, { conversationId: group.id, clientId: cid(), text: "tickets?" });
      const dm = await openDirect(ana.ctx, { userId: ben.id });
      const { message: reply } = await sendMessage(ana.ctx, { conversationId: dm.id, clientId: cid(), text: "me", replyToId: post.id });
      // As replies were stored before: no name with them.
      await scratch.message.update({ where: { id: reply.id }, data: { metadata: Prisma.DbNull } });
      expect((await listMessages(ana.ctx, { conversationId: dm.id })).messages.at(-1)?.replyTo?.chat).toEqual({ id: group.id, title: "" });

      await scratch.$executeRawUnsafe(await readFile("prisma/migrations/20261124210000_private_reply_chat_name/migration.sql", "utf8"));
      expect((await listMessages(ana.ctx, { conversationId: dm.id })).messages.at(-1)?.replyTo?.chat).toEqual({ id: group.id, title: "Old Crew" });
      expect(await scratch.message.findUniqueOrThrow({ where: { id: post.id }, select: { metadata: true } })).toEqual({ metadata: null });
    } finally {
      await scratch.$disconnect();
      await dropScratchDatabase(url);
    }
  });

  it("names no other chat for a reply within the chat", async () => {
    const { ben, group, post } = await setup();
    const { message: reply } = await sendMessage(ben.ctx, { conversationId: group.id, clientId: cid(), text: "anyone?", replyToId: post.id });
    expect(reply.replyTo).toMatchObject({ id: post.id, chat: null });
    expect((await listMessages(ben.ctx, { conversationId: group.id })).messages.at(-1)?.replyTo).toMatchObject({ id: post.id, chat: null });
  });

  it("refuses a quote from another chat anywhere but my direct chat with its sender, and of what I can't see", async () => {
    const { ana, ben, cat, dan, group, post } = await setup();
    const quoting = (user: typeof ana, conversationId: string, replyToId = post.id) =>
      sendMessage(user.ctx, { conversationId, clientId: cid(), text: "about this", replyToId });

    // In a direct chat with someone else than the sender: Cat would read Ben's words from a chat she needn't be in.
    await expect(quoting(ana, (await openDirect(ana.ctx, { userId: cat.id })).id)).rejects.toMatchObject(NOT_HERE);
    // In another group.
    const other = await createPrivateGroup(ana.ctx, { name: "Elsewhere", memberIds: [ben.id] });
    await expect(quoting(ana, other.id)).rejects.toMatchObject(NOT_HERE);
    // By someone outside the group, even in a direct chat with the sender.
    await expect(quoting(dan, (await openDirect(dan.ctx, { userId: ben.id })).id)).rejects.toMatchObject(NOT_HERE);
    // My own message.
    const { message: mine } = await sendMessage(ben.ctx, { conversationId: group.id, clientId: cid(), text: "mine" });
    await expect(quoting(ben, (await openDirect(ben.ctx, { userId: ana.id })).id, mine.id)).rejects.toMatchObject(NOT_HERE);

    const dm = await openDirect(ana.ctx, { userId: ben.id });
    // A message I deleted for me.
    await deleteMessages(ana.ctx, { messageIds: [post.id], for: "me" });
    await expect(quoting(ana, dm.id)).rejects.toMatchObject(NOT_HERE);
    // After I left the group.
    const { message: later } = await sendMessage(ben.ctx, { conversationId: group.id, clientId: cid(), text: "bus at 9" });
    await expect(quoting(ana, dm.id, later.id)).resolves.toMatchObject({ message: { replyTo: { id: later.id } } });
    await leaveGroup(ana.ctx, { conversationId: group.id });
    await expect(quoting(ana, dm.id, later.id)).rejects.toMatchObject(NOT_HERE);
    expect(await db.message.count({ where: { conversationId: dm.id } })).toBe(1);
  });
});
