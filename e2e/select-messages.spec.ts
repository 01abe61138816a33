import { expect, test } from "./support/fixtures";
import { bubble, chatRow, openChat, openMessageMenu, send, sendDirect, signInAll } from "./support/chat";
import { expectNoAxeViolations, screenshot } from "./support/checks";

// "Select messages", as in WhatsApp Web: pick several messages, then star, copy, delete or
// forward them together.

test("select several messages to star, copy, delete for everyone and forward in order", async ({ newUsers }, testInfo) => {
  const [ana, ben, cy] = await newUsers(3, { label: "select" });
  await signInAll([ana!, ben!, cy!]);
  const A = ana!.page;
  await ana!.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await sendDirect(A, cy!.name, "hello Cy");
  await sendDirect(A, ben!.name, "pick one");
  await send(A, "pick two");
  await openChat(ben!.page, ana!.name);
  await send(ben!.page, "pick three");
  await expect(bubble(A, "pick three")).toBeVisible();
  const box = (text: string, who = "You") => A.getByRole("checkbox", { name: `${who}: ${text}` });
  const bar = A.getByTestId("selection-bar");

  // From the chat's menu: nothing picked yet, so nothing to forward.
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("select-messages-menu").click();
  await expect(bar.getByTestId("selection-count")).toHaveText("0 selected");
  await expect(bar.getByTestId("selection-forward")).toBeDisabled();
  await expect(A.getByTestId("composer-input")).toHaveCount(0);
  await box("pick one").click();
  await box("pick three", ben!.name).click();
  await expect(box("pick one")).toHaveAttribute("aria-checked", "true");
  await expect(bar.getByTestId("selection-count")).toHaveText("2 selected");
  await expectNoAxeViolations(A, "[data-testid=chat-pane]");
  await screenshot(A, testInfo, "select-messages-1280");

  // Star both at once: the selection ends and both show the star.
  await bar.getByTestId("selection-star").click();
  await expect(A.getByText("2 messages starred")).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(A.getByTestId("composer-input")).toBeVisible();
  for (const text of ["pick one", "pick three"]) await expect(bubble(A, text).getByTestId("star-indicator")).toBeVisible();
  await expect(bubble(A, "pick two").getByTestId("star-indicator")).toHaveCount(0);

  // From a message's menu, with the keyboard: Space picks, Escape ends.
  await (await openMessageMenu(A, bubble(A, "pick two"))).getByTestId("select-messages").click();
  await expect(bar.getByTestId("selection-count")).toHaveText("1 selected");
  await expect(box("pick two")).toBeFocused();
  await box("pick one").focus();
  await A.keyboard.press("Space");
  await expect(bar.getByTestId("selection-count")).toHaveText("2 selected");
  // Copy: oldest first, one line each.
  await bar.getByTestId("selection-copy").click();
  await expect(A.getByText("2 messages copied")).toBeVisible();
  const copied = await A.evaluate(() => navigator.clipboard.readText());
  expect(copied.split("\n").map((line) => line.replace(/^\[[^\]]+\] /, ""))).toEqual([`${ana!.name}: pick one`, `${ana!.name}: pick two`]);
  await (await openMessageMenu(A, bubble(A, "pick two"))).getByTestId("select-messages").click();
  await A.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);

  // Delete my two for everyone: Ben sees both go.
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("select-messages-menu").click();
  await box("pick one").click();
  await box("pick two").click();
  await bar.getByTestId("selection-delete").click();
  const dialog = A.getByTestId("delete-message-dialog");
  await expect(dialog).toContainText("Delete 2 messages?");
  await dialog.getByTestId("delete-for-everyone").click();
  await expect(A.getByText("2 messages deleted")).toBeVisible();
  await expect(ben!.page.getByTestId("message-deleted")).toHaveCount(2);
  await expect(bubble(ben!.page, "pick three")).toBeVisible();

  // Someone else's message can't be deleted for everyone; a deleted one can't be forwarded.
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("select-messages-menu").click();
  await box("pick three", ben!.name).click();
  await bar.getByTestId("selection-delete").click();
  await expect(dialog.getByTestId("delete-for-everyone")).toHaveCount(0);
  await dialog.getByTestId("delete-cancel").click();
  await A.getByRole("checkbox", { name: /This message was deleted|You deleted this message/ }).first().click();
  await expect(bar.getByTestId("selection-forward")).toBeDisabled();
  await bar.getByTestId("selection-cancel").click();

  // Forward two to Cy: they arrive in the order they were sent, marked forwarded.
  await send(A, "pick four");
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("select-messages-menu").click();
  await box("pick four").click();
  await box("pick three", ben!.name).click();
  await bar.getByTestId("selection-forward").click();
  const forward = A.getByTestId("forward-dialog");
  await expect(forward).toContainText("Forward 2 messages to");
  await forward.getByTestId("forward-search").fill(cy!.name);
  await forward.getByTestId("forward-option").filter({ hasText: cy!.name }).click();
  await forward.getByTestId("forward-send").click();
  await expect(A.getByText(`Forwarded to ${cy!.name}`)).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(chatRow(A, cy!.name)).toContainText("pick four");
  const C = cy!.page;
  await openChat(C, ana!.name);
  await expect(bubble(C, "pick four")).toBeVisible();
  const texts = await C.getByTestId("message-text").allInnerTexts();
  expect(texts.map((t) => t.trim()).filter((t) => t.startsWith("pick"))).toEqual(["pick three", "pick four"]);
  await expect(C.getByTestId("forwarded-label")).toHaveCount(2);
});

test("select messages at 390 px, in dark mode: the bar fits and is axe clean", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "select-narrow" });
  await signInAll([ana!, ben!]);
  const A = ana!.page;
  await A.setViewportSize({ width: 390, height: 760 });
  await A.emulateMedia({ colorScheme: "dark" });
  await sendDirect(A, ben!.name, "a small screen");
  await (await openMessageMenu(A, bubble(A, "a small screen"))).getByTestId("select-messages").click();
  const bar = A.getByTestId("selection-bar");
  await expect(bar.getByTestId("selection-count")).toHaveText("1 selected");
  for (const id of ["selection-copy", "selection-star", "selection-delete", "selection-forward"]) await expect(bar.getByTestId(id)).toBeInViewport();
  await expectNoAxeViolations(A, "[data-testid=chat-pane]");
  await screenshot(A, testInfo, "select-messages-390-dark");
});
