import { z } from "zod";

export const localSignInInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(60, "Name is too long"),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
});
