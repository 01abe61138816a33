// Enough of a Socket.IO client socket to drive the realtime client and the message actions:
// tests fire server events at it and script the server's acks.
import type { ConvoSocket } from "../socket";

type Handler = (...args: unknown[]) => void;
/** The server's ack to an input; "never" (like an event without a reply) times out. */
export type ServerReply = (input: unknown) => unknown | Promise<unknown> | "never";

export class FakeSocket {
  connected = false;
  active = true;
  listeners = new Map<string, Handler[]>();
  /** Everything sent, with or without an ack, in order. */
  emitted: { event: string; input: unknown }[] = [];
  replies: Map<string, ServerReply>;

  constructor(replies: Record<string, ServerReply> = {}) {
    this.replies = new Map(Object.entries(replies));
  }

  on(event: string, fn: Handler) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  removeAllListeners() {
    this.listeners.clear();
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
  emit(event: string, input: unknown) {
    this.emitted.push({ event, input });
    return this;
  }
  timeout() {
    return {
      emitWithAck: (event: string, input: unknown) => {
        this.emitted.push({ event, input });
        const reply = this.replies.get(event);
        const out = reply ? reply(input) : "never";
        if (out === "never") return Promise.reject(new Error("operation has timed out"));
        return Promise.resolve(out);
      },
    };
  }
  connect() {
    this.connected = true;
    this.fire("connect");
    return this;
  }
  disconnect() {
    this.connected = false;
    this.fire("disconnect", "io client disconnect");
    return this;
  }
  sent(event: string) {
    return this.emitted.filter((e) => e.event === event).map((e) => e.input);
  }
  /** This fake where the code under test wants the real socket type. */
  asSocket(): ConvoSocket {
    return this as unknown as ConvoSocket;
  }
}

/** The ack of a sync that finds nothing missed. */
export const emptySyncReply = () => ({ ok: true, conversations: [], missed: {}, truncated: [], removed: [], gone: [], hidden: [] });
