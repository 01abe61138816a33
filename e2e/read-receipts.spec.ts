import { expectNoAxeViolations, screenshot } from "./support/checks";
import { bubble, chatRow, openChat, send, sendDirect, signInAll } from "./support/chat";
import { expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

// The "Read receipts" privacy setting, as in WhatsApp: turned off, neither person of a direct
// chat sees blue ticks (the reader's own unread count still clears); back on, they show again.

async function setReadReceipts(page: Page, on: boolean) {
  await page.getByTestId("profile-button").click();
  await page.getByTestId("open-settings").click();
  const toggle = page.getByTestId("profile-drawer").getByTestId("settings-read-receipts");
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", String(on));
  return toggle;
}

test("read receipts off: delivered ticks only, both ways; back on: blue ticks again", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "receipts" });
  await signInAll([ana!, ben!]);
  const [A, B] = [ana!.page, ben!.page];

  await setReadReceipts(B, false);
  await expectNoAxeViolations(B, '[data-testid="profile-drawer"]');
  await screenshot(B, testInfo, "read-receipts-off-1280");
  await B.getByTestId("profile-back").click();

  await sendDirect(A, ben!.name, "did you read this?");
  const mine = bubble(A, "did you read this?");
  await expect(mine).toHaveAttribute("data-status", "delivered");
  await openChat(B, ana!.name);
  await expect(bubble(B, "did you read this?")).toBeVisible();
  // Ben has read it (his badge is gone, the server has his read mark), yet Ana's tick stays grey.
  await expect(chatRow(B, ana!.name).getByTestId("unread-badge")).toHaveCount(0);
  const chatId = new URL(B.url()).searchParams.get("c");
  await expect
    .poll(async () => {
      const res = await B.request.get(`/api/v1/conversations/${chatId}`);
      const { conversation } = (await res.json()) as { conversation: { readSeq: number; lastSeq: number } };
      return conversation.readSeq === conversation.lastSeq;
    })
    .toBe(true);
  await send(B, "maybe");
  await expect(bubble(A, "maybe")).toBeVisible();
  await expect(mine).toHaveAttribute("data-status", "delivered");
  // Nor does Ben see Ana read his reply.
  await expect(bubble(B, "maybe")).toHaveAttribute("data-status", "delivered");
  await A.reload();
  await expect(bubble(A, "did you read this?")).toHaveAttribute("data-status", "delivered");

  // Ben turns them back on: both see blue ticks live, for what was read meanwhile too.
  await setReadReceipts(B, true);
  await B.getByTestId("profile-back").click();
  await expect(mine).toHaveAttribute("data-status", "read");
  await expect(bubble(B, "maybe")).toHaveAttribute("data-status", "read");
});
