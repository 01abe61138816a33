import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    // lib/faults starts real processes: `npm run test:faults` (vitest.faults.config.ts).
    exclude: ["**/node_modules/**", "e2e/**", "dist/**", ".next/**", "lib/faults/**"],
    // One fresh PostgreSQL database per run, migrated, shared by every test file.
    globalSetup: ["lib/test-support/global-setup.ts"],
    setupFiles: ["lib/test-support/no-overlapping-queries.ts"],
    // Test files share that database: run them one at a time so a file's cleanup or unique
    // constraint can never race another file's data. (Tests that need isolation use
    // createScratchDatabase().)
    fileParallelism: false,
    // ...in one process that keeps its modules between files: a fresh process per file spent
    // more time importing (Prisma, Next, Socket.IO) than testing, about 130 s in all against
    // 50 s. Files share the one database client, so none may disconnect it, and a file that
    // changes process.env or a module's state puts it back (they pass in shuffled order too).
    isolate: false,
    testTimeout: 30_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent", AUTH_SECRET: "vitest-secret-not-for-production-0123456789" },
    hookTimeout: 30_000,
  },
});
