import { describe, expect, it } from "vitest";
import { isDark, parseTheme } from "./theme";

describe("theme", () => {
  it("parses the cookie", () => {
    expect(parseTheme("a=1; theme=dark; b=2")).toBe("dark");
    expect(parseTheme("theme=light")).toBe("light");
    expect(parseTheme("theme=neon")).toBe("system");
    expect(parseTheme("")).toBe("system");
  });
  it("resolves system", () => {
    expect(isDark("system", true)).toBe(true);
    expect(isDark("system", false)).toBe(false);
    expect(isDark("light", true)).toBe(false);
    expect(isDark("dark", false)).toBe(true);
  });
});
