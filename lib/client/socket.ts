// Typed Socket.IO client: one connection per page, same origin, session cookie auth.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/contract";
import type { ClientError } from "./types";

export type ConvoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function createSocket(): ConvoSocket {
  return io({ transports: ["websocket"], withCredentials: true, autoConnect: false });
}

// Required: an optional ack (the receipts') is still the last parameter.
type Last<T extends unknown[]> = Required<T> extends [...unknown[], infer L] ? L : never;
type AckEvents = {
  [E in keyof ClientToServerEvents]: Last<Parameters<ClientToServerEvents[E]>> extends ((res: infer _R) => void) | undefined
    ? E
    : never;
}[keyof ClientToServerEvents];
type InputOf<E extends AckEvents> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends AckEvents> = NonNullable<Last<Parameters<ClientToServerEvents[E]>>> extends (res: infer R) => void ? R : never;

/** What an ack-ed emit resolves to: the server's ack, or a client-side failure (never throws). */
export type EmitResult<E extends AckEvents> = AckOf<E> | { ok: false; error: ClientError };

/**
 * Emit and wait for the ack, at most `timeoutMs`. Not sent at all while disconnected: Socket.IO
 * would buffer it and replay it on reconnect, and the callers have their own retry (outbox, sync).
 */
export async function emitWithAck<E extends AckEvents>(
  socket: ConvoSocket,
  event: E,
  input: InputOf<E>,
  timeoutMs = 8_000,
): Promise<EmitResult<E>> {
  if (!socket.connected) return { ok: false, error: { code: "DISCONNECTED", message: "Not connected" } };
  try {
    // The event map is a union here; Socket.IO's generic signature cannot follow it.
    const timed = socket.timeout(timeoutMs);
    const emit = timed.emitWithAck as unknown as (this: typeof timed, ev: E, arg: InputOf<E>) => Promise<AckOf<E>>;
    const res = await emit.call(timed, event, input);
    if (!res || typeof res !== "object" || !("ok" in res)) {
      return { ok: false, error: { code: "INTERNAL", message: "Malformed reply" } };
    }
    return res;
  } catch {
    return { ok: false, error: { code: "TIMEOUT", message: "The server did not answer in time" } };
  }
}
