import { describe, expect, it } from "vitest";
import { loggedUrl } from "./logged-url";

describe("loggedUrl", () => {
  it("keeps the path, drops the query, masks invite codes", () => {
    expect(loggedUrl("/api/v1/search?q=my+secret+words")).toBe("/api/v1/search");
    expect(loggedUrl("/join/Abc123xyz")).toBe("/join/…");
    expect(loggedUrl("/api/v1/invites/Abc123xyz/join")).toBe("/api/v1/invites/…/join");
    expect(loggedUrl("http://localhost:3000/api/v1/users?q=ana")).toBe("/api/v1/users");
    expect(loggedUrl("/api/v1/conversations/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10/messages")).toBe("/api/v1/conversations/6f1c7a4e-5b7d-4c59-9a51-0d2c1b7e9f10/messages");
  });
});
