import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";
import { bubble, chatRow, openChat, send, sendDirect, signInAll } from "./support/chat";
import { expectNoAxeViolations } from "./support/checks";

// "Clear chat": the messages leave my view (every tab, after a reload, in search) and nobody
// else's; what is sent afterwards shows as usual. "Delete chat" also takes the chat out of my
// list until a new message. "Export chat" saves my view as text.

test("clear chat empties it for me on every tab and in search, not for the other person; new messages still come", async ({ newUsers }, testInfo) => {
  const [alice, bob] = await newUsers(2, { label: "clear" });
  await signInAll([alice!, bob!]);
  const A = alice!.page;
  const B = bob!.page;
  const word = `kiwi${randomBytes(3).toString("hex").replace(/\d/g, "x")}`;
  await sendDirect(A, bob!.name, `${word} one`);
  await openChat(B, alice!.name);
  await send(B, `${word} two`);
  await expect(bubble(A, `${word} two`)).toBeVisible();
  // A second tab of Alice's, on the same chat.
  const A2 = await alice!.context.newPage();
  await A2.goto("/");
  await openChat(A2, bob!.name);
  await expect(bubble(A2, `${word} two`)).toBeVisible();

  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("clear-chat").click();
  const dialog = A.getByTestId("clear-chat-dialog");
  await expect(dialog).toContainText(`${bob!.name} will still see them`);
  await expectNoAxeViolations(A, '[data-testid="clear-chat-dialog"]');
  await A.screenshot({ path: testInfo.outputPath("clear-chat-dialog-1280.png") });
  await dialog.getByTestId("clear-chat-confirm").click();
  await expect(dialog).toHaveCount(0);
  await expect(A.getByTestId("toasts")).toContainText("Chat cleared");

  // Gone for Alice, here and on her other tab, and from her chat list's preview.
  for (const page of [A, A2]) {
    await expect(page.getByTestId("message-bubble")).toHaveCount(0);
    await expect(chatRow(page, bob!.name)).not.toContainText(word);
  }
  // Still there for Bob.
  await expect(bubble(B, `${word} one`)).toBeVisible();
  await expect(bubble(B, `${word} two`)).toBeVisible();

  // After a reload, and in search, still gone.
  await A.reload();
  await openChat(A, bob!.name);
  await expect(A.getByTestId("chat-title")).toHaveText(bob!.name);
  await A.getByTestId("chat-search").fill(word);
  await expect(A.getByTestId("message-search-empty")).toBeVisible();
  await expect(A.getByTestId("message-search-hit")).toHaveCount(0);
  await A.getByTestId("chat-search").fill("");
  await expect(A.getByTestId("message-bubble")).toHaveCount(0);

  // What Bob sends next shows as usual.
  await send(B, `${word} three`);
  await expect(bubble(A, `${word} three`)).toBeVisible();
  await expect(A.getByTestId("message-bubble")).toHaveCount(1);
  await expect(chatRow(A, bob!.name)).toContainText(`${word} three`);
  await A.screenshot({ path: testInfo.outputPath("clear-chat-after-1280.png") });
});

test("delete chat takes it out of my list on every tab and out of my view, not the other person's; a new message brings it back", async ({ newUsers }, testInfo) => {
  const [alice, bob] = await newUsers(2, { label: "delete-chat" });
  await signInAll([alice!, bob!]);
  const A = alice!.page;
  const B = bob!.page;
  await sendDirect(A, bob!.name, "our old thread");
  await openChat(B, alice!.name);
  await expect(bubble(B, "our old thread")).toBeVisible();
  const A2 = await alice!.context.newPage();
  await A2.goto("/");
  await expect(chatRow(A2, bob!.name)).toBeVisible();

  // Ctrl+Alt+Backspace asks too, as in WhatsApp Web; Escape keeps the chat.
  await A.keyboard.press("Control+Alt+Backspace");
  const dialog = A.getByTestId("delete-chat-dialog");
  await expect(dialog).toBeVisible();
  await A.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("delete-chat").click();
  await expect(dialog).toContainText(`${bob!.name} will still see them`);
  await expectNoAxeViolations(A, '[data-testid="delete-chat-dialog"]');
  await A.screenshot({ path: testInfo.outputPath("delete-chat-dialog-1280.png") });
  await dialog.getByTestId("delete-chat-confirm").click();
  await expect(A.getByTestId("toasts")).toContainText("Chat deleted");

  // Closed and out of the list, on both of Alice's tabs and after a reload; Bob keeps it all.
  await expect(A.getByTestId("chat-title")).toHaveCount(0);
  for (const page of [A, A2]) await expect(chatRow(page, bob!.name)).toHaveCount(0);
  await A.reload();
  await expect(A.getByTestId("chats-empty")).toBeVisible();
  await expect(bubble(B, "our old thread")).toBeVisible();

  // Bob writes: the chat is back for Alice, with only the new message.
  await send(B, "hello again");
  await expect(chatRow(A, bob!.name)).toContainText("hello again");
  await openChat(A, bob!.name);
  await expect(bubble(A, "hello again")).toBeVisible();
  await expect(A.getByTestId("message-bubble")).toHaveCount(1);
  await A.screenshot({ path: testInfo.outputPath("delete-chat-back-1280.png") });
});

test("a device that was offline while I cleared and then deleted a chat catches up when it reconnects", async ({ browser, newUsers }, testInfo) => {
  const [alice, bob] = await newUsers(2, { label: "away-device" });
  await signInAll([alice!, bob!]);
  const A = alice!.page;
  await sendDirect(A, bob!.name, "before the trip");
  await openChat(bob!.page, alice!.name);
  await send(bob!.page, "safe travels");
  // Alice's laptop: her session in another browser, on the same chat.
  const laptopContext = await browser.newContext({ storageState: await alice!.context.storageState() });
  const laptop = await laptopContext.newPage();
  await laptop.goto("/");
  await openChat(laptop, bob!.name);
  await expect(bubble(laptop, "safe travels")).toBeVisible();

  await laptopContext.setOffline(true);
  await expect(laptop.getByTestId("connection-banner")).toBeVisible();
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("clear-chat").click();
  await A.getByTestId("clear-chat-confirm").click();
  await expect(A.getByTestId("message-bubble")).toHaveCount(0);
  await laptopContext.setOffline(false);
  await expect(laptop.getByTestId("connection-banner")).toHaveCount(0, { timeout: 20_000 });
  await expect(laptop.getByTestId("message-bubble")).toHaveCount(0);
  await expect(chatRow(laptop, bob!.name)).not.toContainText("safe travels");

  await send(bob!.page, "back yet?");
  await expect(bubble(laptop, "back yet?")).toBeVisible();
  await laptopContext.setOffline(true);
  await expect(laptop.getByTestId("connection-banner")).toBeVisible();
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("delete-chat").click();
  await A.getByTestId("delete-chat-confirm").click();
  await expect(chatRow(A, bob!.name)).toHaveCount(0);
  await laptopContext.setOffline(false);
  await expect(laptop.getByTestId("connection-banner")).toHaveCount(0, { timeout: 20_000 });
  await expect(laptop.getByTestId("chat-title")).toHaveCount(0);
  await expect(chatRow(laptop, bob!.name)).toHaveCount(0);
  await laptop.screenshot({ path: testInfo.outputPath("deleted-while-away-1280.png") });
  await laptopContext.close();
});

test("export chat downloads the chat as text, named after it, without what I cleared", async ({ newUsers }) => {
  const [alice, bob] = await newUsers(2, { label: "export" });
  await signInAll([alice!, bob!]);
  const A = alice!.page;
  await sendDirect(A, bob!.name, "the old plan");
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("clear-chat").click();
  await A.getByTestId("clear-chat-confirm").click();
  await expect(A.getByTestId("message-bubble")).toHaveCount(0);
  await send(A, "Dinner at *8*?");
  await openChat(bob!.page, alice!.name);
  await send(bob!.page, "Yes, see you there");
  await expect(bubble(A, "see you there")).toBeVisible();

  await A.getByTestId("chat-menu-button").click();
  const [download] = await Promise.all([A.waitForEvent("download"), A.getByTestId("export-chat").click()]);
  expect(download.suggestedFilename()).toBe(`Convo chat with ${bob!.name}.txt`);
  const lines = readFileSync((await download.path())!, "utf8").trimEnd().split("\n");
  expect(lines).toEqual([
    expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} ${alice!.name}: Dinner at \\*8\\*\\?$`)),
    expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} ${bob!.name}: Yes, see you there$`)),
  ]);
});

test("the chat list's menu deletes a direct chat too, leaving the chat I have open alone", async ({ newUsers }) => {
  const [alice, bob, cleo] = await newUsers(3, { label: "row-delete" });
  await signInAll([alice!, bob!, cleo!]);
  const A = alice!.page;
  await sendDirect(A, cleo!.name, "to be deleted from the list");
  await sendDirect(A, bob!.name, "kept open");

  await chatRow(A, cleo!.name).click({ button: "right" });
  await A.getByTestId("conversation-menu").getByTestId("menu-delete-chat").click();
  const dialog = A.getByTestId("delete-chat-dialog");
  await expect(dialog).toContainText(`${cleo!.name} will still see them`);
  await dialog.getByTestId("delete-chat-confirm").click();
  await expect(A.getByTestId("toasts")).toContainText("Chat deleted");

  await expect(chatRow(A, cleo!.name)).toHaveCount(0);
  await expect(A.getByTestId("chat-title")).toHaveText(bob!.name);
  await expect(bubble(A, "kept open")).toBeVisible();
  await A.reload();
  await expect(chatRow(A, bob!.name)).toBeVisible();
  await expect(chatRow(A, cleo!.name)).toHaveCount(0);
  // Cleo keeps it all.
  await expect(chatRow(cleo!.page, alice!.name)).toContainText("to be deleted from the list");
});
