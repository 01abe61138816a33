// Button and control styles shared by the admin console (semantic tokens, light and dark).

const base =
  "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-full font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50";

export const btn = {
  primary: `${base} h-10 px-4 text-sm bg-accent text-accent-fg hover:bg-accent-strong`,
  secondary: `${base} h-10 px-4 text-sm border border-black/15 bg-panel text-fg hover:bg-hover dark:border-white/15 dark:hover:bg-active`,
  danger: `${base} h-10 px-4 text-sm bg-danger text-white hover:brightness-95 dark:text-[#111b21]`,
  /** Compact action in a row. */
  small: `${base} h-8 px-3 text-[13px] border border-black/15 bg-panel text-fg hover:bg-hover dark:border-white/15 dark:hover:bg-active`,
  smallDanger: `${base} h-8 px-3 text-[13px] border border-black/15 bg-panel text-danger hover:bg-danger/10 dark:border-white/15`,
};

export const field =
  "w-full rounded-lg border border-black/20 bg-panel px-3 py-2 text-[15px] text-fg placeholder:text-muted outline-none transition-colors focus:border-accent focus:ring-1 focus:ring-accent aria-[invalid=true]:border-danger aria-[invalid=true]:focus:border-danger aria-[invalid=true]:focus:ring-danger dark:border-white/20 dark:bg-panel-2";

export const card = "rounded-xl border border-border bg-panel shadow-[0_1px_2px_rgba(11,20,26,.06)]";
