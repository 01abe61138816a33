import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { APP_URL, OIDC_ISSUER } from "./e2e/support/env";

// E2E against the production build (`npm run build` first; scripts/test.sh does it), with a local
// OIDC provider standing in for Google and a throwaway PostgreSQL database (e2e/support/).
// Chromium comes from Debian: Playwright cannot download browsers here. Its headless shell (package
// chromium-headless-shell, what Playwright itself runs headless) made the suite about 30% faster
// than full Chromium in headless mode (groups.spec 153 → 107 s). `--headed` needs full Chromium:
// E2E_CHROMIUM=/usr/bin/chromium.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM = process.env.E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // A fake microphone (a beeping test signal) that needs no permission prompt: voice messages.
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];

export default defineConfig({
  testDir: "e2e",
  // git-ignored; cleaned at the start of every run.
  outputDir: "test-results/e2e",
  // Two workers, each running whole spec files in order: the tests make their own users and chats,
  // and wait on the app more than they use the CPU. 174 s against 254 s with one (2026-11-24, fast
  // host), 231 against 299 s with two busy loops competing for the two cores, 635 s on a slow host
  // (one worker took 694–708 s on such hours). Three were slower there (656 s) and ran 4 tests past 60 s.
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A test's budget, not its expected time: the heaviest take 40–50 s with two workers on a slow
  // host, which can be half as slow again (see README, Slow hosts).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: APP_URL,
    // Each page's last frame when a test fails; the specs take the screenshots to look at themselves.
    screenshot: "only-on-failure",
    // A failed test keeps its trace with DOM snapshots. The trace's screencast is left out: it cost
    // about a fifth of the suite's time (groups.spec 3.2 → 2.6 min), and `screenshot` still shows
    // each page's last frame.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    video: "off",
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      name: "oidc",
      command: "npx tsx e2e/support/oidc-provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { E2E_EXIT_ON_STDIN_CLOSE: "1" },
    },
    {
      name: "app",
      command: "npx tsx e2e/support/start-app.ts",
      url: `${APP_URL}/api/v1/health/ready`,
      // A server already on the port may be a dev build or use another database: refuse it.
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: "pipe",
      stderr: "pipe",
      // Lets the wrapper drop its database and temp dir after the server stops.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: { NEXT_TELEMETRY_DISABLED: "1", E2E_EXIT_ON_STDIN_CLOSE: "1" },
    },
  ],
});
