// Message status ticks: clock (pending), ✓ sent, ✓✓ delivered, blue ✓✓ read, ! not sent.
import { TICK_LABEL } from "@/lib/client/ticks";
import type { TickStatus } from "@/lib/client/types";

export function Ticks({ status, className = "" }: { status: TickStatus; className?: string }) {
  const label = TICK_LABEL[status];
  if (status === "pending") {
    return (
      <svg width="15" height="15" viewBox="0 0 16 16" role="img" aria-label={label} className={`shrink-0 ${className}`} data-tick={status}>
        <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M8 4.6V8l2.3 1.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
    );
  }
  if (status === "failed") {
    return (
      <svg width="15" height="15" viewBox="0 0 16 16" role="img" aria-label={label} className={`shrink-0 text-danger ${className}`} data-tick={status}>
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4.5v4.2M8 11.3h.01" stroke="white" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    );
  }
  const double = status !== "sent";
  return (
    <svg
      width={double ? 17 : 13}
      height="11"
      viewBox={double ? "0 0 17 11" : "0 0 13 11"}
      role="img"
      aria-label={label}
      className={`shrink-0 ${status === "read" ? "text-tick-read" : ""} ${className}`}
      data-tick={status}
    >
      <path d="M1.2 5.9 4.6 9.2 11.6 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      {double && <path d="M8.2 8.4 9 9.2 16 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />}
    </svg>
  );
}
