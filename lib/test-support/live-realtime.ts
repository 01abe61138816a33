// A test file's live Socket.IO server: started before its tests (after the beforeAll hooks
// registered earlier, so a file can set env first) and closed after them, with the sockets the
// tests opened (connectSynced(server.url, cookie, sockets)).
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db/client";
import { startTestRealtime, type TestSocket } from "./fixtures";

export function liveRealtime(db: Db) {
  let started: Awaited<ReturnType<typeof startTestRealtime>> | undefined;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    started = await startTestRealtime(db);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await started?.close();
  });
  const server = {
    get url() {
      return started!.url;
    },
    get io() {
      return started!.io;
    },
  };
  return { server, sockets };
}
