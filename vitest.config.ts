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
    // Test files share that database: run them one at a time so a file's cleanup or unique
    // constraint can never race another file's data. (Tests that need isolation use
    // createScratchDatabase().)
    fileParallelism: false,
    testTimeout: 30_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent", AUTH_SECRET: "vitest-secret-not-for-production-0123456789" },
    hookTimeout: 30_000,
  },
});
