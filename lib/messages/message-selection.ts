import { z } from "zod";
import { MAX_SELECTED_MESSAGES } from "@/lib/limits";
import { consume } from "@/lib/rate-limit/limiters";
import { id } from "@/lib/validation";

export const messageIds = z
  .array(id)
  .min(1, "Choose a message")
  .max(MAX_SELECTED_MESSAGES, `You can select at most ${MAX_SELECTED_MESSAGES} messages`)
  .refine((ids) => new Set(ids).size === ids.length, "A message is listed twice");

/**
 * A write on several messages counts as one write per message against the sender's limit: the
 * request itself was counted once already, this charges the rest. Called before any work.
 */
export async function chargeSelection(userId: string, input: unknown): Promise<void> {
  const selected = (input as { messageIds?: unknown } | null)?.messageIds;
  const extra = Array.isArray(selected) ? Math.min(selected.length, MAX_SELECTED_MESSAGES) - 1 : 0;
  if (extra > 0) await consume("messages", userId, extra);
}
