import type AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { connectSocket, cookieHeader, expectSignedIn, logOut, myUsername, sessionCookies, signInLocally, signInWithGoogle } from "./support/auth";
import { APP_URL } from "./support/env";
import { expect, test } from "./support/fixtures";
import { axeBuilder } from "./support/checks";

const DEFAULT_GROUPS = ["General Chat", "Tech Talk", "Movie Lounge", "TV & Series Hub", "Pop Culture & Gaming"];

async function expectDefaultGroups(page: Page) {
  await page.getByTestId("tab-discover").click();
  const groups = page.getByTestId("group-row");
  for (const name of DEFAULT_GROUPS) {
    await expect(groups.filter({ hasText: name }), `group "${name}"`).toHaveCount(1);
  }
}

test.describe("sign-in", () => {
  test("two Google users and one local user sign in side by side and see the default groups", async ({ newUsers }) => {
    const [ada, grace] = await newUsers(2, { label: "google" });
    const [linus] = await newUsers(1, { label: "local" });

    // Both Google sign-ins run at once: each context tells the OIDC provider who it is.
    await Promise.all([signInWithGoogle(ada!.page, ada!), signInWithGoogle(grace!.page, grace!)]);
    await signInLocally(linus!.page, linus!);

    for (const user of [ada!, grace!, linus!]) {
      await user.page.reload();
      await expectSignedIn(user.page, user);
      await expectDefaultGroups(user.page);
    }
    // A Google account's photo becomes a picture of our own (copied, never linked to); a local
    // account has its initials.
    for (const user of [ada!, grace!]) {
      await expect(user.page.getByTestId("profile-button").locator("img")).toHaveAttribute("src", /^\/api\/v1\/attachments\/[0-9a-f-]{36}$/);
    }
    await expect(linus!.page.getByTestId("profile-button").locator("img")).toHaveCount(0);
  });

  test("Google sign-in of the same account again lands on the same user", async ({ newUsers }) => {
    const [first, second] = await newUsers(2, { label: "returning" });
    const person = { name: first!.name, email: first!.email };
    await signInWithGoogle(first!.page, person);
    const username = await myUsername(first!.page);
    // Same Google account (same `sub`) from another browser: the same user, not a second one.
    await signInWithGoogle(second!.page, person);
    expect(await myUsername(second!.page)).toBe(username);
  });

  test("a Google account with an unverified email is refused", async ({ newUsers }) => {
    const [user] = await newUsers(1, { label: "unverified" });
    await signInWithGoogle(user!.page, user!, { emailVerified: false });
    await expect(user!.page).toHaveURL(/\/login\?error=AccessDenied/);
    // (Next's route announcer is a second, empty role=alert.)
    await expect(user!.page.getByRole("main").getByRole("alert")).toHaveText("That account can't sign in here.");
  });

  test("pages need a session, and come with the security headers", async ({ page }) => {
    const response = await page.goto("/");
    await expect(page).toHaveURL(`${APP_URL}/login`);
    const headers = response!.headers();
    // Connections only to this site (its own websocket included: the chat tests use it).
    expect(headers["content-security-policy"]).toContain("connect-src 'self';");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("img-src 'self' data: blob:;");
    expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "strict-transport-security": "max-age=31536000" });
    await expect(page.getByRole("button", { name: "Continue with Google" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue", exact: true })).toBeVisible();
  });
});

test.describe("logout revokes the session", () => {
  for (const method of ["google", "local"] as const) {
    test(`(${method} sign-in): the old cookie no longer opens pages or sockets`, async ({ newUsers, browser }) => {
      const [user] = await newUsers(1, { label: `logout-${method}` });
      if (method === "google") await signInWithGoogle(user!.page, user!);
      else await signInLocally(user!.page, user!);

      const oldCookies = await sessionCookies(user!.context);
      expect(oldCookies.length, "session cookie").toBeGreaterThan(0);
      expect(oldCookies.every((c) => c.httpOnly), "session cookie is httpOnly").toBe(true);

      // Before logout the cookie opens a socket…
      const before = await connectSocket(cookieHeader(oldCookies));
      if (!before.ok) throw new Error(`socket refused before logout: ${before.error}`);
      const liveSocket = before.socket;
      const disconnected = new Promise<string>((resolve) => liveSocket.once("disconnect", resolve));
      // …but not from a foreign origin (cross-site WebSocket hijacking).
      const foreign = await connectSocket(cookieHeader(oldCookies), { origin: "http://evil.example" });
      expect(foreign.ok, "socket from a foreign origin").toBe(false);

      await logOut(user!.page);
      expect(await sessionCookies(user!.context), "cookie cleared in the browser").toHaveLength(0);

      try {
        // The socket opened with that session is ended by the server at logout.
        const reason = await Promise.race([disconnected, sleep(10_000).then(() => "still connected after 10 s")]);
        expect(reason).toBe("io server disconnect");
      } finally {
        liveSocket.close();
      }

      // The old cookie, put back into a fresh browser, is refused for pages…
      const replay = await browser.newContext();
      try {
        await replay.addCookies(oldCookies);
        const page = await replay.newPage();
        await page.goto("/");
        await expect(page).toHaveURL(`${APP_URL}/login`);
        await expect(page.getByTestId("me-name")).toHaveCount(0);
      } finally {
        await replay.close();
      }

      // …and for the socket handshake.
      const after = await connectSocket(cookieHeader(oldCookies));
      if (after.ok) after.socket.close();
      expect(after).toEqual({ ok: false, error: "UNAUTHENTICATED" });
    });
  }

  test("a garbage session cookie is refused for the socket", async () => {
    const attempt = await connectSocket("authjs.session-token=not-a-jwt");
    if (attempt.ok) attempt.socket.close();
    expect(attempt).toEqual({ ok: false, error: "UNAUTHENTICATED" });
  });
});

test.describe("accessibility and looks", () => {
  const WIDTHS = [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ];

  type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];
  const describe = (violations: Violations) =>
    violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);

  async function checkPage(page: Page, testInfo: TestInfo, name: string) {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      const where = `${name}@${size.width}`;
      const { violations } = await axeBuilder(page).analyze();
      expect(describe(violations), `axe violations on ${where}px`).toEqual([]);

      const file = testInfo.outputPath(`${name}-${size.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${name}-${size.width}`, { path: file, contentType: "image/png" });
    }
  }

  test("login and home pages have no axe violations (screenshots at 1280 and 390 px)", async ({ newUsers }, testInfo) => {
    const [user] = await newUsers(1, { label: "a11y" });
    await user!.page.goto("/login");
    await expect(user!.page.getByRole("heading", { name: "Sign in to Convo" })).toBeVisible();
    await checkPage(user!.page, testInfo, "login");

    await user!.page.setViewportSize(WIDTHS[0]!);
    await signInLocally(user!.page, user!);
    await expectDefaultGroups(user!.page);
    await expect(user!.page.getByTestId("welcome")).toBeVisible();
    // Served over plain HTTP here: the welcome pane must not claim an encrypted connection.
    await expect(user!.page.getByText("encrypted connection")).toHaveCount(0);
    await checkPage(user!.page, testInfo, "home");
  });
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
