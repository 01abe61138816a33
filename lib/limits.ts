// Size limits, each set once, for the server's checks and the browser's counters alike (the
// composer's "characters left", the outbox, search boxes). Schemas live in lib/validation.ts.

export const MAX_MESSAGE_LENGTH = 4096;
/** Largest JSON request: an API body or a socket event. */
export const MAX_JSON_BYTES = 256 * 1024;
/** Longest query for people (New chat, the admin console's user list). */
export const MAX_PEOPLE_QUERY = 100;
/** Longest query for messages (the chat list's search, search in a chat). */
export const MAX_MESSAGE_QUERY = 200;
/** Most chats one forward goes to. */
export const MAX_FORWARD_TARGETS = 5;
/** Most messages "Select messages" acts on at once (forward, star, delete). */
export const MAX_SELECTED_MESSAGES = 50;
