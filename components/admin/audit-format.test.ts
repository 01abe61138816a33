import { describe, expect, it } from "vitest";
import { actionVerb, describeChanges, type AuditEntryView } from "./audit-format";

const names = { groups: new Map<string, string>(), users: new Map<string, string>() };

describe("an audited change of disappearing messages", () => {
  it("reads as a sentence with the timer before and after, in words", () => {
    const entry: AuditEntryView = {
      id: "e1",
      action: "group.messageTimer",
      targetType: "group",
      targetId: "g1",
      before: { messageTimerSec: null },
      after: { messageTimerSec: 7 * 24 * 3600 },
      createdAt: "2026-11-25T00:00:00.000Z",
      actor: { id: "u1", name: "Ada Admin" },
    };
    expect(actionVerb(entry.action)).toBe("changed disappearing messages in");
    expect(describeChanges(entry, names)).toEqual([{ key: "messageTimerSec", label: "Disappearing messages", from: "Off", to: "7 days" }]);
  });
});
