// Light / dark / system theme: a `theme` cookie (read by the root layout before paint) and the
// `dark` class on <html>.
export type Theme = "light" | "dark" | "system";
export const THEMES: Theme[] = ["light", "dark", "system"];

export function parseTheme(cookie: string): Theme {
  const match = /(?:^|;\s*)theme=(light|dark|system)/.exec(cookie);
  return (match?.[1] as Theme | undefined) ?? "system";
}

export function isDark(theme: Theme, systemDark: boolean): boolean {
  return theme === "dark" || (theme === "system" && systemDark);
}

export function readTheme(): Theme {
  return typeof document === "undefined" ? "system" : parseTheme(document.cookie);
}

export function applyTheme(theme: Theme): void {
  document.cookie = `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.classList.toggle("dark", isDark(theme, systemDark));
}

const THEME_EVENT = "convo-theme";

/** For useSyncExternalStore: the theme cookie changes only through setTheme (or another tab's reload). */
export function subscribeTheme(cb: () => void): () => void {
  window.addEventListener(THEME_EVENT, cb);
  return () => window.removeEventListener(THEME_EVENT, cb);
}

export function setTheme(theme: Theme): void {
  applyTheme(theme);
  window.dispatchEvent(new Event(THEME_EVENT));
}
