// Message-level actions of the realtime client: history pages, edit, react, poll votes, forward,
// stars, pins and edit history. Over the socket when connected, else over HTTP.
import type { MessageDto, MessagePage, PageQuery, PinDto } from "@/lib/realtime/contract";
import { ApiError } from "./api";
import type { MessageApi, PinDuration, StarredItem } from "./message-api";
import { quotesToRefresh, refreshQuotes } from "./messages";
import { withChoice, type MyChoice } from "./held-choices";
import { myChoices } from "./polls";
import { hasReacted } from "./reactions";
import { emitWithAck, type ConvoSocket } from "./socket";
import type { ChatStore } from "./store";

export type MessageActionsDeps = {
  store: ChatStore;
  api: MessageApi;
  /** The socket while it is connected, else null (the HTTP API is used then). */
  socket: () => ConvoSocket | null;
  randomId: () => string;
};

export function createMessageActions({ store, api, socket, randomId }: MessageActionsDeps) {
  const fail = (error: { code: string; message: string }): never => {
    throw new ApiError(error.code as ApiError["code"], error.message, 0);
  };

  const merge = (messages: readonly MessageDto[]) => {
    const byConversation = new Map<string, MessageDto[]>();
    for (const m of messages) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
    for (const [conversationId, list] of byConversation) {
      const s = store.getState();
      s.receiveMessages(conversationId, list);
      // Replies quoting an edited message show its new text.
      const refresh = (items: readonly MessageDto[]) => list.flatMap((m) => refreshQuotes(items, m));
      for (const [id, replies] of quotesToRefresh(s, conversationId, refresh)) s.receiveMessages(id, replies);
    }
  };

  const find = (conversationId: string, messageId: string) =>
    store.getState().messages[conversationId]?.items.find((m) => m.id === messageId);

  /**
   * A page of history. A read is safe to repeat, so a socket that drops or does not answer in
   * time falls back to HTTP instead of failing the page.
   */
  async function page(conversationId: string, query: PageQuery): Promise<MessagePage> {
    const sock = socket();
    if (sock) {
      const res = await emitWithAck(sock, "messages:list", { conversationId, ...query }, 5_000);
      if (res.ok) return { messages: res.messages, nextBefore: res.nextBefore, nextAfter: res.nextAfter };
      if (res.error.code !== "TIMEOUT" && res.error.code !== "DISCONNECTED") return fail(res.error);
    }
    return api.page(conversationId, query);
  }

  /** Change the text (or caption) of my message; resolves once the server has it. */
  async function editMessage(messageId: string, text: string): Promise<MessageDto> {
    const sock = socket();
    let message: MessageDto;
    if (sock) {
      const res = await emitWithAck(sock, "message:edit", { messageId, text });
      if (!res.ok) return fail(res.error);
      message = res.message;
    } else {
      message = (await api.edit(messageId, text)).message;
    }
    merge([message]);
    return message;
  }

  /**
   * My choice (a reaction or a vote) shown at once and held over every copy of the message that
   * arrives until the server answers; then the server's copy, or on a refusal my part as it was
   * before (others' choices that arrived meanwhile stay).
   */
  async function choose(conversationId: string, messageId: string, choice: MyChoice, before: MyChoice, request: () => Promise<MessageDto>) {
    const s = store.getState();
    const holdId = s.holdChoice(conversationId, messageId, choice);
    try {
      const message = await request();
      store.getState().releaseChoice(messageId, choice, holdId);
      merge([message]);
    } catch (err) {
      store.getState().releaseChoice(messageId, choice, holdId);
      const current = find(conversationId, messageId);
      if (current) merge([withChoice(current, before, s.me.id)]);
      throw err;
    }
  }

  /** Toggle my reaction with `emoji` (see choose). */
  async function react(conversationId: string, messageId: string, emoji: string): Promise<void> {
    const current = find(conversationId, messageId);
    if (!current) return;
    const had = hasReacted(current.reactions, emoji, store.getState().me.id);
    await choose(conversationId, messageId, { kind: "reaction", emoji, on: !had }, { kind: "reaction", emoji, on: had }, async () => {
      const sock = socket();
      if (!sock) return (await api.react(messageId, emoji)).message;
      const res = await emitWithAck(sock, "message:react", { messageId, emoji });
      return res.ok ? res.message : fail(res.error);
    });
  }

  /** My choices in a poll, none to take my vote back (see choose). */
  async function vote(conversationId: string, messageId: string, options: number[]): Promise<void> {
    const current = find(conversationId, messageId);
    if (!current?.poll) return;
    const previous = myChoices(current.poll, store.getState().me.id);
    await choose(conversationId, messageId, { kind: "vote", options }, { kind: "vote", options: previous }, async () => (await api.vote(messageId, options)).message);
  }

  /** Forward messages (in the order they were sent) to 1–5 of my chats; the copies land in those chats' lists. */
  async function forward(messageIds: string[], conversationIds: string[]): Promise<MessageDto[]> {
    const clientId = randomId();
    const sock = socket();
    let messages: MessageDto[];
    if (sock) {
      const res = await emitWithAck(sock, "message:forward", { messageIds, conversationIds, clientId }, 15_000);
      if (!res.ok) return fail(res.error);
      messages = res.messages;
    } else {
      messages = (await api.forward(messageIds, conversationIds, clientId)).messages;
    }
    merge(messages);
    return messages;
  }

  /** Star or unstar messages for me (at once; each reverted if the server refuses). */
  async function setStar(messageIds: string[], starred: boolean): Promise<void> {
    const before = messageIds.map((id) => [id, !!store.getState().starred[id]] as const);
    for (const id of messageIds) store.getState().setStar(id, starred);
    try {
      await api.star(messageIds, starred);
    } catch (err) {
      for (const [id, was] of before) store.getState().setStar(id, was);
      throw err;
    }
  }

  /** My starred messages with their chat titles (also refreshes which ids are starred). */
  async function loadStarred(): Promise<StarredItem[]> {
    const before = store.getState().starred;
    const { items, messageIds } = await api.starred();
    const meanwhile = store.getState().starred;
    store.getState().setStarred(messageIds);
    // A star or unstar that landed while the list was on its way (another tab's `star:updated`, a
    // click here) may be newer than the list: it stays.
    for (const id of new Set([...Object.keys(before), ...Object.keys(meanwhile)])) {
      if (!!before[id] !== !!meanwhile[id]) store.getState().setStar(id, !!meanwhile[id]);
    }
    return items;
  }

  /**
   * Pins: every answer is the chat's whole list, so the answer to the request started last wins
   * (a refetch after pins:changed may cross my own pin's answer).
   */
  const pinRequests = new Map<string, number>();
  async function settlePins(conversationId: string, request: () => Promise<{ pins: PinDto[] }>): Promise<void> {
    const n = (pinRequests.get(conversationId) ?? 0) + 1;
    pinRequests.set(conversationId, n);
    const { pins } = await request();
    if (pinRequests.get(conversationId) === n) store.getState().setPins(conversationId, pins);
  }
  const loadPins = (conversationId: string) => settlePins(conversationId, () => api.pins(conversationId));
  /** After pins:changed or a reconnect: only chats whose pins are shown need them again. */
  function refreshPins(conversationId: string): Promise<void> {
    return store.getState().pins[conversationId] ? loadPins(conversationId) : Promise.resolve();
  }
  const pin = (conversationId: string, messageId: string, duration: PinDuration) =>
    settlePins(conversationId, () => api.pin(messageId, duration));
  const unpin = (conversationId: string, messageId: string) => settlePins(conversationId, () => api.unpin(messageId));

  function editHistory(messageId: string) {
    return api.edits(messageId).then((r) => r.versions);
  }

  return { page, editMessage, react, vote, forward, setStar, loadStarred, loadPins, refreshPins, pin, unpin, editHistory };
}
