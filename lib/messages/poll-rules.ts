import { z } from "zod";

// What makes a poll, shared by the server (the send and vote paths) and the browser's poll form,
// so both refuse the same polls with the same words.

export const MAX_POLL_OPTIONS = 12;
export const MAX_POLL_QUESTION = 300;

export const pollOptions = z
  .array(z.string().trim().min(1, "A poll option is empty").max(100, "Poll options can be at most 100 characters"))
  .min(2, "A poll needs at least 2 options")
  .max(MAX_POLL_OPTIONS, `A poll can have at most ${MAX_POLL_OPTIONS} options`)
  .refine((options) => new Set(options.map((o) => o.toLowerCase())).size === options.length, "Poll options must be different");

export const pollQuestion = z
  .string()
  .trim()
  .min(1, "A poll needs a question")
  .max(MAX_POLL_QUESTION, `A poll's question can be at most ${MAX_POLL_QUESTION} characters`);

/** Why this poll can't be sent, or null. */
export function pollDraftError(question: string, options: string[]): string | null {
  const problem = pollQuestion.safeParse(question).error ?? pollOptions.safeParse(options).error;
  return problem?.issues[0]?.message ?? null;
}
