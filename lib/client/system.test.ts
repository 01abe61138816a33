import { describe, expect, it } from "vitest";
import { systemText } from "./system";

describe("systemText", () => {
  it("words each event", () => {
    expect(systemText({ kind: "joined", actorName: "Ana" }, null)).toBe("Ana joined");
    expect(systemText({ kind: "added", actorName: "Ana", targetName: "Bo" }, null)).toBe("Ana added Bo");
    expect(systemText({ kind: "renamed", actorName: "Ana", groupName: "Fun" }, null)).toBe("Ana changed the group name to “Fun”");
  });
  it("falls back to the text", () => {
    expect(systemText(null, "Ana joined")).toBe("Ana joined");
    expect(systemText(null, null)).toBe("");
  });
});
