import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import { signInDirectly } from "./auth";
import { APP_URL } from "./env";
import type { Person } from "./auth";
import type { TestUser } from "./fixtures";

// Chat steps shared by the specs, as a user performs them.

/** Signs each user in (through the endpoint the sign-in form posts to: auth.spec tests the form). */
export async function signInAll(users: TestUser[]): Promise<void> {
  for (const user of users) await signInDirectly(user.page, user);
}

/** New chat → search the person → open the DM. Returns the conversation id. */
export async function startDirectChat(page: Page, otherName: string): Promise<string> {
  await page.getByTestId("new-chat-button").click();
  await page.getByTestId("user-search-input").fill(otherName);
  await page.getByTestId("user-result").filter({ hasText: otherName }).first().click();
  await expect(page.getByTestId("chat-title")).toHaveText(otherName);
  return (await page.getByTestId("chat-pane").getAttribute("data-conversation-id"))!;
}

/** The chat list's row of a chat, found by its title or preview text. */
export const chatRow = (page: Page, text: string) => page.getByTestId("conversation-row").filter({ hasText: text });

export async function openChat(page: Page, title: string): Promise<void> {
  await chatRow(page, title).first().click();
  await expect(page.getByTestId("chat-title")).toHaveText(title);
}

/** "Close chat" from the chat's menu: back on the bare list, no chat open. */
export async function closeChatFromMenu(page: Page): Promise<void> {
  await page.getByTestId("chat-menu-button").click();
  await page.getByTestId("close-chat").click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("chat-title")).toHaveCount(0);
}

export async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByTestId("composer-input");
  await composer.fill(text);
  await composer.press("Enter");
}

/** Sends through the HTTP API with the page's session (fast, for volume). */
export async function postMessage(page: Page, conversationId: string, text: string, attachmentIds?: string[]): Promise<void> {
  const res = await page.request.post(`${APP_URL}/api/v1/conversations/${conversationId}/messages`, {
    data: { clientId: randomUUID(), text, ...(attachmentIds ? { attachmentIds } : {}) },
    headers: { origin: APP_URL },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** Opens the direct chat with `otherName` (new, or the one we have) and sends `text` there. */
export async function sendDirect(page: Page, otherName: string, text: string): Promise<void> {
  await startDirectChat(page, otherName);
  await send(page, text);
}

export const bubble = (page: Page, text: string) => page.getByTestId("message-bubble").filter({ hasText: text });

/** A message's options menu (hover, then its button), open. */
export async function openMessageMenu(page: Page, message: Locator): Promise<Locator> {
  await message.hover();
  await message.getByTestId("message-menu-button").click();
  const menu = page.getByTestId("message-menu");
  await expect(menu).toBeVisible();
  return menu;
}

/** Through the UI: New group → pick people → name → Create. Leaves the new group open. */
export async function createPrivateGroup(page: Page, name: string, people: Person[]): Promise<void> {
  await page.getByTestId("new-group-button").click();
  const panel = page.getByTestId("new-group-panel");
  await expect(panel.getByRole("heading", { name: "Add group members" })).toBeVisible();
  for (const person of people) {
    await page.getByTestId("member-search-input").fill(person.name);
    await page.getByTestId("member-result").filter({ hasText: person.name }).click();
    await expect(page.getByTestId("member-chip").filter({ hasText: person.name })).toBeVisible();
  }
  await page.getByTestId("new-group-next").click();
  await expect(panel.getByRole("heading", { name: "New group" })).toBeVisible();
  await expect(page.getByTestId("new-group-name")).toBeFocused();
  await page.getByTestId("new-group-name").fill(name);
  await page.getByTestId("new-group-about").fill("Planning things together");
  await page.getByTestId("create-group").click();
  await expect(page.getByTestId("chat-title")).toHaveText(name);
  await expect(panel).toHaveCount(0);
}
