import { describe, expect, it } from "vitest";
import { calendarDaysAgo, dayKey, formatClock, formatDayLabel, formatDuration, formatLastSeen, formatListTime } from "./format";

// Local-time constructors keep these tests independent of the machine's time zone.
const now = new Date(2025, 2, 12, 9, 30); // Wednesday 12 March 2025, 09:30
const L = "en-GB";

describe("format", () => {
  it("formats clock times as HH:MM", () => {
    expect(formatClock(new Date(2025, 2, 12, 14, 5))).toBe("14:05");
    expect(formatClock(new Date(2025, 2, 12, 0, 0))).toBe("00:00");
  });

  it("counts calendar days, not 24h periods", () => {
    expect(calendarDaysAgo(new Date(2025, 2, 11, 23, 59), now)).toBe(1);
    expect(calendarDaysAgo(new Date(2025, 2, 12, 0, 1), now)).toBe(0);
    expect(dayKey(new Date(2025, 0, 5, 10))).toBe("2025-01-05");
  });

  it("list times: today, yesterday, weekday, date", () => {
    expect(formatListTime(new Date(2025, 2, 12, 8, 7), now, L)).toBe("08:07");
    expect(formatListTime(new Date(2025, 2, 11, 22, 0), now, L)).toBe("Yesterday");
    expect(formatListTime(new Date(2025, 2, 9, 22, 0), now, L)).toBe("Sunday");
    expect(formatListTime(new Date(2025, 1, 20, 22, 0), now, L)).toBe("20/02/2025");
  });

  it("day separators", () => {
    expect(formatDayLabel(new Date(2025, 2, 12, 1), now, L)).toBe("Today");
    expect(formatDayLabel(new Date(2025, 2, 11, 1), now, L)).toBe("Yesterday");
    expect(formatDayLabel(new Date(2025, 2, 7, 1), now, L)).toBe("Friday");
    expect(formatDayLabel(new Date(2025, 0, 2, 1), now, L)).toBe("2 January");
    expect(formatDayLabel(new Date(2024, 11, 30, 1), now, L)).toBe("30 December 2024");
  });

  it("last seen", () => {
    expect(formatLastSeen(new Date(2025, 2, 12, 9, 5).toISOString(), now, L)).toBe("last seen today at 09:05");
    expect(formatLastSeen(new Date(2025, 2, 11, 14, 5).toISOString(), now, L)).toBe("last seen yesterday at 14:05");
    expect(formatLastSeen(new Date(2025, 2, 8, 14, 5).toISOString(), now, L)).toBe("last seen Saturday at 14:05");
    expect(formatLastSeen(new Date(2025, 0, 8, 14, 5).toISOString(), now, L)).toBe("last seen 08/01/2025 at 14:05");
    expect(formatLastSeen(null, now)).toBeNull();
    expect(formatLastSeen("garbage", now)).toBeNull();
  });
});

describe("formatDuration", () => {
  it("shows minutes and seconds, and hours only when there are some", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(7.9)).toBe("0:07");
    expect(formatDuration(754)).toBe("12:34");
    expect(formatDuration(3723)).toBe("1:02:03");
  });

  it("shows 0:00 for a length the browser does not know yet", () => {
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("0:00");
    expect(formatDuration(Number.NaN)).toBe("0:00");
  });
});
