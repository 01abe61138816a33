import { expectNoAxeViolations, screenshot } from "./support/checks";
import { bubble, chatRow, openChat, send, sendDirect, signInAll } from "./support/chat";
import { expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

// The privacy settings, as in WhatsApp. Read receipts turned off: neither person of a direct
// chat sees blue ticks (the reader's own unread count still clears); back on, they show again.
// Last seen and online for Nobody: the other person sees neither; in return, neither do I.

async function openSettings(page: Page) {
  await page.getByTestId("profile-button").click();
  await page.getByTestId("open-settings").click();
  const drawer = page.getByTestId("profile-drawer");
  await expect(drawer).toHaveAccessibleName("Profile and settings");
  return drawer;
}

async function setReadReceipts(page: Page, on: boolean) {
  const toggle = (await openSettings(page)).getByTestId("settings-read-receipts");
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

test("last seen and online for Nobody: hidden from the other person, and theirs from me; Everyone shows both again", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "lastseen" });
  await signInAll([ana!, ben!]);
  const [A, B] = [ana!.page, ben!.page];
  await sendDirect(A, ben!.name, "are you there?");
  await openChat(B, ana!.name);
  const subtitle = (page: Page) => page.getByTestId("chat-subtitle");
  await expect(subtitle(A)).toHaveText("online");
  await expect(subtitle(B)).toHaveText("online");

  const setLastSeen = async (page: Page, audience: "everyone" | "nobody") => {
    const drawer = await openSettings(page);
    await drawer.getByTestId("settings-last-seen").selectOption(audience);
    return drawer;
  };
  const drawer = await setLastSeen(B, "nobody");
  await expect(drawer.getByTestId("settings-last-seen")).toHaveValue("nobody");
  await expectNoAxeViolations(B, '[data-testid="profile-drawer"]');
  await screenshot(B, testInfo, "last-seen-nobody-1280");
  await B.getByTestId("profile-back").click();
  // Ana sees Ben's username where "online" was, and Ben no longer sees Ana online either.
  await expect(subtitle(A)).toHaveText(/^@/);
  await expect(subtitle(B)).toHaveText(/^@/);

  await setLastSeen(B, "everyone");
  await B.getByTestId("profile-back").click();
  await expect(subtitle(A)).toHaveText("online");
  await expect(subtitle(B)).toHaveText("online");
});
