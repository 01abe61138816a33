import { z } from "zod";
import { containsNul, NUL_REFUSED } from "@/lib/validation";

export const localSignInInput = z.object({
  // A server action: no transport refuses NUL before it (see assertNoNulCharacters).
  name: z.string().trim().min(1, "Enter your name").max(60, "Name is too long").refine((name) => !containsNul(name), NUL_REFUSED),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
});
