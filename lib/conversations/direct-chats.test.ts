import { describe, expect, it } from "vitest";
import { directChatTitle, directKeyOf, directPeerOf } from "./direct-chats";

describe("a direct chat's key", () => {
  it("is the same whoever opens the chat, and gives back the other member", () => {
    const key = directKeyOf("u-zed", "u-amy");
    expect(key).toBe(directKeyOf("u-amy", "u-zed"));
    expect(directPeerOf(key, "u-amy")).toBe("u-zed");
    expect(directPeerOf(key, "u-zed")).toBe("u-amy");
  });

  it("has no other member in my chat with myself, which is titled as mine", () => {
    expect(directPeerOf(directKeyOf("u-amy", "u-amy"), "u-amy")).toBeNull();
    expect(directChatTitle("Amy", true)).toBe("Amy (You)");
    expect(directChatTitle("Zed", false)).toBe("Zed");
  });
});
