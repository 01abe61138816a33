import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPrivateGroup } from "@/lib/groups/create-private-group";
import { testDb } from "@/lib/test-support/database";
import { createTestUser } from "@/lib/test-support/fixtures";
import { mentionedUsernames, mentionsIn, withMentions } from "./mentions";
import { sendMessage } from "./send-message";

const db = testDb();

// Texts at the edges of the rule: case, emails, longer names, punctuation, repeats, other scripts.
const SAMPLES = [
  "@Ann hi x@bob @carl_1, (@DAVE) @ev @frank123456789012345678901234 @@gina @hé @ann",
  "write to ana@example.com or @ana.",
  "@ana_l\n@bruno: and @brunox, @bruno",
  "émile@ana é@bob 1@carl _@dave -@erin",
  "no mention at all",
  "@abc@def @ghi",
];

describe("mentionsIn / mentionedUsernames", () => {
  it("finds each @username with nothing of a word touching it, lowercased, in order", () => {
    expect(mentionsIn("hey (@Ana_L) and x@bruno")).toEqual([{ index: 5, text: "@Ana_L", username: "ana_l" }]);
    expect(mentionedUsernames(SAMPLES[0])).toEqual(["ann", "carl_1", "dave", "gina"]);
    expect(mentionedUsernames(SAMPLES[3])).toEqual(["erin"]);
    expect(mentionedUsernames(null)).toEqual([]);
  });
});

describe("withMentions", () => {
  it("records whom the text mentions beside the rest of the metadata, and drops a stale list", () => {
    expect(withMentions(undefined, "ping @ana and @Ana")).toEqual({ mentions: ["ana"] });
    expect(withMentions({ poll: { options: ["a", "b"] } }, "@bob?")).toEqual({ poll: { options: ["a", "b"] }, mentions: ["bob"] });
    expect(withMentions({ mentions: ["ana"], quotedChatName: "G" }, "no one now")).toEqual({ quotedChatName: "G" });
    expect(withMentions({ mentions: ["ana"] }, "no one")).toBeUndefined();
    expect(withMentions(null, "hi")).toBeUndefined();
  });
});

describe("the migration that recorded the mentions of earlier messages", () => {
  const sql = readFileSync(new URL("../../prisma/migrations/20261125100000_message_mentions/migration.sql", import.meta.url), "utf8");

  it("gives a message stored without the list the one sending it now records, and keeps the rest of its metadata", async () => {
    const owner = await createTestUser(db, { name: "Backfill Owner" });
    const group = await createPrivateGroup(owner.ctx, { name: "Backfill group", memberIds: [] });
    const say = async (text: string, clientId: string) => (await sendMessage(owner.ctx, { conversationId: group.id, clientId, text })).message;
    const mention = await say("hi @Backfill_one and @two_two", `backfill-1-${group.id}`);
    const plain = await say("no one", `backfill-2-${group.id}`);
    const recorded = await db.message.findUniqueOrThrow({ where: { id: mention.id }, select: { metadata: true } });
    expect(recorded.metadata).toEqual({ mentions: ["backfill_one", "two_two"] });

    // As a message sent before this release was stored: inside a transaction that is rolled back.
    const after = await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Message" SET metadata = '{"quotedChatName":"Q"}'::jsonb WHERE id = ${mention.id}::uuid`;
        await tx.$executeRawUnsafe(sql);
        const rows = await tx.message.findMany({ where: { id: { in: [mention.id, plain.id] } }, select: { id: true, metadata: true } });
        throw Object.assign(new Error("roll back"), { rows });
      })
      .catch((err: { rows?: { id: string; metadata: unknown }[] }) => err.rows);
    expect(after?.find((r) => r.id === mention.id)?.metadata).toEqual({ quotedChatName: "Q", mentions: ["backfill_one", "two_two"] });
    expect(after?.find((r) => r.id === plain.id)?.metadata).toBeNull();
    expect((await db.message.findUniqueOrThrow({ where: { id: mention.id }, select: { metadata: true } })).metadata).toEqual(recorded.metadata);
  });

  it("finds the same usernames as the rule the app records them by", async () => {
    const pattern = /regexp_matches\(msg\.text, '([^']+)', 'gi'\)/.exec(sql)?.[1];
    expect(pattern).toBeDefined();
    for (const text of SAMPLES) {
      const rows = await db.$queryRaw<{ username: string }[]>`SELECT lower(hit[1]) AS username FROM regexp_matches(${text}, ${pattern}, 'gi') AS hit`;
      expect([...new Set(rows.map((r) => r.username))], text).toEqual(mentionedUsernames(text));
    }
  });
});
