import { describe, expect, it } from "vitest";
import { normalizeUsername, validateUsername } from "./username";

describe("username validation", () => {
  it("accepts 3–24 lowercase letters, digits and underscores", () => {
    expect(validateUsername("ana_99")).toEqual({ ok: true, value: "ana_99" });
    expect(validateUsername("abc").ok).toBe(true);
    expect(validateUsername("a".repeat(24)).ok).toBe(true);
  });

  it("normalises like the server: trim, lowercase, a leading @ dropped", () => {
    expect(normalizeUsername("  @Ana_B ")).toBe("ana_b");
    expect(validateUsername("Ana")).toEqual({ ok: true, value: "ana" });
  });

  it("explains what is wrong", () => {
    expect(validateUsername("")).toMatchObject({ ok: false, message: "Enter a username" });
    expect(validateUsername("ab")).toMatchObject({ ok: false, message: "At least 3 characters" });
    expect(validateUsername("a".repeat(25))).toMatchObject({ ok: false, message: "At most 24 characters" });
    expect(validateUsername("ana-b")).toMatchObject({ ok: false, message: /lowercase letters, digits and underscores/ });
    expect(validateUsername("ana b").ok).toBe(false);
    expect(validateUsername("anä").ok).toBe(false);
  });
});
