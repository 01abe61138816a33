import type { ConversationSummary } from "@/lib/realtime/contract";
import { createChatStore, type ChatInit, type ChatStore } from "../store";
import { meUser } from "./fixtures";

/** A store signed in as `meUser` with these chats; no groups to discover unless `init` gives some. */
export function chatStore(conversations: ConversationSummary[], init: Partial<ChatInit> = {}): ChatStore {
  return createChatStore({ me: meUser, conversations, groups: [], ...init });
}
