import { expect, test } from "./support/fixtures";
import { bubble, chatRow, send, signInAll } from "./support/chat";
import { expectNoAxeViolations, screenshot } from "./support/checks";
import { APP_URL } from "./support/env";

// "Message yourself", as in WhatsApp: a chat with only me in it, for notes that reach every
// device I am signed in on.

test("Message yourself: a note sent from one tab shows in my other tab at once, read, and no one else has the chat", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "notes" });
  await signInAll([ana!, ben!]);
  const A = ana!.page;
  const other = await ana!.context.newPage();
  await other.goto(APP_URL);
  const title = `${ana!.name} (You)`;

  await A.getByTestId("new-chat-button").click();
  const yourself = A.getByTestId("message-yourself");
  await expect(yourself).toContainText(title);
  await expect(yourself).toContainText("Message yourself");
  await expectNoAxeViolations(A, '[data-testid="new-chat-panel"]');
  await yourself.click();
  await expect(A.getByTestId("chat-title")).toHaveText(title);
  await expect(A.getByTestId("chat-subtitle")).toHaveText("Message yourself");
  await send(A, "Buy oat milk");

  // My other tab: the chat and the note arrive live, nothing unread (I wrote it).
  await expect(chatRow(other, title)).toContainText("Buy oat milk");
  await expect(chatRow(other, title).getByTestId("unread-badge")).toHaveCount(0);
  await chatRow(other, title).click();
  await expect(bubble(other, "Buy oat milk")).toBeVisible();
  await send(other, "and bread");
  await expect(bubble(A, "and bread")).toBeVisible();
  // Read as soon as sent: there is no one else to wait for.
  await expect(bubble(A, "Buy oat milk")).toHaveAttribute("data-status", "read");

  // Contact info is my own profile: no presence, no groups in common, no Block.
  await A.getByTestId("chat-header-button").click();
  const info = A.getByTestId("contact-info");
  await expect(info.getByTestId("contact-name")).toHaveText(title);
  await expect(info).toContainText("Message yourself");
  await expect(info.getByRole("button", { name: /^Block/ })).toHaveCount(0);
  await expectNoAxeViolations(A);
  await screenshot(A, testInfo, "message-yourself-1280");

  // Someone else's list never has it.
  await expect(chatRow(A, title)).toHaveCount(1);
  await expect(chatRow(ben!.page, "Buy oat milk")).toHaveCount(0);
  await expect(chatRow(ben!.page, title)).toHaveCount(0);
});
