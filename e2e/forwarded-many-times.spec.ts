import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { bubble, openChat, openMessageMenu, startDirectChat, signInAll } from "./support/chat";
import { expectNoAxeViolations, screenshot } from "./support/checks";
import { APP_URL } from "./support/env";

// "Forwarded many times", as in WhatsApp: a copy five or more forwards from the message first
// sent carries a double arrow and that label, and goes on to one chat at a time.

async function api<T>(page: Page, method: "GET" | "POST", path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`${APP_URL}${path}`, { method, data, headers: { origin: APP_URL } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

type Sent = { message: { id: string } };
type Forwarded = { messages: { id: string }[] };

test("a message forwarded five times is marked for everyone and goes on to one chat at a time", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "chain" });
  await signInAll([ana!, ben!]);
  const A = ana!.page;
  const B = ben!.page;
  const withBen = await startDirectChat(A, ben!.name);
  const { profile } = await api<{ profile: { id: string } }>(A, "GET", "/api/v1/me");
  const notes = (await api<{ conversation: { id: string } }>(A, "POST", "/api/v1/conversations", { userId: profile.id })).conversation.id;

  // Four forwards through the API, back and forth between my notes and Ben: the fourth copy lands with Ben.
  const sent = await api<Sent>(A, "POST", `/api/v1/conversations/${notes}/messages`, { clientId: randomUUID(), text: "Chain letter: pass it on" });
  let last = sent.message.id;
  for (const target of [withBen, notes, withBen, notes]) {
    const copies = await api<Forwarded>(A, "POST", "/api/v1/messages/forward", { messageIds: [last], conversationIds: [target], clientId: randomUUID() });
    last = copies.messages[0]!.id;
  }
  const fourth = last;

  // The fifth forward, from the browser: the copy is marked for both of us, the earlier one is not.
  await openChat(A, `${ana!.name} (You)`);
  const inNotes = A.locator(`[data-testid="message-bubble"][data-message-id="${fourth}"]`);
  await expect(inNotes.getByTestId("forwarded-label")).toHaveText("Forwarded");
  await (await openMessageMenu(A, inNotes)).getByTestId("forward-message").click();
  const dialog = A.getByTestId("forward-dialog");
  await expect(dialog.getByTestId("forward-count")).toHaveText("0 of 5 selected");
  await dialog.getByTestId("forward-option").filter({ hasText: ben!.name }).click();
  await dialog.getByTestId("forward-send").click();
  await expect(dialog).toHaveCount(0);

  await openChat(B, ana!.name);
  const labels = bubble(B, "Chain letter").getByTestId("forwarded-label");
  await expect(labels).toHaveText(["Forwarded", "Forwarded", "Forwarded many times"]);
  await openChat(A, ben!.name);
  const fifth = bubble(A, "Chain letter").last();
  await expect(fifth.getByTestId("forwarded-label")).toHaveText("Forwarded many times");

  // Forwarding it on: one chat at a time; picking another chat replaces the first.
  await (await openMessageMenu(A, fifth)).getByTestId("forward-message").click();
  await expect(dialog.getByTestId("forward-count")).toHaveText("Messages forwarded many times can be sent to one chat at a time");
  await expect(dialog.getByTestId("forward-selected")).toHaveText("Choose a chat");
  await dialog.getByTestId("forward-option").filter({ hasText: ben!.name }).click();
  await dialog.getByTestId("forward-option").filter({ hasText: "(You)" }).click();
  await expect(dialog.getByTestId("forward-selected")).toHaveText(`${ana!.name} (You)`);
  await expect(dialog.getByTestId("forward-option").filter({ hasText: ben!.name }).getByRole("checkbox")).not.toBeChecked();
  await expectNoAxeViolations(A, "[data-testid=forward-dialog]");
  await screenshot(A, testInfo, "forward-many-times-1280");
  await dialog.getByTestId("forward-send").click();
  await expect(dialog).toHaveCount(0);
  await openChat(A, `${ana!.name} (You)`);
  await expect(bubble(A, "Chain letter").last().getByTestId("forwarded-label")).toHaveText("Forwarded many times");
  await screenshot(B, testInfo, "forwarded-many-times-bubble-1280");
});
