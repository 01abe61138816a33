// The in-process profiles are tools the README sends people to: they must keep running against
// the current code (profile-send once failed on every send after the insert moved beneath Prisma,
// and nothing noticed). Small runs against the local PostgreSQL, as a user would start them.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres";

async function profile(script: string, args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "bench", script), ...args], {
    cwd: root,
    env: { ...process.env, BENCH_PG_ADMIN_URL: ADMIN },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function profileDatabases(): Promise<string[]> {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'convo_profile%'`);
    return rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
}

describe("in-process profiles", () => {
  it("profile-send stores every message, one SQL round trip each, and drops its database", async () => {
    const before = await profileDatabases();
    const out = (await profile("profile-send.ts", ["--messages", "20", "--concurrency", "2"])) as {
      sequential: { messages: number; sqlRoundTripsPerMessage: number; wallMs: { count: number } };
      concurrent: { messages: number; msgsPerSecond: number };
    };

    expect(out.sequential).toMatchObject({ messages: 20, sqlRoundTripsPerMessage: 1, wallMs: { count: 20 } });
    expect(out.concurrent.messages).toBe(40);
    expect(out.concurrent.msgsPerSecond).toBeGreaterThan(0);
    expect(await profileDatabases()).toEqual(before);
  });

  it("profile-history reads full pages in one statement each, and drops its database", async () => {
    const before = await profileDatabases();
    const out = (await profile("profile-history.ts", ["--messages", "500", "--requests", "20"])) as {
      messagesInConversation: number;
      stepsMs: Record<string, { count: number }>;
      listMessages: { sqlRoundTrips: number };
    };

    expect(out.messagesInConversation).toBe(500);
    expect(out.stepsMs.listMessages?.count).toBe(20);
    expect(out.listMessages.sqlRoundTrips).toBe(1);
    expect(await profileDatabases()).toEqual(before);
  });
});
