import { z } from "zod";

const theme = z.enum(["light", "dark", "system"]);
const language = z.enum(["en"]);
const lastSeen = z.enum(["everyone", "nobody"]);

/** A user's settings as stored (JSON on the user row): a missing field takes its default. */
export const userSettings = z.object({
  theme: theme.default("system"),
  notificationSounds: z.boolean().default(true),
  language: language.default("en"),
  /** Off: no read receipts sent or shown in direct chats (lib/users/read-receipts.ts). */
  readReceipts: z.boolean().default(true),
  /** Who sees my last seen and when I'm online (lib/users/presence-privacy.ts). */
  lastSeen: lastSeen.default("everyone"),
  /** Off: the links I type get no preview, and the server never fetches their pages (lib/link-previews). */
  linkPreviews: z.boolean().default(true),
});

export type UserSettings = z.infer<typeof userSettings>;

/** A change of some settings: a field left out stays as it is (no defaults here). */
export const settingsPatch = z
  .object({ theme, notificationSounds: z.boolean(), language, readReceipts: z.boolean(), lastSeen, linkPreviews: z.boolean() })
  .partial();

/** The stored settings, read leniently: what doesn't parse counts as the defaults. */
export function readSettings(stored: unknown): UserSettings {
  const parsed = userSettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : userSettings.parse({});
}
