import { describe, expect, it } from "vitest";
import { systemText } from "./system";

describe("systemText", () => {
  it("words each event", () => {
    expect(systemText({ kind: "created", actorName: "Ana", groupName: "Trip" }, null)).toBe("Ana created group “Trip”");
    expect(systemText({ kind: "joined", actorName: "Ana" }, null)).toBe("Ana joined");
    expect(systemText({ kind: "left", actorName: "Ben" }, null)).toBe("Ben left");
    expect(systemText({ kind: "added", actorName: "Ana", targetName: "Bo" }, null)).toBe("Ana added Bo");
    expect(systemText({ kind: "removed", actorName: "Ana", targetName: "Bo" }, null)).toBe("Ana removed Bo");
    expect(systemText({ kind: "renamed", actorName: "Ana", groupName: "Fun" }, null)).toBe("Ana changed the group name to “Fun”");
    expect(systemText({ kind: "promoted", actorName: "Ana", targetName: "Bo" }, null)).toBe("Ana made Bo an admin");
    expect(systemText({ kind: "demoted", actorName: "Ana", targetName: "Bo" }, null)).toBe("Ana removed Bo as admin");
    expect(systemText({ kind: "owner", targetName: "Ben" }, null)).toBe("Ben is now the group owner");
    expect(systemText({ kind: "pinned", actorName: "Ana" }, null)).toBe("Ana pinned a message");
    expect(systemText({ kind: "sendPolicy", actorName: "Ana", onlyAdmins: true }, null)).toBe(
      "Ana changed this group's settings to allow only admins to send messages",
    );
    expect(systemText({ kind: "sendPolicy", actorName: "Ana", onlyAdmins: false }, null, "Ana")).toBe(
      "You changed this group's settings to allow all members to send messages",
    );
    expect(systemText({ kind: "messageTimer", actorName: "Ana", seconds: 7 * 24 * 3600 }, null)).toBe(
      "Ana turned on disappearing messages. New messages will disappear from this chat 7 days after they're sent.",
    );
    expect(systemText({ kind: "messageTimer", actorName: "Ana", seconds: null }, null, "Ana")).toBe("You turned off disappearing messages.");
  });

  it("says You / you when the actor or target is me", () => {
    const me = "Ana";
    expect(systemText({ kind: "created", actorName: "Ana", groupName: "Trip" }, null, me)).toBe("You created group “Trip”");
    expect(systemText({ kind: "added", actorName: "Ana", targetName: "Bo" }, null, me)).toBe("You added Bo");
    expect(systemText({ kind: "added", actorName: "Bo", targetName: "Ana" }, null, me)).toBe("Bo added you");
    expect(systemText({ kind: "removed", actorName: "Bo", targetName: "Ana" }, null, me)).toBe("Bo removed you");
    expect(systemText({ kind: "left", actorName: "Ana" }, null, me)).toBe("You left");
    expect(systemText({ kind: "joined", actorName: "Ana" }, null, me)).toBe("You joined");
    expect(systemText({ kind: "renamed", actorName: "Ana", groupName: "X" }, null, me)).toBe("You changed the group name to “X”");
    expect(systemText({ kind: "promoted", actorName: "Bo", targetName: "Ana" }, null, me)).toBe("Bo made you an admin");
    expect(systemText({ kind: "demoted", actorName: "Ana", targetName: "Bo" }, null, me)).toBe("You removed Bo as admin");
    expect(systemText({ kind: "owner", targetName: "Ana" }, null, me)).toBe("You're now the group owner");
    expect(systemText({ kind: "pinned", actorName: "Ana" }, null, me)).toBe("You pinned a message");
    // Someone else's name is left alone.
    expect(systemText({ kind: "left", actorName: "Anabel" }, null, me)).toBe("Anabel left");
  });

  it("falls back to the text", () => {
    expect(systemText(null, "Ana joined")).toBe("Ana joined");
    expect(systemText(null, null)).toBe("");
  });
});
