import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/sessions";
import { contextFor } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { consume, type LimitKind } from "@/lib/rate-limit/limiters";
import { deleteMessages } from "@/lib/messages/delete-message";
import { editMessage } from "@/lib/messages/edit-message";
import { forwardMessages } from "@/lib/messages/forward-message";
import { chargeSelection } from "@/lib/messages/message-selection";
import { reactToMessage } from "@/lib/messages/react-to-message";
import { listMessages } from "@/lib/messages/list-messages";
import { markDelivered, markRead } from "@/lib/messages/receipts";
import { sendMessage } from "@/lib/messages/send-message";
import { syncMessages } from "@/lib/messages/sync-messages";
import { assertNoNulCharacters, id } from "@/lib/validation";
import { withCapacity } from "./backpressure";
import { joinConversationRooms } from "./join-conversation-rooms";
import { announceConnected, announceDisconnected, watchPresence } from "./presence";
import { ioPublisher } from "./publisher";
import { answer } from "./to-ack";
import { relayTyping } from "./typing";

const watchInput = z.object({ userIds: z.array(id).max(500) });

/**
 * Per-socket wiring: join the user's conversation rooms, then map each client event to its one
 * domain operation. Handlers parse nothing themselves: the operations validate their input.
 */
export async function registerHandlers(io: Server, db: Db, socket: Socket): Promise<void> {
  const user = socket.data.user as SessionUser;
  const ctx = contextFor(user, { db, publish: ioPublisher(io) });
  // The sender's own socket learns of its message from the ack, not from an echo.
  const sendCtx = contextFor(user, { db, publish: ioPublisher(io, { exceptSocket: socket.id }) });
  // A sync answers only after the rooms are joined: whatever it misses arrives live.
  const roomsJoined = joinConversationRooms(db, socket, user.id);

  // Writes count against the node's capacity, then the user's rate limit: a send the node refuses
  // as busy costs the user nothing, so the client's retry of it is not then refused as too fast.
  const write = <T>(work: () => Promise<T>) => withCapacity(() => consume("messages", user.id).then(work));
  // Every other event costs a query or a broadcast too: each counts against a limit of the user's.
  const limited = <T>(kind: LimitKind, work: () => Promise<T>) => consume(kind, user.id).then(work);
  // Events answered by an ack (see asked): writes first, then reads.
  asked(socket, "message:send", (input) => write(() => sendMessage(sendCtx, input)).then(({ message }) => ({ message })));
  asked(socket, "message:edit", async (input) => ({ message: await write(() => editMessage(ctx, input)) }));
  asked(socket, "message:react", async (input) => ({ message: await write(() => reactToMessage(ctx, input)) }));
  // One write per message selected: the first counted by write(), the rest by chargeSelection.
  asked(socket, "message:forward", async (input) => ({ messages: await write(() => chargeSelection(user.id, input).then(() => forwardMessages(ctx, input))) }));
  asked(socket, "message:delete", (input) => write(() => chargeSelection(user.id, input).then(() => deleteMessages(ctx, input))));
  // The tab that sent a receipt already shows it: the event goes to the others (sendCtx).
  asked(socket, "receipt:delivered", (input) => limited("receipts", () => markDelivered(sendCtx, input)).then(() => ({})));
  asked(socket, "receipt:read", (input) => limited("receipts", () => markRead(sendCtx, input)).then(() => ({})));
  // Pages over the open connection: no HTTP request, cookie decryption or route dispatch per page.
  asked(socket, "messages:list", (input) => limited("api", () => listMessages(ctx, input)));
  asked(socket, "sync", (input) => limited("api", () => roomsJoined.then(() => syncMessages(ctx, input))));
  // A hint that expires by itself: over the limit, or when it can't be checked, it is dropped, as
  // if lost on the way. Hints are relayed one after another, so "stopped" never overtakes "typing".
  let typingRelayed = roomsJoined.catch(() => undefined);
  socket.on("typing", (input) => {
    typingRelayed = typingRelayed
      .then(() => consume("typing", user.id))
      .then(() => relayTyping(socket, ctx, input))
      .catch(() => undefined);
  });
  asked(socket, "presence:watch", (input) =>
    limited("api", async () => ({ presence: await watchPresence(io, db, socket, user.id, watchInput.parse(input).userIds) })),
  );
  socket.on("disconnect", () => {
    announceDisconnected(io, db, user.id).catch((err: unknown) => logger.warn({ err }, "presence update failed"));
  });

  await roomsJoined;
  await announceConnected(io, db, socket, user.id);
}

/**
 * An event answered by its ack, the same way for all: text with a NUL character is refused
 * before any work (assertNoNulCharacters), and an event sent with an ack but no input (what
 * `emitWithAck(event)` sends: Socket.IO then hands the ack over first) is still answered. The
 * input is typed `never` (whatever the client sent) because each operation parses it first.
 */
function asked(socket: Socket, event: string, run: (input: never) => Promise<object>): void {
  socket.on(event, (first: unknown, second: unknown) => {
    const [input, ack] = typeof first === "function" && second === undefined ? [undefined, first] : [first, second];
    void answer(
      ack,
      () => {
        assertNoNulCharacters(input);
        return run(input as never);
      },
      event,
    );
  });
}
