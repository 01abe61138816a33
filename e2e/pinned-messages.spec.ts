import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, screenshot } from "./support/checks";
import { expect, test } from "./support/fixtures";
import { bubble, createPrivateGroup, openChat, openMessageMenu, send, signInAll } from "./support/chat";

// Pinned messages: a group's admin pins for everyone (members can't), the bar under the header
// shows the newest pin live, a click shows the message and moves to the next pin, and unpinning
// from the bar takes it away for everyone.

const openMenu = (page: Page, text: string) => openMessageMenu(page, bubble(page, text));

test("an admin pins for the whole group, the bar cycles through the pins, and unpinning reaches everyone", async ({ newUsers }, testInfo) => {
  const [ana, ben, cid] = await newUsers(3, { label: "pins" });
  await signInAll([ana!, ben!, cid!]);
  const name = `Trip ${randomBytes(3).toString("hex")}`;
  await createPrivateGroup(ana!.page, name, [ben!, cid!]);
  const [A, B, C] = [ana!.page, ben!.page, cid!.page];
  await openChat(B, name);
  await openChat(C, name);
  await send(B, "Train leaves 9:40 from platform 4");
  await send(A, "Hotel check-in after 3pm");
  await expect(bubble(A, "platform 4")).toBeVisible();

  // A member's menu has no Pin; the owner's has.
  await openMenu(B, "platform 4");
  await expect(B.getByTestId("star-message")).toBeVisible();
  await expect(B.getByTestId("pin-message")).toHaveCount(0);
  await B.keyboard.press("Escape");

  await openMenu(A, "platform 4");
  await A.getByTestId("pin-message").click();
  const dialog = A.getByTestId("pin-dialog");
  await expect(dialog.getByTestId("pin-duration-7d")).toBeChecked();
  await expectNoAxeViolations(A, '[data-testid="pin-dialog"]');
  await screenshot(A, testInfo, "pin-dialog-1280");
  await dialog.getByTestId("pin-duration-24h").check();
  await dialog.getByTestId("pin-confirm").click();
  await expect(dialog).toHaveCount(0);

  // Everyone sees the bar and the notice at once; the pinned bubble carries a pin.
  for (const page of [A, B, C]) {
    await expect(page.getByTestId("pinned-banner-text")).toContainText("Train leaves 9:40 from platform 4");
    await expect(page.getByTestId("system-message").filter({ hasText: "pinned a message" })).toBeVisible();
    await expect(bubble(page, "platform 4").getByTestId("pin-indicator")).toBeVisible();
  }
  await expect(A.getByTestId("system-message").filter({ hasText: "You pinned a message" })).toBeVisible();
  await expect(A.getByTestId("pinned-banner-text")).toContainText(`${ben!.name}: Train`);
  await expect(B.getByTestId("pinned-banner-text")).toContainText("You: Train");
  await expect(B.getByTestId("pinned-banner-unpin")).toHaveCount(0);

  // A second pin shows first; a click shows it in the chat and moves on to the older one.
  await openMenu(A, "Hotel check-in");
  await A.getByTestId("pin-message").click();
  await A.getByTestId("pin-confirm").click();
  await expect(C.getByTestId("pinned-banner-text")).toContainText("Hotel check-in after 3pm");
  await expect(C.getByTestId("pinned-banner-show")).toContainText("1 of 2");
  await C.getByTestId("pinned-banner-show").click();
  await expect(C.locator('[data-highlighted="true"]')).toContainText("Hotel check-in");
  await expect(C.getByTestId("pinned-banner-text")).toContainText("Train leaves");
  await expectNoAxeViolations(C, '[data-testid="pinned-banner"]');
  await screenshot(C, testInfo, "pinned-banner-1280");

  // Unpinned from the bar: gone for everyone, the other pin stays.
  await expect(A.getByTestId("pinned-banner-text")).toContainText("Hotel check-in");
  await A.getByTestId("pinned-banner-unpin").click();
  await expect(A.getByTestId("toasts")).toContainText("Message unpinned");
  for (const page of [A, B, C]) {
    await expect(page.getByTestId("pinned-banner-text")).toContainText("Train leaves");
    await expect(page.getByTestId("pinned-banner-show")).not.toContainText("of 2");
    await expect(bubble(page, "Hotel check-in").getByTestId("pin-indicator")).toHaveCount(0);
  }

  // After a reload the pin is still there; in dark mode on a phone too.
  await C.setViewportSize({ width: 390, height: 844 });
  await C.emulateMedia({ colorScheme: "dark" });
  await C.reload();
  await expect(C.getByTestId("chat-title")).toHaveText(name);
  await expect(C.getByTestId("pinned-banner-text")).toContainText("Train leaves");
  await expectNoAxeViolations(C, '[data-testid="pinned-banner"]');
  await screenshot(C, testInfo, "pinned-banner-390-dark");
});
