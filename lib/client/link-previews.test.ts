import { describe, expect, it, vi } from "vitest";
import type { LinkPreviewDto } from "@/lib/realtime/contract";
import { firstLink, memoizePreviews, previewSite, inlineThumbnail } from "./link-previews";

const preview = (url: string, over: Partial<LinkPreviewDto> = {}): LinkPreviewDto => ({
  url,
  title: "A page",
  description: null,
  siteName: null,
  thumbnail: null,
  ...over,
});

describe("firstLink", () => {
  it("is the first http(s) link, as the bubble links it", () => {
    expect(firstLink("look https://example.org/a?b=1. and http://two.test")).toBe("https://example.org/a?b=1");
    expect(firstLink("at www.convo.app!")).toBe("https://www.convo.app");
  });

  it("is null without one (other schemes are never links)", () => {
    expect(firstLink("")).toBeNull();
    expect(firstLink("just words")).toBeNull();
    expect(firstLink("javascript:alert(1) data:text/html,x ftp://x.org")).toBeNull();
  });
});

describe("memoizePreviews", () => {
  it("asks once per url: callers share the answer", async () => {
    const load = vi.fn(async (url: string) => preview(url));
    const of = memoizePreviews(load);
    const [a, b] = await Promise.all([of("https://a.test"), of("https://a.test")]);
    expect(a).toBe(b);
    await of("https://a.test");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("remembers that a page has no preview, but not a failure", async () => {
    const load = vi.fn(async (url: string) => {
      if (url.includes("fail")) throw new Error("rate limited");
      return null;
    });
    const of = memoizePreviews(load);
    expect(await of("https://none.test")).toBeNull();
    expect(await of("https://none.test")).toBeNull();
    await expect(of("https://fail.test")).rejects.toThrow("rate limited");
    await expect(of("https://fail.test")).rejects.toThrow("rate limited");
    expect(load.mock.calls.map(([url]) => url)).toEqual(["https://none.test", "https://fail.test", "https://fail.test"]);
  });

  it("keeps at most `max` urls, dropping the least recently used", async () => {
    const load = vi.fn(async (url: string) => preview(url));
    const of = memoizePreviews(load, 2);
    await of("https://1.test");
    await of("https://2.test");
    await of("https://1.test"); // used again: 2 is now the oldest
    await of("https://3.test");
    await of("https://1.test");
    await of("https://2.test");
    expect(load.mock.calls.map(([url]) => url)).toEqual(["https://1.test", "https://2.test", "https://3.test", "https://2.test"]);
  });
});

describe("card helpers", () => {
  it("names the site, else its host", () => {
    expect(previewSite(preview("https://www.example.org/x", { siteName: "Example" }))).toBe("Example");
    expect(previewSite(preview("https://www.example.org/x"))).toBe("example.org");
    expect(previewSite(preview("https://news.example.org/x"))).toBe("news.example.org");
  });

  it("shows only inline images as the thumbnail", () => {
    expect(inlineThumbnail(preview("https://a.test", { thumbnail: "data:image/webp;base64,AAAA" }))).toBe("data:image/webp;base64,AAAA");
    expect(inlineThumbnail(preview("https://a.test", { thumbnail: "javascript:alert(1)" }))).toBeNull();
    expect(inlineThumbnail(preview("https://a.test", { thumbnail: "https://tracker.test/pixel.png" }))).toBeNull();
    expect(inlineThumbnail(preview("https://a.test"))).toBeNull();
  });
});
