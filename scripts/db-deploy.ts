// `npm run db:deploy`: applies pending migrations to DATABASE_URL, or — when it is unset, the
// zero-config default — to the embedded PGlite database in DATA_DIR that server.ts would use.
import nextEnv from "@next/env";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { env } from "@/lib/env";

// Same .env* files as the app (server.ts loads them the same way) so both target one database.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

async function main(): Promise<number> {
  const { DATABASE_URL, DATA_DIR } = env();
  let embedded: EmbeddedDb | undefined;
  try {
    let url = DATABASE_URL;
    if (!url) {
      embedded = await startEmbeddedDb({ dataDir: DATA_DIR });
      url = embedded.url;
      console.log(`DATABASE_URL is unset: using the embedded database in ${DATA_DIR}/pglite`);
    }
    const { applied } = await migrate(url, { log: (msg) => console.log(msg) });
    if (applied.length === 0) console.log("No pending migrations");
    else console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    return 0;
  } catch (err) {
    console.error(err instanceof MigrationError ? err.message : err);
    return 1;
  } finally {
    await embedded?.stop();
  }
}

process.exitCode = await main();
