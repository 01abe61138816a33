import { describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/list-conversations";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { deleteMessages } from "@/lib/messages/delete-message";
import { editMessage } from "@/lib/messages/edit-message";
import { forwardMessages } from "@/lib/messages/forward-message";
import { listMessages } from "@/lib/messages/list-messages";
import { sendMessage } from "@/lib/messages/send-message";
import { syncMessages } from "@/lib/messages/sync-messages";
import { votePoll } from "@/lib/messages/vote-poll";
import { testDb } from "@/lib/test-support/database";
import { createTestUser, recordingPublisher, type TestUser } from "@/lib/test-support/fixtures";

const db = testDb();

async function groupWithPoll(multiple = false) {
  const publish = recordingPublisher();
  const ana = await createTestUser(db, { name: "Poll Ana" });
  const ben = await createTestUser(db, { name: "Poll Ben", publish });
  const cid = await createTestUser(db, { name: "Poll Cid" });
  const group = await createPrivateGroup(ana.ctx, { name: "Dinner", memberIds: [ben.id, cid.id] });
  const { message } = await sendMessage(ana.ctx, {
    conversationId: group.id,
    clientId: `poll-${group.id}`,
    text: "Where do we eat?",
    poll: { options: ["Pizza", "Sushi", "Tacos"], multiple },
  });
  return { publish, ana, ben, cid, group, poll: message };
}

const counts = (m: { poll: { options: { voterIds: string[] }[] } | null }) => m.poll!.options.map((o) => o.voterIds.length);
const latest = async (user: TestUser, conversationId: string) => (await listMessages(user.ctx, { conversationId })).messages.at(-1)!;

describe("polls", () => {
  it("sends a poll that every member sees, in the chat list too", async () => {
    const { ben, group, poll } = await groupWithPoll();
    expect(poll).toMatchObject({ type: "POLL", text: "Where do we eat?", poll: { multiple: false } });
    expect(poll.poll!.options.map((o) => o.text)).toEqual(["Pizza", "Sushi", "Tacos"]);
    expect(counts(poll)).toEqual([0, 0, 0]);
    expect(await latest(ben, group.id)).toMatchObject({ id: poll.id, poll: poll.poll });
    const row = (await listConversations(ben.ctx)).find((c) => c.id === group.id);
    expect(row?.lastMessage).toMatchObject({ type: "POLL", text: "Where do we eat?" });
  });

  it("counts one answer per member, changed or taken back, live for everyone, in pages and sync", async () => {
    const { publish, ana, ben, cid, group, poll } = await groupWithPoll();
    const afterBen = await votePoll(ben.ctx, { messageId: poll.id, options: [1] });
    expect(counts(afterBen)).toEqual([0, 1, 0]);
    expect(publish.events).toContainEqual({ to: `conv:${group.id}`, event: "message:updated", payload: afterBen });
    await votePoll(cid.ctx, { messageId: poll.id, options: [1] });
    const changed = await votePoll(ben.ctx, { messageId: poll.id, options: [0] });
    expect(changed.poll!.options.map((o) => o.voterIds)).toEqual([[ben.id], [cid.id], []]);
    // A double submit changes nothing.
    await votePoll(ben.ctx, { messageId: poll.id, options: [0] });

    expect(counts(await latest(ana, group.id))).toEqual([1, 1, 0]);
    const synced = await syncMessages(ana.ctx, { cursors: { [group.id]: poll.seq - 1 } });
    expect(counts(synced.missed[group.id]!.find((m) => m.id === poll.id)!)).toEqual([1, 1, 0]);

    await expect(votePoll(cid.ctx, { messageId: poll.id, options: [0, 2] })).rejects.toThrow("This poll allows one answer");
    await expect(votePoll(cid.ctx, { messageId: poll.id, options: [3] })).rejects.toThrow("That option is not in the poll");
    const takenBack = await votePoll(cid.ctx, { messageId: poll.id, options: [] });
    expect(counts(takenBack)).toEqual([1, 0, 0]);
  });

  it("lets a multiple-answer poll take several options", async () => {
    const { ben, poll } = await groupWithPoll(true);
    expect(counts(await votePoll(ben.ctx, { messageId: poll.id, options: [0, 2] }))).toEqual([1, 0, 1]);
    expect(counts(await votePoll(ben.ctx, { messageId: poll.id, options: [2] }))).toEqual([0, 0, 1]);
  });

  it("refuses malformed polls with a reason, and stores nothing", async () => {
    const ana = await createTestUser(db);
    const bad = [
      [{ options: ["Only one"] }, "A poll needs at least 2 options"],
      [{ options: ["Yes", "yes"] }, "Poll options must be different"],
      [{ options: ["Yes", " "] }, "A poll option is empty"],
      [{ options: Array.from({ length: 13 }, (_, i) => `Option ${i}`) }, "A poll can have at most 12 options"],
    ] as const;
    const group = await createPrivateGroup(ana.ctx, { name: "Bad polls" });
    for (const [poll, reason] of bad) {
      await expect(sendMessage(ana.ctx, { conversationId: group.id, clientId: `bad-${reason}`, text: "Q?", poll: { ...poll, options: [...poll.options] } })).rejects.toThrow(reason);
    }
    await expect(sendMessage(ana.ctx, { conversationId: group.id, clientId: "bad-q", text: " ", poll: { options: ["A", "B"] } })).rejects.toThrow();
    const stored = await db.message.count({ where: { conversationId: group.id, type: "POLL" } });
    expect(stored).toBe(0);
  });

  it("refuses votes from outsiders, on non-polls, deleted polls and archived groups; a poll can't be edited", async () => {
    const { ana, ben, group, poll } = await groupWithPoll();
    const outsider = await createTestUser(db);
    await expect(votePoll(outsider.ctx, { messageId: poll.id, options: [0] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const text = (await sendMessage(ana.ctx, { conversationId: group.id, clientId: `text-${group.id}`, text: "just text" })).message;
    await expect(votePoll(ben.ctx, { messageId: text.id, options: [0] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(editMessage(ana.ctx, { messageId: poll.id, text: "Changed question" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // Forwarded, it is a new poll with no votes.
    await votePoll(ben.ctx, { messageId: poll.id, options: [2] });
    const [copy] = await forwardMessages(ben.ctx, { messageIds: [poll.id], conversationIds: [group.id], clientId: `fwd-${group.id}` });
    expect(copy).toMatchObject({ type: "POLL", forwarded: true });
    expect(counts(copy!)).toEqual([0, 0, 0]);

    await db.conversation.update({ where: { id: group.id }, data: { archivedAt: new Date() } });
    await expect(votePoll(ben.ctx, { messageId: poll.id, options: [0] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.conversation.update({ where: { id: group.id }, data: { archivedAt: null } });
    await deleteMessages(ana.ctx, { messageIds: [poll.id], for: "everyone" });
    await expect(votePoll(ben.ctx, { messageId: poll.id, options: [0] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await listMessages(ben.ctx, { conversationId: group.id })).messages.find((m) => m.id === poll.id)?.poll).toBeNull();
  });
});
