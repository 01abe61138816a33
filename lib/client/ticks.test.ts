import { describe, expect, it } from "vitest";
import { effectiveWatermarks, tickStatus } from "./ticks";

describe("tickStatus", () => {
  const conv = { minDeliveredSeq: 5, minReadSeq: 3, readReceipts: true };
  const msg = (seq: number) => ({ seq, withheld: false });
  it("is read up to minReadSeq", () => {
    expect(tickStatus(msg(3), conv)).toBe("read");
    expect(tickStatus(msg(1), conv)).toBe("read");
  });
  it("is delivered up to minDeliveredSeq", () => {
    expect(tickStatus(msg(4), conv)).toBe("delivered");
    expect(tickStatus(msg(5), conv)).toBe("delivered");
  });
  it("is sent beyond both", () => {
    expect(tickStatus(msg(6), conv)).toBe("sent");
  });
  it("is never read where the chat doesn't share read receipts, whatever this browser held", () => {
    expect(tickStatus(msg(3), { ...conv, readReceipts: false })).toBe("delivered");
  });
  it("stays sent for a withheld message (the other person blocks me), whatever the watermarks", () => {
    expect(tickStatus({ seq: 1, withheld: true }, conv)).toBe("sent");
  });
  it("is sent without a conversation", () => {
    expect(tickStatus(msg(1), undefined)).toBe("sent");
  });
});

describe("effectiveWatermarks", () => {
  const member = (id: string, deliveredSeq: number, readSeq: number) => ({ id, deliveredSeq, readSeq });
  it("uses the server minima without members", () => {
    expect(effectiveWatermarks({ minDeliveredSeq: 2, minReadSeq: 1, readSeq: 9 }, undefined, "me")).toEqual({
      minDeliveredSeq: 2,
      minReadSeq: 1,
    });
  });
  it("lifts the minima from the members' watermarks, counting my own reads and sends", () => {
    // The server's minima are stale (0) after I sent seq 1 and someone joined at seq 1.
    const conv = { minDeliveredSeq: 0, minReadSeq: 0, readSeq: 1 };
    expect(effectiveWatermarks(conv, [member("me", 0, 0), member("bo", 1, 1)], "me")).toEqual({ minDeliveredSeq: 1, minReadSeq: 1 });
  });
  it("is held back by the slowest member, and never drops below the server", () => {
    const conv = { minDeliveredSeq: 3, minReadSeq: 2, readSeq: 9 };
    expect(effectiveWatermarks(conv, [member("me", 9, 9), member("bo", 7, 5), member("cy", 4, 4)], "me")).toEqual({
      minDeliveredSeq: 4,
      minReadSeq: 4,
    });
    expect(effectiveWatermarks(conv, [member("me", 9, 9), member("bo", 1, 1)], "me")).toEqual({ minDeliveredSeq: 3, minReadSeq: 2 });
  });
});
