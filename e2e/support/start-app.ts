// Playwright webServer for the app: the PRODUCTION build (`node dist/server.mjs`, made by
// `npm run build`) against a fresh PostgreSQL database and a temporary DATA_DIR, both created
// here and removed when the server stops (Playwright sends SIGTERM to the process group).
//
// A webServer starts before Playwright's globalSetup, so the database cannot come from there.
// Run: npx tsx e2e/support/start-app.ts
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { adminUrlFromEnv, createDatabase, dropDatabase, urlForDatabase } from "@/lib/test-support/global-setup";
import { APP_PORT, APP_URL, E2E_DATABASE_URL_FILE, E2E_UPLOAD_MAX_BYTES, OIDC_ISSUER } from "./env";

const DB_PREFIX = "convo_e2e";
const root = process.cwd();
const serverFile = path.join(root, "dist/server.mjs");
const buildId = path.join(root, ".next/BUILD_ID");

function log(msg: string) {
  console.log(`[start-app] ${msg}`);
}

if (!existsSync(serverFile) || !existsSync(buildId)) {
  console.error("[start-app] No production build: run `npm run build` first (it makes .next/ and dist/server.mjs).");
  process.exit(1);
}
if (statSync(serverFile).mtimeMs + 5 * 60_000 < statSync(buildId).mtimeMs) {
  log("warning: dist/server.mjs is older than .next/BUILD_ID; `npm run build` rebuilds both");
}

const adminUrl = adminUrlFromEnv();

/** Databases left by runs that were killed (their pid is gone): drop them. */
async function dropStaleDatabases() {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${DB_PREFIX}\\_%`],
    );
    names = rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  for (const name of names) {
    const pid = Number(name.slice(DB_PREFIX.length + 1).split("_")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    await dropDatabase(adminUrl, urlForDatabase(adminUrl, name)).catch(() => undefined);
    log(`dropped stale database ${name}`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

await dropStaleDatabases().catch((err: unknown) => log(`could not list stale databases: ${(err as Error).message}`));

let databaseUrl: string;
try {
  databaseUrl = await createDatabase(adminUrl, DB_PREFIX);
} catch (err) {
  console.error(`[start-app] E2E needs PostgreSQL at ${adminUrl} (TEST_PG_ADMIN_URL): ${(err as Error).message}`);
  process.exit(1);
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), "convo-e2e-data-"));
writeFileSync(E2E_DATABASE_URL_FILE, databaseUrl, { mode: 0o600 });
log(`database ${new URL(databaseUrl).pathname.slice(1)}, DATA_DIR ${dataDir}`);

let cleanedUp = false;
async function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  await dropDatabase(adminUrl, databaseUrl).catch((err: unknown) => log(`drop failed: ${(err as Error).message}`));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(E2E_DATABASE_URL_FILE, { force: true });
  log("database dropped, DATA_DIR removed");
}

const child: ChildProcess = spawn(process.execPath, [serverFile], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(APP_PORT),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    AUTH_URL: APP_URL,
    AUTH_LOCAL_LOGIN: "true",
    AUTH_GOOGLE_ID: "convo-e2e-client",
    AUTH_GOOGLE_SECRET: "convo-e2e-client-secret",
    AUTH_GOOGLE_ISSUER: OIDC_ISSUER,
    // The OIDC stand-in also serves the web pages specs link to (link previews).
    LINK_PREVIEW_PRIVATE_HOSTS: new URL(OIDC_ISSUER).host,
    ADMIN_EMAILS: "admin@example.com",
    // Every spec signs in fresh users from one IP: the production default (30 per 10 min) would
    // refuse the later specs' sign-ins.
    RATE_LIMIT_SIGN_IN: process.env.RATE_LIMIT_SIGN_IN || "1000",
    // Likewise every page shares 127.0.0.1 for the per-IP API limit.
    RATE_LIMIT_API: process.env.RATE_LIMIT_API || "20000",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL || "warn",
    // Not the default (25 MB): the browser must refuse by the server's limit, not its own.
    UPLOAD_MAX_BYTES: String(E2E_UPLOAD_MAX_BYTES),
    // Disappearing messages go within half a second of their time, not the default 30 s.
    MESSAGE_EXPIRY_SWEEP_MS: "500",
    // Set (empty) so a developer's .env file cannot switch these on for the test server.
    REDIS_URL: "",
    UPLOADTHING_TOKEN: "",
  },
});

let stopping = false;
function forward(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  // Playwright signals the whole process group, so the server usually has it already.
  if (child.exitCode === null) child.kill(signal);
}
process.on("SIGTERM", () => forward("SIGTERM"));
process.on("SIGINT", () => forward("SIGINT"));
// Playwright gives its webServers a stdin pipe: EOF means the runner died without its teardown
// (e.g. SIGKILL). Stop then too, instead of leaving a server on the port and a database behind.
if (process.env.E2E_EXIT_ON_STDIN_CLOSE === "1" && !process.stdin.isTTY) {
  process.stdin.on("end", () => forward("SIGTERM"));
  process.stdin.resume();
}

child.on("exit", (code, signal) => {
  if (!stopping) log(`server exited unexpectedly (code ${code}, signal ${signal})`);
  void cleanUp().then(() => process.exit(stopping ? 0 : (code ?? 1)));
});
