import type { Locator, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/checks";
import { expect, test } from "./support/fixtures";
import { bubble, chatRow, closeChatFromMenu, openChat, openMessageMenu, send, sendDirect, signInAll, startDirectChat } from "./support/chat";

// Core chat with two or three real users, each in their own browser context.

/** A message's options → Delete: the "Delete message?" dialog opens (it asks before deleting). */
async function openDeleteDialog(page: Page, message: Locator): Promise<void> {
  await (await openMessageMenu(page, message)).getByTestId("delete-message").click();
  await expect(page.getByRole("dialog", { name: "Delete message?" })).toBeVisible();
}

test.describe("direct chat", () => {
  test("a DM both ways shows up live, with ticks going sent → delivered → read", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "dm" });
    await signInAll([ana!, ben!]);

    // Ben is on another page of the app (not in the chat) when Ana writes.
    await sendDirect(ana!.page, ben!.name, "Hi Ben 👋");
    const mine = bubble(ana!.page, "Hi Ben 👋");
    await expect(mine).toBeVisible();
    // Ben's browser is connected, so it is delivered without him opening the chat.
    await expect(mine).toHaveAttribute("data-status", "delivered");
    const row = chatRow(ben!.page, ana!.name);
    await expect(row.getByTestId("unread-badge")).toHaveText("1");

    await openChat(ben!.page, ana!.name);
    await expect(bubble(ben!.page, "Hi Ben 👋")).toBeVisible();
    await expect(mine).toHaveAttribute("data-status", "read");
    await expect(row.getByTestId("unread-badge")).toHaveCount(0);

    await send(ben!.page, "Hey Ana! <img src=x onerror=alert(1)>");
    const reply = bubble(ana!.page, "Hey Ana! <img src=x onerror=alert(1)>");
    await expect(reply).toBeVisible();
    await expect(ana!.page.locator("img[src='x']")).toHaveCount(0);

    // History survives a reload, in order.
    await ana!.page.reload();
    await expect(ana!.page.getByTestId("chat-title")).toHaveText(ben!.name);
    // The title comes with the page; the history arrives after it: wait for both messages.
    await expect(bubble(ana!.page, "Hi Ben 👋")).toBeVisible();
    await expect(bubble(ana!.page, "Hey Ana!")).toBeVisible();
    const texts = await ana!.page.getByTestId("message-bubble").allInnerTexts();
    const first = texts.findIndex((t) => t.includes("Hi Ben"));
    const second = texts.findIndex((t) => t.includes("Hey Ana!"));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
  });

  test("times and numbers are drawn with the text font, emoji with the colour emoji font", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "fonts" });
    await signInAll([ana!, ben!]);
    await sendDirect(ana!.page, ben!.name, "Meet at 10:30 #42 ☕😀");
    const mine = bubble(ana!.page, "Meet at 10:30");
    await expect(mine).toBeVisible();

    // Chromium reports which installed fonts drew each node's text.
    const page = ana!.page;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const fontsOf = async (selector: string) => {
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
      const glyphs = new Map<string, number>();
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
        for (const f of fonts) glyphs.set(f.familyName, (glyphs.get(f.familyName) ?? 0) + f.glyphCount);
      }
      return glyphs;
    };
    // For an element, Chromium counts the text of its whole subtree.
    const text = await fontsOf('[data-testid="message-text"]');
    const emojiGlyphs = text.get("Noto Color Emoji") ?? 0;
    // Exactly the two emoji; before, every digit, '#' and space of the message came from it too.
    expect(emojiGlyphs).toBe(2);
    expect([...text.values()].reduce((a, b) => a + b, 0) - emojiGlyphs).toBeGreaterThanOrEqual("Meet at 10:30 #42 ".length - 1);
    const meta = await fontsOf('[data-testid="message-meta"]');
    expect(meta.size).toBeGreaterThan(0);
    expect(meta.has("Noto Color Emoji")).toBe(false);
  });

  test("typing shows and clears; presence goes online, then offline with last seen", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "presence" });
    await signInAll([ana!, ben!]);
    await sendDirect(ana!.page, ben!.name, "are you there?");
    await openChat(ben!.page, ana!.name);

    await expect(ana!.page.getByTestId("chat-subtitle")).toHaveText("online");
    await ben!.page.getByTestId("composer-input").pressSequentially("typing something", { delay: 30 });
    await expect(ana!.page.getByTestId("chat-subtitle")).toHaveText(/typing/);
    await ben!.page.getByTestId("composer-input").fill("");
    await ben!.page.getByTestId("composer-input").blur();
    await expect(ana!.page.getByTestId("chat-subtitle")).toHaveText("online", { timeout: 8_000 });

    await ben!.context.close();
    await expect(ana!.page.getByTestId("chat-subtitle")).toHaveText(/last seen/);
  });

  test("delete for everyone disappears on the other side; delete for me only for me", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "delete" });
    await signInAll([ana!, ben!]);
    await sendDirect(ana!.page, ben!.name, "oops, wrong chat");
    await send(ana!.page, "keep this one");
    await openChat(ben!.page, ana!.name);
    await expect(bubble(ben!.page, "oops, wrong chat")).toBeVisible();

    const oops = bubble(ana!.page, "oops, wrong chat");
    // Delete asks first: Cancel (or Escape) keeps the message, for both.
    await openDeleteDialog(ana!.page, oops);
    const anaDialog = ana!.page.getByRole("dialog", { name: "Delete message?" });
    await expect(anaDialog.getByTestId("delete-for-everyone")).toBeVisible();
    await expect(anaDialog.getByTestId("delete-for-me")).toBeVisible();
    await expectNoAxeViolations(ana!.page, '[data-testid="delete-message-dialog"]');
    await anaDialog.getByTestId("delete-cancel").click();
    await expect(anaDialog).toHaveCount(0);
    await expect(oops).toBeVisible();
    await expect(oops.getByTestId("message-deleted")).toHaveCount(0);
    // Keyboard: Escape closes it without deleting, and focus goes back to the message's menu button.
    await openDeleteDialog(ana!.page, oops);
    await ana!.page.keyboard.press("Escape");
    await expect(anaDialog).toHaveCount(0);
    await expect(oops.getByTestId("message-menu-button")).toBeFocused();
    await expect(oops).toBeVisible();
    await expect(bubble(ben!.page, "oops, wrong chat")).toBeVisible();

    await openDeleteDialog(ana!.page, oops);
    await anaDialog.getByTestId("delete-for-everyone").click();
    await expect(anaDialog).toHaveCount(0);

    await expect(ben!.page.getByText("oops, wrong chat")).toHaveCount(0);
    await expect(ben!.page.getByText("This message was deleted")).toBeVisible();
    await expect(ana!.page.getByText("oops, wrong chat")).toHaveCount(0);

    // Someone else's message: only "Delete for me" (and Cancel).
    const keep = bubble(ben!.page, "keep this one");
    await openDeleteDialog(ben!.page, keep);
    const benDialog = ben!.page.getByRole("dialog", { name: "Delete message?" });
    await expect(benDialog.getByTestId("delete-for-me")).toBeVisible();
    await expect(benDialog.getByTestId("delete-for-everyone")).toHaveCount(0);
    await benDialog.getByTestId("delete-for-me").click();
    await expect(benDialog).toHaveCount(0);
    await expect(ben!.page.getByText("keep this one")).toHaveCount(0);
    await expect(bubble(ana!.page, "keep this one")).toBeVisible();

    // The last message deleted for everyone: the chat list says so, once, on both sides.
    await send(ana!.page, "never mind");
    await expect(bubble(ben!.page, "never mind")).toBeVisible();
    const last = bubble(ana!.page, "never mind");
    await openDeleteDialog(ana!.page, last);
    await ana!.page.getByTestId("delete-message-dialog").getByTestId("delete-for-everyone").click();
    const preview = (u: typeof ana, peer: typeof ana) =>
      chatRow(u!.page, peer!.name).getByTestId("row-preview");
    await expect(preview(ana, ben)).toHaveText("You deleted this message");
    await expect(preview(ben, ana)).toHaveText("This message was deleted");
  });

  test("offline: two messages sent while disconnected are delivered exactly once, in order", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "offline" });
    await signInAll([ana!, ben!]);
    await sendDirect(ana!.page, ben!.name, "before the tunnel");
    await openChat(ben!.page, ana!.name);
    await expect(bubble(ben!.page, "before the tunnel")).toBeVisible();

    await ana!.context.setOffline(true);
    await expect(ana!.page.getByTestId("connection-banner")).toBeVisible();
    await send(ana!.page, "in the tunnel 1");
    await send(ana!.page, "in the tunnel 2");
    await expect(bubble(ana!.page, "in the tunnel 2")).toHaveAttribute("data-status", "pending");
    await ana!.page.waitForTimeout(1_500);
    await ana!.context.setOffline(false);

    await expect(bubble(ben!.page, "in the tunnel 2")).toBeVisible({ timeout: 20_000 });
    await expect(ana!.page.getByTestId("connection-banner")).toHaveCount(0);
    await expect(bubble(ana!.page, "in the tunnel 2")).not.toHaveAttribute("data-status", "pending");
    // Exactly once each, in order, on both sides, also after a reload.
    for (const page of [ben!.page, ana!.page]) {
      await page.waitForTimeout(500);
      await page.reload();
      await expect(bubble(page, "in the tunnel 2")).toBeVisible();
      const texts = (await page.getByTestId("message-bubble").allInnerTexts()).filter((t) => t.includes("in the tunnel"));
      expect(texts.map((t) => (t.includes("tunnel 1") ? 1 : 2))).toEqual([1, 2]);
    }
  });
});

test.describe("groups", () => {
  test("join a public group → receive its messages; leave → stop receiving", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "group" });
    await signInAll([ana!, ben!]);
    const groupName = "Movie Lounge";
    for (const user of [ana!, ben!]) {
      await user.page.getByTestId("tab-discover").click();
      await user.page.getByTestId("group-row").filter({ hasText: groupName }).getByTestId("join-group").click();
      // Joining opens the group.
      await expect(user.page.getByTestId("chat-title")).toHaveText(groupName);
    }
    const hello = `Anyone seen Dune? ${Date.now()}`;
    await send(ana!.page, hello);
    await expect(bubble(ben!.page, hello)).toBeVisible();
    // Ben has the group open in a second tab too.
    const benTab2 = await ben!.context.newPage();
    await benTab2.goto("/");
    await openChat(benTab2, groupName);

    await ben!.page.getByTestId("chat-title").click();
    // Exit asks first, public groups too: Cancel keeps Ben in.
    await ben!.page.getByTestId("leave-group").click();
    const exit = ben!.page.getByRole("dialog", { name: `Exit “${groupName}”?` });
    await expect(exit).toBeVisible();
    await exit.getByRole("button", { name: "Cancel" }).click();
    await expect(exit).toHaveCount(0);
    await expect(ben!.page.getByTestId("composer-input")).toHaveCount(1);
    await ben!.page.getByTestId("leave-group").click();
    await ben!.page.getByTestId("confirm-exit").click();
    await expect(exit).toHaveCount(0);
    await expect(ben!.page.getByTestId("composer-input")).toHaveCount(0);
    await expect(ben!.page.getByTestId("not-member-notice")).toBeVisible();

    const after = `Still there? ${Date.now()}`;
    await send(ana!.page, after);
    await expect(bubble(ana!.page, after)).toBeVisible();
    await ben!.page.waitForTimeout(1_500);
    await expect(ben!.page.getByText(after)).toHaveCount(0);

    // Ben reads on as long as he likes, then deletes the group from his chats.
    await expect(bubble(ben!.page, hello)).toBeVisible();
    await ben!.page.getByTestId("not-member-notice").getByTestId("delete-left-chat").click();
    await ben!.page.getByTestId("confirm-delete-left").click();
    await expect(ben!.page.getByTestId("chat-title")).toHaveCount(0);
    await expect(chatRow(ben!.page, groupName)).toHaveCount(0);
    await expect(ben!.page.getByText(`Deleted “${groupName}”`)).toBeVisible();
    // His other tab lets go of it as well.
    await expect(benTab2.getByTestId("chat-title")).toHaveCount(0);
    await expect(chatRow(benTab2, groupName)).toHaveCount(0);
    // It stays in Discover, to join again.
    await ben!.page.getByTestId("tab-discover").click();
    await expect(ben!.page.getByTestId("group-row").filter({ hasText: groupName }).getByTestId("join-group")).toBeVisible();
  });
});

test.describe("drafts", () => {
  test("what I typed and did not send stays with its chat, shows as Draft in the list, and survives a reload", async ({ newUsers }) => {
    const [ana, ben, cara] = await newUsers(3, { label: "draft" });
    await signInAll([ana!, ben!, cara!]);
    await sendDirect(ben!.page, ana!.name, "are you coming?");
    await sendDirect(cara!.page, ana!.name, "hi Ana");

    const page = ana!.page;
    const composer = page.getByTestId("composer-input");
    await openChat(page, ben!.name);
    await composer.fill("Yes, leaving at 8");
    // Not shown for the chat I am in; shown once I move on.
    await expect(chatRow(page, ben!.name).getByTestId("row-draft")).toHaveCount(0);
    await openChat(page, cara!.name);
    await expect(composer).toHaveValue("");
    await expect(chatRow(page, ben!.name).getByTestId("row-draft")).toHaveText("Draft: Yes, leaving at 8");

    await page.reload();
    await expect(chatRow(page, ben!.name).getByTestId("row-draft")).toHaveText("Draft: Yes, leaving at 8");
    await openChat(page, ben!.name);
    await expect(composer).toHaveValue("Yes, leaving at 8");
    await composer.press("Enter");
    await expect(bubble(ben!.page, "Yes, leaving at 8")).toBeVisible();
    await openChat(page, cara!.name);
    await expect(chatRow(page, ben!.name)).toContainText("You: Yes, leaving at 8");
    await expect(chatRow(page, ben!.name).getByTestId("row-draft")).toHaveCount(0);
    await page.reload();
    await expect(chatRow(page, ben!.name)).toContainText("You: Yes, leaving at 8");
    await expect(chatRow(page, ben!.name).getByTestId("row-draft")).toHaveCount(0);

    // A chat opened while another's contact info is open: its own info opens and closes in place.
    await openChat(page, ben!.name);
    await page.getByTestId("chat-header-button").click();
    await expect(page.getByTestId("contact-info")).toBeVisible();
    await openChat(page, cara!.name);
    await page.getByTestId("chat-header-button").click();
    await expect(page.getByTestId("contact-info")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("contact-info")).toHaveCount(0);
    await expect(page.getByTestId("chat-title")).toHaveText(cara!.name);
  });
});

test.describe("links to a chat", () => {
  test("a chat opened from its link closes to the list, with its info open too, and Back then leaves it closed", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "link" });
    await signInAll([ana!, ben!]);
    const id = await startDirectChat(ana!.page, ben!.name);
    await send(ana!.page, "the link works");

    const page = ben!.page;
    await page.goto(`/?c=${id}`);
    await expect(page.getByTestId("chat-title")).toHaveText(ana!.name);
    await expect(bubble(page, "the link works")).toBeVisible();
    await page.getByTestId("chat-header-button").click();
    await expect(page.getByTestId("contact-info")).toBeVisible();
    await closeChatFromMenu(page);
    // Back goes to where I was before the link, not into the chat I just closed.
    await page.goBack();
    await expect(chatRow(page, ana!.name)).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("chat-title")).toHaveCount(0);
  });
});

test.describe("desktop notifications", () => {
  test("turned on in settings, they show other chats' new messages and open the chat when clicked", async ({ newUsers }) => {
    const [ana, ben, cara] = await newUsers(3, { label: "notify" });
    // Headless Chromium shows no desktop notifications: record what the page asks the browser to
    // show instead. The person says yes when asked.
    await ana!.context.addInitScript(() => {
      type Shown = { title: string; body?: string; tag?: string; onclick: (() => void) | null };
      const shown: Shown[] = [];
      class RecordingNotification {
        static permission: NotificationPermission = "default";
        static async requestPermission() {
          RecordingNotification.permission = "granted";
          return RecordingNotification.permission;
        }
        onclick: (() => void) | null = null;
        constructor(
          public title: string,
          options?: NotificationOptions,
        ) {
          shown.push(Object.assign(this, { body: options?.body, tag: options?.tag }));
        }
        close() {}
      }
      Object.assign(window, { Notification: RecordingNotification, shownNotifications: shown });
    });
    await signInAll([ana!, ben!, cara!]);
    const page = ana!.page;
    const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: { title: string; body: string }[] }).shownNotifications.map((n) => `${n.title}: ${n.body}`));

    await page.keyboard.press("Control+Alt+Comma");
    const toggle = page.getByTestId("settings-desktop-notifications");
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await page.getByTestId("profile-back").click();

    await sendDirect(cara!.page, ana!.name, "hello from Cara");
    await sendDirect(ben!.page, ana!.name, "*ping*");
    await expect.poll(shown).toEqual([`${cara!.name}: hello from Cara`, `${ben!.name}: ping`]);

    // Clicking Ben's opens his chat; what he writes there now, in view, is no notification.
    await page.evaluate((title) => {
      const all = (window as unknown as { shownNotifications: { title: string; onclick: () => void }[] }).shownNotifications;
      all.find((n) => n.title === title)!.onclick();
    }, ben!.name);
    await expect(page.getByTestId("chat-title")).toHaveText(ben!.name);
    await send(ben!.page, "in view");
    await expect(bubble(page, "in view")).toBeVisible();
    await send(cara!.page, "second from Cara");
    await expect.poll(shown).toEqual([`${cara!.name}: hello from Cara`, `${ben!.name}: ping`, `${cara!.name}: second from Cara`]);

    // Turned off: nothing more.
    await page.keyboard.press("Control+Alt+Comma");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await page.getByTestId("profile-back").click();
    await send(cara!.page, "third from Cara");
    await expect(chatRow(page, cara!.name)).toContainText("third from Cara");
    expect(await shown()).toHaveLength(3);
  });
});

test.describe("accessibility and screenshots", () => {
  test("chat screens have no axe violations at 1280 and 390 px", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "axe" });
    await signInAll([ana!, ben!]);
    await sendDirect(ana!.page, ben!.name, "Screenshots! 📸 Let's check both layouts.");
    await openChat(ben!.page, ana!.name);
    await send(ben!.page, "Looks great on my side 🎉");
    await expect(bubble(ana!.page, "Looks great on my side")).toBeVisible();

    const page = ana!.page;
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await expectNoAxeViolations(page);
      const file = testInfo.outputPath(`chat-${size.width}.png`);
      await page.screenshot({ path: file });
      await testInfo.attach(`chat-${size.width}`, { path: file, contentType: "image/png" });
    }

    // "Reduce motion" in the system's settings stops the row's slide and fade.
    await page.setViewportSize({ width: 1280, height: 800 });
    const rowMenu = page.getByRole("button", { name: `Chat options: ${ben!.name}` });
    const transition = () => rowMenu.evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(await transition()).not.toBe("0s");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(parseFloat(await transition())).toBeLessThan(0.001);
  });
});

test.describe("favourites", () => {
  test("add chats to Favourites from the list and from the chat: the filter lists them on every tab and after a reload", async ({ newUsers }) => {
    const [ana, ben, cy] = await newUsers(3, { label: "fav" });
    await signInAll([ana!, ben!, cy!]);
    const A = ana!.page;
    await sendDirect(A, ben!.name, "hi Ben");
    await sendDirect(A, cy!.name, "hi Cy");
    const A2 = await ana!.context.newPage();
    await A2.goto("/");

    // Empty at first, with a word on how to add one.
    await A.getByTestId("tab-favourites").click();
    await expect(A.getByTestId("chats-no-match")).toContainText("No favourites yet");

    // From the list's row menu, and from the open chat's menu.
    await A.getByTestId("tab-all").click();
    await chatRow(A, ben!.name).click({ button: "right" });
    await A.getByTestId("conversation-menu").getByTestId("menu-favourite").click();
    await expect(A.getByTestId("toasts")).toContainText("Added to Favourites");
    await A.getByTestId("tab-favourites").click();
    await expect(chatRow(A, ben!.name)).toBeVisible();
    await expect(chatRow(A, cy!.name)).toHaveCount(0);
    await expectNoAxeViolations(A);

    await A2.getByTestId("tab-favourites").click();
    await expect(chatRow(A2, ben!.name)).toBeVisible();
    await openChat(A2, ben!.name);
    await A2.getByTestId("chat-menu-button").click();
    await expect(A2.getByTestId("chat-favourite")).toHaveText("Remove from Favourites");
    await A2.keyboard.press("Escape");

    // Cy's chat from its own menu; Ben's out again from the list.
    await A.getByTestId("tab-all").click();
    await openChat(A, cy!.name);
    await A.getByTestId("chat-menu-button").click();
    await A.getByTestId("chat-favourite").click();
    await chatRow(A, ben!.name).click({ button: "right" });
    await expect(A.getByTestId("conversation-menu").getByTestId("menu-favourite")).toHaveText("Remove from Favourites");
    await A.getByTestId("conversation-menu").getByTestId("menu-favourite").click();
    await A.reload();
    await A.getByTestId("tab-favourites").click();
    await expect(chatRow(A, cy!.name)).toBeVisible();
    await expect(chatRow(A, ben!.name)).toHaveCount(0);
    await expect(chatRow(A2, cy!.name)).toBeVisible();
    await expect(chatRow(A2, ben!.name)).toHaveCount(0);
    // Only mine: Ben has no favourites.
    await ben!.page.getByTestId("tab-favourites").click();
    await expect(ben!.page.getByTestId("chats-no-match")).toBeVisible();
  });
});
