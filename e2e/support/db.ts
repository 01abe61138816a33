// Direct access to the test server's database, for what a spec cannot wait for in real time
// (a disappearing message's 24 hours). Everything else goes through the browser.
import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_DATABASE_URL_FILE } from "./env";

async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Lets the disappearing messages with this text run out now; returns how many there were. */
export function runOutDisappearingMessage(text: string): Promise<number> {
  return withDb(async (client) => {
    const { rowCount } = await client.query(`UPDATE "Message" SET "expiresAt" = now() WHERE text = $1 AND "expiresAt" IS NOT NULL`, [text]);
    return rowCount ?? 0;
  });
}
