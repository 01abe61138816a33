import { z } from "zod";

/** One emoji (with its modifiers) as a group icon. */
export const groupIcon = z
  .string()
  .trim()
  .min(1)
  .max(16)
  .refine((s) => /^\p{Extended_Pictographic}/u.test(s) && [...new Intl.Segmenter().segment(s)].length === 1, "Choose one emoji");

/** A group's colour when none was chosen (groups stored before colours existed too). */
export const DEFAULT_GROUP_COLOR = "#25a366";

export const groupColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour like #25a366");

export const groupName = z.string().trim().min(1, "Enter a group name").max(60, "Group names are at most 60 characters");

export const groupAbout = z.string().trim().max(500, "About is at most 500 characters");
