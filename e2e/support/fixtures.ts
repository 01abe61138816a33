import { randomBytes } from "node:crypto";
import { test as base, type BrowserContext, type Page } from "@playwright/test";
import type { Person } from "./auth";

export type TestUser = Person & { context: BrowserContext; page: Page };

type UserOptions = {
  /** Readable part of the names and emails, e.g. "alice". Defaults to "user". */
  label?: string;
  /** Fixed identities instead of generated ones (length must equal `count`). */
  people?: Person[];
  /** Browsers with a touch screen (taps), as on a phone or tablet. */
  touch?: boolean;
};

type Fixtures = {
  /**
   * Creates `count` users, each with its own browser context (own cookies, storage, sockets) and
   * one page; unique names/emails per call so tests never collide in the shared database. Not
   * signed in yet: call signInAll / signInWithGoogle on `user.page`. Contexts close after
   * the test (a failed test's last frames are attached by Playwright's `screenshot` option).
   */
  newUsers: (count: number, options?: UserOptions) => Promise<TestUser[]>;
};

export const test = base.extend<Fixtures>({
  // `provide` is Playwright's `use` callback (renamed so React's hook lint rule leaves it alone).
  newUsers: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (count, options = {}) => {
      if (options.people && options.people.length !== count) throw new Error("people.length must equal count");
      const label = options.label ?? "user";
      const run = randomBytes(3).toString("hex");
      const users: TestUser[] = [];
      for (let i = 0; i < count; i++) {
        const context = await browser.newContext({ hasTouch: options.touch ?? false });
        contexts.push(context);
        const page = await context.newPage();
        const person = options.people?.[i] ?? {
          name: `${capitalise(label)} ${i + 1} ${run}`,
          email: `${label}-${i + 1}-${run}@example.test`,
        };
        users.push({ ...person, context, page });
      }
      return users;
    });
    for (const context of contexts) await context.close().catch(() => undefined);
  },
});

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export { expect } from "@playwright/test";
