import { expect, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { APP_URL, encodeIdentity, MOCK_IDENTITY_COOKIE, OIDC_ISSUER, type MockIdentity } from "./env";

export type Person = { name: string; email: string };

/** Waits for the home page of a signed-in user and checks it shows them. */
export async function expectSignedIn(page: Page, person: Person): Promise<void> {
  await expect(page).toHaveURL(`${APP_URL}/`);
  // The name is in the profile menu behind the avatar, as in WhatsApp Web.
  // A click that lands before React hydrated the page does nothing: click until the menu opens.
  await expect(async () => {
    if (!(await page.getByTestId("me-name").isVisible())) await page.getByTestId("profile-button").click();
    await expect(page.getByTestId("me-name")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("me-name")).toHaveText(person.name);
  await page.keyboard.press("Escape");
}

/** Signs in through the local (passwordless) form on /login. */
export async function signInLocally(page: Page, person: Person): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expectSignedIn(page, person);
}

/**
 * Signs in as the local form does (the same Auth.js endpoint, CSRF token and all) without
 * loading /login first, then opens the home page: ≈ 0.5 s less per person than the form (2.1 →
 * 1.7 s, 8 of each), which every spec that is not about signing in pays for each of its users.
 */
export async function signInDirectly(page: Page, person: Person): Promise<void> {
  const csrf = await page.request.get(`${APP_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post(`${APP_URL}/api/auth/callback/local`, {
    form: { csrfToken, name: person.name, email: person.email, callbackUrl: `${APP_URL}/` },
    headers: { origin: APP_URL },
    maxRedirects: 0,
  });
  expect(res.status(), "sign-in answer").toBe(302);
  expect(res.headers().location, "sign-in redirect").not.toContain("error");
  await page.goto("/");
  await expectSignedIn(page, person);
}

/**
 * Signs in through "Continue with Google", i.e. the real OIDC code flow against the local
 * provider (e2e/support/oidc-provider.ts), which signs in whoever this context's identity cookie
 * names. Contexts are independent, so several users can do this at once.
 */
export async function signInWithGoogle(
  page: Page,
  person: Person,
  extra: Pick<MockIdentity, "sub" | "emailVerified"> = {},
): Promise<void> {
  await setGoogleIdentity(page.context(), { ...person, ...extra });
  await page.goto("/login");
  await page.getByRole("button", { name: "Continue with Google" }).click();
  if (extra.emailVerified === false) return; // The caller checks the refusal.
  await expectSignedIn(page, person);
}

/** The signed-in user's @username, read from the profile menu. */
export async function myUsername(page: Page): Promise<string> {
  await page.getByTestId("profile-button").click();
  const username = await page.getByTestId("profile-menu").getByText(/^@/).first().textContent();
  await page.keyboard.press("Escape");
  return username ?? "";
}

export async function setGoogleIdentity(context: BrowserContext, identity: MockIdentity): Promise<void> {
  await context.addCookies([{ name: MOCK_IDENTITY_COOKIE, value: encodeIdentity(identity), url: OIDC_ISSUER }]);
}

/** The Auth.js session cookie(s) of a context (one, or `.0`, `.1`, … chunks when large). */
export async function sessionCookies(context: BrowserContext): Promise<Cookie[]> {
  const cookies = await context.cookies(APP_URL);
  return cookies.filter((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export function cookieHeader(cookies: readonly Pick<Cookie, "name" | "value">[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId("profile-button").click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

export type SocketAttempt = { ok: true; socket: Socket } | { ok: false; error: string };

/**
 * Opens a Socket.IO connection from Node the way the browser would: same-origin `Origin` and the
 * given `Cookie` header. Resolves with the connected socket or the handshake's error message.
 */
export function connectSocket(cookie: string, { origin = APP_URL } = {}): Promise<SocketAttempt> {
  const socket = io(APP_URL, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
    extraHeaders: { Cookie: cookie, Origin: origin },
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ ok: true, socket }));
    socket.once("connect_error", (err: Error) => {
      socket.close();
      resolve({ ok: false, error: err.message });
    });
  });
}
