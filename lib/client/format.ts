// Date and time labels for the chat UI. Local time; pure (pass `now` and optionally a locale).

const pad = (n: number) => String(n).padStart(2, "0");

export function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "14:05" */
export function formatClock(value: string | number | Date): string {
  const d = toDate(value);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2025-03-10" in local time: groups messages by calendar day. */
export function dayKey(value: string | number | Date): string {
  const d = toDate(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole calendar days from `value` to `now` (0 = today, 1 = yesterday, negative = future). */
export function calendarDaysAgo(value: string | number | Date, now: Date): number {
  const d = toDate(value);
  const a = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const b = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((b - a) / 86_400_000);
}

function weekday(d: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long" }).format(d);
}

function shortDate(d: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).format(d);
}

/** Conversation list: today → "14:05", yesterday → "Yesterday", this week → "Monday", older → "10/03/2025". */
export function formatListTime(value: string | number | Date, now: Date, locale?: string): string {
  const d = toDate(value);
  const days = calendarDaysAgo(d, now);
  if (days <= 0) return formatClock(d);
  if (days === 1) return "Yesterday";
  if (days < 7) return weekday(d, locale);
  return shortDate(d, locale);
}

/** Date separator in a chat: "Today", "Yesterday", "Monday", "10 March", "10 March 2024". */
export function formatDayLabel(value: string | number | Date, now: Date, locale?: string): string {
  const d = toDate(value);
  const days = calendarDaysAgo(d, now);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days < 7) return weekday(d, locale);
  const sameYear = d.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, sameYear ? { day: "numeric", month: "long" } : { day: "numeric", month: "long", year: "numeric" }).format(d);
}

/** Header subtitle for an offline contact, or null when nothing is known. */
export function formatLastSeen(value: string | null, now: Date, locale?: string): string | null {
  if (!value) return null;
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return null;
  const days = calendarDaysAgo(d, now);
  const at = formatClock(d);
  if (days <= 0) return `last seen today at ${at}`;
  if (days === 1) return `last seen yesterday at ${at}`;
  if (days < 7) return `last seen ${weekday(d, locale)} at ${at}`;
  return `last seen ${shortDate(d, locale)} at ${at}`;
}

/** A media length: "0:07", "12:34", "1:02:03". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}
