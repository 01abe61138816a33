import { expect, test } from "./support/fixtures";
import { bubble, chatRow, sendDirect, signInAll } from "./support/chat";
import { expectNoAxeViolations } from "./support/checks";

// WhatsApp Web's keyboard shortcuts (Ctrl+Alt + a key), pressed the way a user does: focus in
// the composer of the open chat, or nowhere in particular.

test.describe("keyboard shortcuts", () => {
  test("move between chats in list order, search, archive, mute and pin, and list themselves", async ({ newUsers }, testInfo) => {
    const [ana, ben, cara] = await newUsers(3, { label: "keys" });
    await signInAll([ana!, ben!, cara!]);
    // Ben writes first, then Cara: Cara's chat is at the top of Ana's list, Ben's just below.
    await sendDirect(ben!.page, ana!.name, "from Ben");
    await sendDirect(cara!.page, ana!.name, "from Cara");

    const page = ana!.page;
    await expect(chatRow(page, cara!.name)).toContainText("from Cara");
    await expect(chatRow(page, ben!.name)).toContainText("from Ben");
    const title = page.getByTestId("chat-title");

    // No chat open: the next chat is the top one; then down the list and back up.
    await page.keyboard.press("Control+Alt+BracketRight");
    await expect(title).toHaveText(cara!.name);
    await expect(bubble(page, "from Cara")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Type a message" })).toBeFocused();
    await page.keyboard.press("Control+Alt+BracketRight");
    await expect(title).toHaveText(ben!.name);
    await expect(bubble(page, "from Ben")).toBeVisible();
    await page.keyboard.press("Control+Alt+BracketLeft");
    await expect(title).toHaveText(cara!.name);

    // Search in the open chat; Escape closes it.
    await page.keyboard.press("Control+Alt+Shift+KeyF");
    await expect(page.getByTestId("chat-search-panel")).toBeVisible();
    await expect(page.getByTestId("chat-search-input")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("chat-search-panel")).toHaveCount(0);

    // Mute and pin the open chat, and undo both.
    await page.keyboard.press("Control+Alt+Shift+KeyM");
    // It opens on the preselected duration, and Enter confirms it (as in WhatsApp).
    await expect(page.getByTestId("mute-dialog").getByTestId("mute-for-8h")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(chatRow(page, cara!.name).getByTestId("muted-icon")).toBeVisible();
    // Shortcuts wait while a dialog is open: the mute dialog closes once the server has answered.
    await expect(page.getByTestId("mute-dialog")).toHaveCount(0);
    await page.keyboard.press("Control+Alt+Shift+KeyP");
    await expect(chatRow(page, cara!.name).getByTestId("pinned-icon")).toBeVisible();
    await page.keyboard.press("Control+Alt+Shift+KeyM");
    await page.keyboard.press("Control+Alt+Shift+KeyP");
    await expect(chatRow(page, cara!.name).getByTestId("muted-icon")).toHaveCount(0);
    await expect(chatRow(page, cara!.name).getByTestId("pinned-icon")).toHaveCount(0);

    // Archive it: it leaves the list for the Archived folder; the same keys bring it back.
    await page.keyboard.press("Control+Alt+KeyE");
    await expect(page.getByTestId("toasts")).toContainText("Chat archived");
    await expect(chatRow(page, cara!.name)).toHaveCount(0);
    await expect(page.getByTestId("archived-entry")).toBeVisible();
    // The arrow keys go from the search box through Archived to the chats and back, with a
    // visible focus ring.
    await page.getByTestId("chat-search").focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("archived-entry")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(chatRow(page, ben!.name)).toBeFocused();
    const ring = await chatRow(page, ben!.name).evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThan(0);
    await page.keyboard.press("ArrowUp");
    await expect(page.getByTestId("archived-entry")).toBeFocused();
    await page.keyboard.press("Control+Alt+KeyE");
    await expect(page.getByTestId("toasts")).toContainText("Chat unarchived");
    await expect(chatRow(page, cara!.name)).toBeVisible();

    // New chat, profile and the chat search, one panel at a time.
    await page.keyboard.press("Control+Alt+KeyN");
    await expect(page.getByTestId("new-chat-panel")).toBeVisible();
    await page.keyboard.press("Control+Alt+KeyP");
    await expect(page.getByTestId("profile-drawer")).toBeVisible();
    await expect(page.getByTestId("new-chat-panel")).toHaveCount(0);
    await page.keyboard.press("Control+Alt+Slash");
    await expect(page.getByTestId("profile-drawer")).toHaveCount(0);
    await expect(page.getByTestId("chat-search")).toBeFocused();
    await page.keyboard.type("from B");
    await expect(page.getByTestId("message-search-hit").filter({ hasText: "from Ben" })).toBeVisible();

    // The list of shortcuts, from its own keys and from the profile menu; a modal dialog keeps
    // the keyboard: a shortcut pressed in it does nothing behind it.
    await page.keyboard.press("Control+Alt+KeyK");
    const dialog = page.getByTestId("shortcuts-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("shortcut")).toHaveCount(12);
    await expect(dialog.getByTestId("shortcut").filter({ hasText: "Next chat" })).toContainText("Ctrl + Alt + ]");
    await page.keyboard.press("Control+Alt+KeyN");
    await expect(page.getByTestId("new-chat-panel")).toHaveCount(0);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, '[data-testid="shortcuts-dialog"]');
      await page.screenshot({ path: testInfo.outputPath(`shortcuts-${colorScheme}.png`) });
    }
    // Taller than this screen, the list scrolls from the keyboard too.
    await dialog.getByRole("region", { name: "Keyboard shortcuts" }).focus();
    await page.keyboard.press("End");
    await expect(dialog.getByTestId("shortcut").last()).toBeInViewport();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await page.getByTestId("profile-button").click();
    await page.getByTestId("open-shortcuts").click();
    await expect(dialog).toBeVisible();
  });

  test("start a chat without the mouse: pick the person, and the message box has the keyboard", async ({ newUsers }) => {
    const [dan, eve] = await newUsers(2, { label: "keys-new" });
    await signInAll([dan!, eve!]);
    const page = dan!.page;

    // Escape goes back to the button that opened the panel.
    await page.keyboard.press("Control+Alt+KeyN");
    await expect(page.getByTestId("user-search-input")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("new-chat-panel")).toHaveCount(0);
    await expect(page.getByTestId("new-chat-button")).toBeFocused();

    await page.keyboard.press("Control+Alt+KeyN");
    await page.keyboard.type(eve!.name);
    await expect(page.getByTestId("user-result").filter({ hasText: eve!.name })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("chat-title")).toHaveText(eve!.name);
    await expect(page.getByTestId("new-chat-panel")).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Type a message" })).toBeFocused();
    await page.keyboard.type("typed straight away");
    await page.keyboard.press("Enter");
    await expect(bubble(page, "typed straight away")).toBeVisible();
    await expect(chatRow(eve!.page, dan!.name)).toContainText("typed straight away");
  });
});
