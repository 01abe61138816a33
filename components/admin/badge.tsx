import type { ReactNode } from "react";

type Tone = "neutral" | "accent" | "danger" | "info";

const TONES: Record<Tone, string> = {
  neutral: "bg-panel-2 text-muted ring-black/10 dark:bg-active dark:text-fg/80 dark:ring-white/10",
  accent: "bg-accent/10 text-accent-strong ring-accent/25 dark:bg-accent/15",
  danger: "bg-danger/10 text-danger ring-danger/25 dark:bg-danger/15",
  info: "bg-[#e7f0fb] text-[#1d4f91] ring-[#1d4f91]/20 dark:bg-[#1d4f91]/30 dark:text-[#b9d4f5] dark:ring-[#b9d4f5]/20",
};

/** A small pill label ("Archived", "Admin"). Text, so screen readers read it with the row. */
export function Badge({ tone = "neutral", children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
