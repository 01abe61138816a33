import type { Server } from "socket.io";

// server.ts creates the Socket.IO server; Next's bundled route handlers and server actions run in
// the same process but in another module graph, so they find it through globalThis.
type IoGlobal = { __convoIo?: Server };
const g = globalThis as typeof globalThis & IoGlobal;

export function setIo(io: Server | undefined): void {
  g.__convoIo = io;
}

export function getIo(): Server | undefined {
  return g.__convoIo;
}
