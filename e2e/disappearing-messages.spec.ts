import { expectNoAxeViolations, screenshot } from "./support/checks";
import { bubble, chatRow, openChat, send, sendDirect, signInAll } from "./support/chat";
import { runOutDisappearingMessage } from "./support/db";
import { expect, test } from "./support/fixtures";

// Disappearing messages in a direct chat: either person turns them on from Contact info, both
// are told, a message sent then vanishes from both screens (and the chat list) when its time
// comes, while older messages stay; turning it off is announced too.

test("turn on disappearing messages; a new message vanishes for both when its time comes, older ones stay", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "vanish" });
  await signInAll([ana!, ben!]);
  const [A, B] = [ana!.page, ben!.page];
  await sendDirect(A, ben!.name, "said before the timer");
  await openChat(B, ana!.name);
  await expect(bubble(B, "said before the timer")).toBeVisible();

  // Ana: Contact info → Disappearing messages → 7 days.
  await A.getByTestId("chat-header-button").click();
  const row = A.getByTestId("message-timer-row");
  await expect(row.getByTestId("message-timer-value")).toHaveText("Off");
  await row.click();
  const dialog = A.getByTestId("message-timer-dialog");
  await expect(dialog.getByTestId("message-timer-off")).toBeChecked();
  await dialog.getByTestId(`message-timer-${7 * 24 * 3600}`).check();
  await expectNoAxeViolations(A, '[data-testid="message-timer-dialog"]');
  await screenshot(A, testInfo, "message-timer-dialog-1280");
  await dialog.getByTestId("message-timer-save").click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId("message-timer-value")).toHaveText("7 days");
  await A.getByTestId("close-info").click();

  const turnedOn = "turned on disappearing messages. New messages will disappear from this chat 7 days after they're sent.";
  await expect(A.getByTestId("system-message").filter({ hasText: `You ${turnedOn}` })).toBeVisible();
  await expect(B.getByTestId("system-message").filter({ hasText: `${ana!.name} ${turnedOn}` })).toBeVisible();
  await expect(B.getByTestId("message-timer-badge")).toHaveAttribute("aria-label", "Disappearing messages: 7 days");

  await send(B, "this will vanish");
  await expect(bubble(A, "this will vanish")).toBeVisible();
  await expect(chatRow(A, ben!.name)).toContainText("this will vanish");
  await expectNoAxeViolations(A);
  await screenshot(A, testInfo, "disappearing-on-1280");

  // Its time comes (the server's sweep runs every half second in this test server).
  expect(await runOutDisappearingMessage("this will vanish")).toBe(1);
  await expect(bubble(A, "this will vanish")).toHaveCount(0);
  await expect(bubble(B, "this will vanish")).toHaveCount(0);
  await expect(chatRow(A, ben!.name)).not.toContainText("this will vanish");
  await expect(bubble(A, "said before the timer")).toBeVisible();
  await B.reload();
  await expect(bubble(B, "said before the timer")).toBeVisible();
  await expect(bubble(B, "this will vanish")).toHaveCount(0);

  // Ones Ana never saw count as unread in her chat list until they go.
  await A.goto("/");
  await expect(chatRow(A, ben!.name)).toBeVisible();
  await send(B, "gone before Ana looks");
  await send(B, "not gone yet");
  await expect(chatRow(A, ben!.name).getByTestId("unread-badge")).toHaveText("2");
  expect(await runOutDisappearingMessage("gone before Ana looks")).toBe(1);
  await expect(bubble(B, "gone before Ana looks")).toHaveCount(0);
  await expect(chatRow(A, ben!.name).getByTestId("unread-badge")).toHaveText("1");
  await openChat(A, ben!.name);

  // Ben turns it off: announced to both, the badge goes, and new messages stay.
  await B.getByTestId("chat-header-button").click();
  await B.getByTestId("message-timer-row").click();
  await B.getByTestId("message-timer-off").check();
  await B.getByTestId("message-timer-save").click();
  await expect(A.getByTestId("system-message").filter({ hasText: `${ben!.name} turned off disappearing messages.` })).toBeVisible();
  await expect(A.getByTestId("message-timer-badge")).toHaveCount(0);
});
