import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { attemptSignIn } from "./attempt-sign-in";

describe("attemptSignIn", () => {
  it("over the sign-in limit, answers with the limit's wait instead of an error page, and does not start the sign-in", async () => {
    const ip = `test-${randomUUID()}`;
    const signIn = vi.fn(async () => undefined);
    for (let i = 0; i < env().RATE_LIMIT_SIGN_IN; i++) expect(await attemptSignIn(ip, signIn)).toEqual({});
    signIn.mockClear();
    expect(await attemptSignIn(ip, signIn)).toEqual({ error: expect.stringMatching(/^Too many requests\. Try again in \d+ s\.$/) });
    expect(signIn).not.toHaveBeenCalled();
  });
});
