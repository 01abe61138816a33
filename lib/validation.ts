import { z } from "zod";

export const id = z.uuid({ error: "Invalid id" });
export const seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const clientId = z.string().trim().min(8, "Invalid client id").max(64, "Invalid client id").regex(/^[A-Za-z0-9_-]+$/, "Invalid client id");
