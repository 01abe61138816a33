import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: the fault suite (lib/faults), which starts its own PostgreSQL, Redis and
// two app nodes from the production build. Kept out of the default `vitest run`.
const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    environment: "node",
    include: ["lib/faults/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The test process itself only drives clients; the servers get their env explicitly.
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
