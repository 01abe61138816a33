import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/join/abc_DEF-123")).toBe("/join/abc_DEF-123");
    expect(safeNextPath("/?c=42")).toBe("/?c=42");
  });
  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "join/abc", "", null, undefined, 42, "/a\nb"]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
