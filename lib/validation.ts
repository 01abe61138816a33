import { z } from "zod";

export const id = z.uuid({ error: "Invalid id" });
export const seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const clientId = z.string().trim().min(8, "Invalid client id").max(64, "Invalid client id").regex(/^[A-Za-z0-9_-]+$/, "Invalid client id");

export const MAX_MESSAGE_LENGTH = 4096;
/** Largest JSON request: an API body or a socket event. */
export const MAX_JSON_BYTES = 256 * 1024;
/** Longest query for people (New chat, the admin console's user list). */
export const MAX_PEOPLE_QUERY = 100;
/** Longest query for messages (the chat list's search, search in a chat). */
export const MAX_MESSAGE_QUERY = 200;
