import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { APP_URL } from "./support/env";
import { expectNoAxeViolations, screenshot } from "./support/checks";
import { expect, test } from "./support/fixtures";
import { bubble, chatRow, closeChatFromMenu, openChat, openMessageMenu, postMessage, send, sendDirect, signInAll, startDirectChat } from "./support/chat";

// Profiles, chat settings (pin / mute / archive), blocking and message search, with two real
// users in their own browser contexts.

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<string> {
  const res = await page.request.post(`${APP_URL}/api/v1/uploads`, {
    multipart: { file: { name, mimeType, buffer } },
    headers: { origin: APP_URL },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { attachment: { id: string } }).attachment.id;
}

async function api<T>(page: Page, method: "GET" | "POST", path: string): Promise<T> {
  const res = await page.request.fetch(`${APP_URL}${path}`, { method, headers: { origin: APP_URL }, data: method === "POST" ? {} : undefined });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The list item (row + its options button). */
const rowItem = (page: Page, title: string) => page.locator("li").filter({ has: chatRow(page, title) });
/** The number on the "Unread" filter chip (none shown: 0). */
const unreadChipCount = async (page: Page) => Number((await page.getByTestId("tab-unread").textContent())?.replace(/\D/g, "") || 0);

/** Letters only: one search token that no other message contains. */
function uniqueWord(prefix: string): string {
  return prefix + [...randomBytes(4)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
}

test.describe("profile", () => {
  test("edit name, username (taken is explained) and photo; the other user sees the change live", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "profile" });
    await signInAll([ana!, ben!]);
    await sendDirect(ana!.page, ben!.name, "Hi, new profile incoming");
    await expect(chatRow(ben!.page, ana!.name)).toBeVisible();

    // From the chat list with no chat open (on a phone the open chat covers the list).
    const page = ana!.page;
    await page.goto("/");
    await page.getByTestId("profile-button").click();
    await page.getByTestId("open-profile").click();
    const drawer = page.getByTestId("profile-drawer");
    await expect(drawer).toBeVisible();
    await expect(drawer).toHaveAccessibleName("Profile and settings");
    await expect(drawer.getByTestId("profile-name-value")).toHaveText(ana!.name);

    // Username: rules first, then "taken" for Ben's, then a free one.
    const benUsername = (await api<{ profile: { username: string } }>(ben!.page, "GET", "/api/v1/me")).profile.username;
    await drawer.getByTestId("profile-username-edit").click();
    const username = drawer.getByTestId("profile-username-input");
    await username.fill("ab");
    await expect(drawer.getByTestId("profile-username-status")).toHaveText("At least 3 characters");
    await expect(drawer.getByTestId("profile-username-save")).toBeDisabled();
    await username.fill(benUsername);
    await expect(drawer.getByTestId("profile-username-status")).toHaveText("That username is taken");
    await expect(drawer.getByTestId("profile-username-save")).toBeDisabled();
    const fresh = uniqueWord("ana_");
    await username.fill(fresh.toUpperCase());
    await expect(username).toHaveValue(fresh);
    await expect(drawer.getByTestId("profile-username-status")).toHaveText(`@${fresh} is available`);
    await username.press("Enter");
    await expect(drawer.getByTestId("profile-username-value")).toHaveText(`@${fresh}`);

    // Name: saved, and Ben's chat list and open chat follow without a reload.
    const newName = `Ana Renamed ${fresh.slice(-4)}`;
    await drawer.getByTestId("profile-name-edit").click();
    await drawer.getByTestId("profile-name-input").fill(newName);
    await drawer.getByTestId("profile-name-save").click();
    await expect(drawer.getByTestId("profile-name-value")).toHaveText(newName);
    await expect(chatRow(ben!.page, newName)).toBeVisible();
    await openChat(ben!.page, newName);

    // About and phone.
    await drawer.getByTestId("profile-about-edit").click();
    await drawer.getByTestId("profile-about-input").fill("Coffee first ☕");
    await drawer.getByTestId("profile-about-input").press("Enter");
    await expect(drawer.getByTestId("profile-about-value")).toHaveText("Coffee first ☕");
    await drawer.getByTestId("profile-phone-edit").click();
    await drawer.getByTestId("profile-phone-input").fill("12");
    await expect(drawer.getByTestId("profile-phone-status")).toHaveText("Enter a valid phone number");
    await drawer.getByTestId("profile-phone-input").fill("+1 555 0100");
    await drawer.getByTestId("profile-phone-input").press("Enter");
    await expect(drawer.getByTestId("profile-phone-value")).toHaveText("+1 555 0100");

    // Photo: pick → crop (zoom with the slider) → upload; Ben sees it too.
    const picture = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#1e88e5" } })
      .composite([{ input: Buffer.from('<svg width="640" height="400"><circle cx="320" cy="200" r="120" fill="#ffca28"/></svg>') }])
      .png()
      .toBuffer();
    await page.getByTestId("avatar-file").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: picture });
    const cropper = page.getByTestId("avatar-cropper");
    await expect(cropper).toBeVisible();
    await cropper.getByTestId("crop-zoom").focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
    await cropper.getByTestId("crop-canvas").focus();
    await page.keyboard.press("ArrowLeft");
    await expectNoAxeViolations(page, '[data-testid="avatar-cropper"]');
    await screenshot(page, testInfo, "avatar-cropper");
    await cropper.getByTestId("crop-confirm").click();
    await expect(cropper).toHaveCount(0);
    await expect(page.getByTestId("profile-button").locator("img")).toHaveAttribute("src", /\/api\/v1\/attachments\//);
    await page.getByTestId("avatar-change").scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, "profile-drawer-top-1280");
    await expect(chatRow(ben!.page, newName).locator("img")).toHaveAttribute("src", /\/api\/v1\/attachments\//);

    // A group with both of them, for "groups in common".
    const benId = (await api<{ profile: { id: string } }>(ben!.page, "GET", "/api/v1/me")).profile.id;
    const hikers = uniqueWord("Hikers ");
    const made = await page.request.post(`${APP_URL}/api/v1/groups`, { headers: { origin: APP_URL }, data: { name: hikers, memberIds: [benId] } });
    expect(made.status(), await made.text()).toBe(201);

    // Ben's contact info shows the new profile.
    await ben!.page.getByTestId("chat-header-button").click();
    const info = ben!.page.getByTestId("contact-info");
    await expect(info.getByTestId("contact-name")).toHaveText(newName);
    await expect(info.getByTestId("contact-username")).toHaveText(`@${fresh}`);
    await expect(info.getByTestId("contact-about")).toHaveText("Coffee first ☕");
    await expect(info.getByTestId("contact-phone")).toHaveText("+1 555 0100");
    await expectNoAxeViolations(ben!.page, '[data-testid="contact-info"]');
    await screenshot(ben!.page, testInfo, "contact-info-1280");
    // The group they share is listed there and opens its chat.
    await expect(info.getByTestId("groups-in-common")).toContainText("1 group in common");
    await info.getByTestId("groups-in-common").scrollIntoViewIfNeeded();
    await screenshot(ben!.page, testInfo, "contact-info-groups-1280");
    // On a phone the panel covers the chat, and the group list still fits the width.
    await ben!.page.setViewportSize({ width: 390, height: 844 });
    await info.getByTestId("groups-in-common").scrollIntoViewIfNeeded();
    await expectNoAxeViolations(ben!.page, '[data-testid="contact-info"]');
    await screenshot(ben!.page, testInfo, "contact-info-groups-390");
    // A tap opens the group's chat, in place of the contact's info.
    await info.getByTestId("group-in-common").filter({ hasText: hikers }).click();
    await expect(ben!.page.getByTestId("chat-title")).toHaveText(hikers);
    await expect(info).toHaveCount(0);
    await ben!.page.setViewportSize({ width: 1280, height: 720 });

    // Settings: theme saved to the server and the cookie; sounds switch.
    await page.getByTestId("theme-options").locator("label", { hasText: "Dark" }).click();
    await expect(page.getByTestId("settings-theme-dark")).toBeChecked();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "theme")?.value).toBe("dark");
    await expect
      .poll(async () => (await api<{ profile: { settings: { theme: string } } }>(page, "GET", "/api/v1/me")).profile.settings.theme)
      .toBe("dark");
    const sounds = page.getByTestId("settings-sounds");
    await expect(sounds).toHaveAttribute("aria-checked", "true");
    await sounds.click();
    await expect(sounds).toHaveAttribute("aria-checked", "false");
    // One setting never resets another.
    await expect
      .poll(async () => (await api<{ profile: { settings: { theme: string; notificationSounds: boolean } } }>(page, "GET", "/api/v1/me")).profile.settings)
      .toEqual({ theme: "dark", notificationSounds: false, language: "en", readReceipts: true, lastSeen: "everyone", linkPreviews: true });
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.getByTestId("settings-language")).toHaveValue("en");

    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await expectNoAxeViolations(page, '[data-testid="profile-drawer"]');
      await screenshot(page, testInfo, `profile-drawer-dark-${size.width}`);
    }
    await page.getByTestId("theme-options").locator("label", { hasText: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await drawer.getByTestId("settings-section").scrollIntoViewIfNeeded();
    await expectNoAxeViolations(page, '[data-testid="profile-drawer"]');
    await screenshot(page, testInfo, "profile-settings-light-1280");

    // A reload keeps it all (and the theme comes from the server settings).
    await page.reload();
    await page.getByTestId("profile-button").click();
    await expect(page.getByTestId("me-name")).toHaveText(newName);
  });
});

test.describe("chat list settings", () => {
  test("pin (at most 3), mute and archive from the row menu; the archived folder", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "settings" });
    // Count the notification chimes (each plays two oscillator notes).
    await ana!.page.addInitScript(() => {
      const w = window as unknown as { __chimes: number };
      w.__chimes = 0;
      const Original = window.AudioContext;
      window.AudioContext = class extends Original {
        createOscillator() {
          w.__chimes++;
          return super.createOscillator();
        }
      };
    });
    const chimes = () => ana!.page.evaluate(() => (window as unknown as { __chimes: number }).__chimes);
    await signInAll([ana!, ben!]);
    await sendDirect(ana!.page, ben!.name, "pin me");
    const page = ana!.page;

    // Three public groups, joined through the API.
    const { groups } = await api<{ groups: { id: string; name: string; isMember: boolean }[] }>(page, "GET", "/api/v1/groups");
    const joined = groups.slice(0, 3);
    for (const g of joined) await api(page, "POST", `/api/v1/groups/${g.id}/join`);
    await page.reload();
    for (const g of joined) await expect(chatRow(page, g.name)).toBeVisible();

    // Pin from the hover chevron, from a right-click, and from the keyboard (Shift+F10).
    const pin = async (title: string, how: "chevron" | "right-click" | "keyboard") => {
      if (how === "chevron") {
        await rowItem(page, title).hover();
        await rowItem(page, title).getByTestId("conversation-menu-button").click();
      } else if (how === "right-click") {
        await chatRow(page, title).click({ button: "right" });
      } else {
        await chatRow(page, title).focus();
        await page.keyboard.press("Shift+F10");
      }
      await expect(page.getByTestId("conversation-menu")).toBeVisible();
      await page.getByTestId("conversation-menu").getByTestId("menu-pin").click();
    };
    await pin(ben!.name, "chevron");
    await expect(chatRow(page, ben!.name).getByTestId("pinned-icon")).toBeVisible();
    await pin(joined[0]!.name, "right-click");
    await pin(joined[1]!.name, "keyboard");
    await expect(chatRow(page, joined[1]!.name).getByTestId("pinned-icon")).toBeVisible();
    await rowItem(page, joined[2]!.name).hover();
    await rowItem(page, joined[2]!.name).getByTestId("conversation-menu-button").click();
    await expect(page.getByTestId("conversation-menu")).toBeVisible();
    await expectNoAxeViolations(page, '[data-testid="conversation-menu"]');
    await screenshot(page, testInfo, "row-menu-1280");
    await page.getByTestId("conversation-menu").getByTestId("menu-pin").click();
    await expect(page.getByTestId("toasts")).toContainText("You can only pin 3 chats");
    await expect(chatRow(page, joined[2]!.name).getByTestId("pinned-icon")).toHaveCount(0);
    // Pinned chats are on top, the unpinned one last.
    const titles = await page.getByTestId("conversation-title").allInnerTexts();
    expect(titles.slice(0, 3).sort()).toEqual([ben!.name, joined[0]!.name, joined[1]!.name].sort());
    expect(titles[3]).toBe(joined[2]!.name);

    // Mute Ben: a muted icon, and his message still counts as unread.
    await rowItem(page, ben!.name).hover();
    await rowItem(page, ben!.name).getByTestId("conversation-menu-button").click();
    await page.getByTestId("menu-mute").click();
    // How long: 8 hours is preselected, as in WhatsApp; this one is for a week.
    const muteDialog = page.getByTestId("mute-dialog");
    await expect(muteDialog.getByTestId("mute-for-8h")).toBeChecked();
    await muteDialog.getByTestId("mute-for-1w").check();
    await expectNoAxeViolations(page, '[data-testid="mute-dialog"]');
    await muteDialog.getByTestId("mute-confirm").click();
    await expect(muteDialog).toHaveCount(0);
    await expect(chatRow(page, ben!.name).getByTestId("muted-icon")).toBeVisible();
    await chatRow(page, joined[2]!.name).click();
    await openChat(ben!.page, ana!.name);
    await send(ben!.page, "are you muting me?");
    await expect(chatRow(page, ben!.name).getByTestId("unread-badge")).toHaveText("1");
    await page.waitForTimeout(500);
    expect(await chimes()).toBe(0); // muted: no sound

    // The group's info has the gallery too (empty here).
    await page.getByTestId("chat-header-button").click();
    await page.getByTestId("info-panel").getByTestId("media-links-docs").click();
    await expect(page.getByTestId("media-gallery").getByTestId("gallery-empty")).toHaveText("No photos or videos yet");
    await page.getByTestId("media-gallery-back").click();
    await expect(page.getByTestId("media-gallery")).toHaveCount(0);
    await expect(page.getByTestId("media-links-docs")).toBeFocused();
    await page.getByTestId("close-info").click();
    await expectNoAxeViolations(page, "nav");
    await screenshot(page, testInfo, "chat-list-pinned-muted-1280");

    // Archive: gone from the list (and unpinned), inside the Archived folder, then back. Its
    // unread message leaves the Unread chip's count with it, as the row leaves that filter.
    const unreadBefore = await unreadChipCount(page);
    await chatRow(page, ben!.name).click({ button: "right" });
    await page.getByTestId("menu-archive").click();
    await expect(chatRow(page, ben!.name)).toHaveCount(0);
    await expect.poll(() => unreadChipCount(page)).toBe(unreadBefore - 1);
    const entry = page.getByTestId("archived-entry");
    await expect(entry).toBeVisible();
    await expect(entry.getByTestId("archived-count")).toContainText("1");
    await entry.click();
    const folder = page.getByTestId("archived-panel");
    await expect(folder).toBeVisible();
    await expect(chatRow(page, ben!.name)).toBeVisible();
    await expect(chatRow(page, ben!.name).getByTestId("pinned-icon")).toHaveCount(0);
    await expectNoAxeViolations(page, '[data-testid="archived-panel"]');
    await screenshot(page, testInfo, "archived-folder-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await page.getByTestId("archived-entry").click();
    await expect(folder).toBeVisible();
    await screenshot(page, testInfo, "archived-folder-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await rowItem(page, ben!.name).hover();
    await rowItem(page, ben!.name).getByTestId("conversation-menu-button").click();
    await page.getByTestId("menu-archive").click();
    await expect(folder.getByTestId("archived-empty")).toBeVisible();
    await folder.getByTestId("archived-back").click();
    await expect(chatRow(page, ben!.name)).toBeVisible();
    await expect(page.getByTestId("archived-entry")).toHaveCount(0);

    // Archive again and Undo from the toast: back in the list, on the server too.
    // The pointer on the toast holds it while it is checked.
    await chatRow(page, ben!.name).click({ button: "right" });
    await page.getByTestId("menu-archive").click();
    await expect(chatRow(page, ben!.name)).toHaveCount(0);
    const archivedToast = page.getByTestId("toast").filter({ hasText: "Chat archived" });
    await archivedToast.hover();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, '[data-testid="toasts"]');
      await screenshot(page, testInfo, `toast-undo-${colorScheme}-1280`);
    }
    await page.emulateMedia({ colorScheme: "light" });
    // One Undo: the folder's "Chat unarchived" one went stale when the chat was archived again.
    await expect(page.getByTestId("toasts").getByRole("button")).toHaveCount(1);
    // Tab reaches it (it ends the main pane), and focus goes back where it came from.
    const starred = page.getByTestId("welcome-starred");
    await starred.focus();
    await page.keyboard.press("Tab");
    await expect(archivedToast.getByRole("button", { name: "Undo" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(archivedToast).toHaveCount(0);
    await expect(starred).toBeFocused();
    await expect(chatRow(page, ben!.name)).toBeVisible();
    // Undoing is not itself undoable: no bouncing the chat back and forth.
    const unarchivedToast = page.getByTestId("toast").filter({ hasText: "Chat unarchived" }).last();
    await expect(unarchivedToast).toBeVisible();
    await expect(unarchivedToast.getByRole("button")).toHaveCount(0);
    await page.reload();
    await expect(chatRow(page, ben!.name)).toBeVisible();
    await expect(page.getByTestId("archived-entry")).toHaveCount(0);

    // Mark as read without opening it; then mark as unread: a dot, counted by the Unread filter;
    // opening the chat takes it away.
    await expect(chatRow(page, ben!.name).getByTestId("unread-badge")).toBeVisible();
    await chatRow(page, ben!.name).click({ button: "right" });
    await expect(page.getByTestId("menu-unread")).toHaveText("Mark as read");
    await page.getByTestId("menu-unread").click();
    await expect(chatRow(page, ben!.name).getByTestId("unread-badge")).toHaveCount(0);
    await chatRow(page, ben!.name).click({ button: "right" });
    await expect(page.getByTestId("menu-unread")).toHaveText("Mark as unread");
    await page.getByTestId("menu-unread").click();
    await expect(chatRow(page, ben!.name).getByTestId("marked-unread-badge")).toBeVisible();
    await page.getByTestId("tab-unread").click();
    await expect(chatRow(page, ben!.name)).toBeVisible();
    await expect(chatRow(page, joined[0]!.name)).toHaveCount(0);
    // The chip counts the unread rows it lists, the marked one too.
    const unreadRows = page.getByTestId("conversation-row").filter({ has: page.locator('[data-testid="unread-badge"], [data-testid="marked-unread-badge"]') });
    await expect.poll(() => unreadChipCount(page)).toBe(await unreadRows.count());
    expect(await unreadRows.count()).toBeGreaterThan(0);
    await page.getByTestId("tab-all").click();
    await chatRow(page, ben!.name).click();
    await chatRow(page, joined[0]!.name).click();
    await expect(chatRow(page, ben!.name).getByTestId("marked-unread-badge")).toHaveCount(0);
    await page.reload();
    await expect(chatRow(page, joined[0]!.name)).toBeVisible();
    await expect(chatRow(page, ben!.name).getByTestId("marked-unread-badge")).toHaveCount(0);

    // Unmuted, a message in a chat I'm not looking at plays the sound.
    await chatRow(page, ben!.name).click({ button: "right" });
    await page.getByTestId("menu-mute").click();
    await expect(chatRow(page, ben!.name).getByTestId("muted-icon")).toHaveCount(0);
    await send(ben!.page, "ding?");
    await expect(chatRow(page, ben!.name)).toContainText("ding?");
    await expect.poll(chimes).toBeGreaterThanOrEqual(2);
  });
});

test.describe("blocking", () => {
  test("block → the blocked person's message stays at one tick, their reaction, edit, pin and timer theirs alone, none reaches me, my presence, photo and about go; unblock → all come back", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "block" });
    await signInAll([ana!, ben!]);
    // Ana has a photo and an about.
    const photo = await sharp({ create: { width: 256, height: 256, channels: 3, background: "#e53935" } }).png().toBuffer();
    const uploaded = await ana!.page.request.post(`${APP_URL}/api/v1/uploads?purpose=avatar`, {
      headers: { origin: APP_URL },
      multipart: { file: { name: "ana.png", mimeType: "image/png", buffer: photo } },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    const avatarAttachmentId = ((await uploaded.json()) as { attachment: { id: string } }).attachment.id;
    const profiled = await ana!.page.request.patch(`${APP_URL}/api/v1/me`, { headers: { origin: APP_URL }, data: { avatarAttachmentId, bio: "Ana's about" } });
    expect(profiled.status(), await profiled.text()).toBe(200);
    await sendDirect(ana!.page, ben!.name, "hello before the block");
    await openChat(ben!.page, ana!.name);
    await expect(bubble(ben!.page, "hello before the block")).toBeVisible();
    await expect(ben!.page.getByTestId("chat-subtitle")).toHaveText("online");
    const anasPhotoForBen = chatRow(ben!.page, ana!.name).locator("img");
    await expect(anasPhotoForBen).toHaveAttribute("src", /\/api\/v1\/attachments\//);
    await send(ben!.page, "see you at 6");
    await expect(bubble(ana!.page, "see you at 6")).toBeVisible();

    // Ana blocks Ben from his contact info (with a confirmation).
    const page = ana!.page;
    await page.getByTestId("chat-header-button").click();
    const info = page.getByTestId("contact-info");
    await info.getByTestId("block-contact").click();
    const confirm = page.getByTestId("block-confirm");
    await expect(confirm).toBeVisible();
    await expectNoAxeViolations(page, '[data-testid="block-confirm"]');
    await confirm.getByTestId("block-confirm-button").click();
    await expect(info.getByTestId("unblock-contact")).toBeVisible();
    await expect(page.getByTestId("blocked-notice")).toBeVisible();
    await expect(page.getByTestId("composer-input")).toHaveCount(0);
    await screenshot(page, testInfo, "blocked-contact-1280");

    // As in WhatsApp, Ben is not told: his message is sent and stays at one grey tick, and Ana
    // never gets it, not even after a reload.
    await send(ben!.page, "can you hear me?");
    await expect(bubble(ben!.page, "can you hear me?")).toHaveAttribute("data-status", "sent");
    await expect(ben!.page.getByTestId("composer-input")).toBeVisible();
    // His reaction looks done to him too, and never shows for her.
    const hello = bubble(ben!.page, "hello before the block");
    const helloId = await hello.getAttribute("data-message-id");
    const reactionsOnHello = (p: Page) => p.locator(`[data-reactions-for="${helloId}"]`).getByTestId("reaction-chip");
    await (await openMessageMenu(ben!.page, hello)).getByTestId("quick-reaction").filter({ hasText: "❤️" }).click();
    await expect(reactionsOnHello(ben!.page)).toHaveAttribute("data-emoji", "❤️");
    // So does his edit of a message she has: she keeps what she got.
    await (await openMessageMenu(ben!.page, bubble(ben!.page, "see you at 6"))).getByTestId("edit-message").click();
    await ben!.page.getByTestId("composer-input").fill("see you at 7");
    await ben!.page.getByTestId("composer-input").press("Enter");
    await expect(bubble(ben!.page, "see you at 7").getByTestId("edited-label")).toBeVisible();
    await expect(ben!.page.getByTestId("toast")).toHaveCount(0);
    // And his pin.
    await (await openMessageMenu(ben!.page, bubble(ben!.page, "see you at 7"))).getByTestId("pin-message").click();
    await ben!.page.getByTestId("pin-dialog").getByTestId("pin-confirm").click();
    await expect(ben!.page.getByTestId("pinned-banner-text")).toContainText("You: see you at 7");
    // And his timer for disappearing messages.
    await ben!.page.getByTestId("chat-header-button").click();
    await ben!.page.getByTestId("message-timer-row").click();
    await ben!.page.getByTestId(`message-timer-${24 * 3600}`).check();
    await ben!.page.getByTestId("message-timer-save").click();
    await expect(ben!.page.getByTestId("message-timer-badge")).toHaveAttribute("aria-label", "Disappearing messages: 24 hours");
    await page.reload();
    await expect(bubble(page, "hello before the block")).toBeVisible();
    await expect(bubble(page, "can you hear me?")).toHaveCount(0);
    await expect(reactionsOnHello(page)).toHaveCount(0);
    await expect(bubble(page, "see you at 6").getByTestId("edited-label")).toHaveCount(0);
    await expect(bubble(page, "see you at 7")).toHaveCount(0);
    await expect(page.getByTestId("pinned-banner-text")).toHaveCount(0);
    await expect(page.getByTestId("message-timer-badge")).toHaveCount(0);
    await expect(page.getByTestId("system-message")).toHaveCount(0);
    await expect(page.getByTestId("conversation-row").filter({ hasText: ben!.name })).toContainText("see you at 6");
    // Nor does he see her online any more, nor her photo (her initials show) or about; after the
    // unblock, he does again.
    await expect(ben!.page.getByTestId("chat-subtitle")).toHaveText(/^@/);
    await expect(anasPhotoForBen).toHaveCount(0);
    // (Her info, still open from his timer, was opened after the block.)
    await expect(ben!.page.getByTestId("contact-info").getByTestId("contact-about")).not.toContainText("Ana's about");
    await ben!.page.getByTestId("close-info").click();

    // Ana unblocks from Settings → Blocked contacts (the reload closed Ben's info).
    await page.getByTestId("profile-button").click();
    await page.getByTestId("open-settings").click();
    const blocked = page.getByTestId("blocked-contacts");
    await expect(blocked.getByTestId("blocked-row")).toHaveCount(1);
    await expect(blocked.getByTestId("blocked-row")).toContainText(ben!.name);
    await expectNoAxeViolations(page, '[data-testid="profile-drawer"]');
    await blocked.getByTestId("unblock-button").click();
    await expect(blocked.getByTestId("blocked-row")).toHaveCount(0);
    await expect(page.getByTestId("blocked-notice")).toHaveCount(0);
    await expect(page.getByTestId("composer-input")).toBeVisible();
    await expect(ben!.page.getByTestId("chat-subtitle")).toHaveText("online");
    await expect(anasPhotoForBen).toHaveAttribute("src", /\/api\/v1\/attachments\//);
    // His timer was his alone while blocked: now he shares the chat's again.
    await expect(ben!.page.getByTestId("message-timer-badge")).toHaveCount(0);

    await send(ben!.page, "and now?");
    await expect(bubble(page, "and now?")).toBeVisible();
    await expect(bubble(ben!.page, "and now?")).toHaveAttribute("data-status", "read");
    await expect(bubble(ben!.page, "can you hear me?")).toHaveAttribute("data-status", "sent");
    await expect(bubble(page, "can you hear me?")).toHaveCount(0);
    await expect(reactionsOnHello(page)).toHaveCount(0);
    await expect(bubble(page, "see you at 6")).toBeVisible();
    await ben!.page.reload();
    await expect(reactionsOnHello(ben!.page)).toHaveAttribute("data-emoji", "❤️");
    await expect(bubble(ben!.page, "see you at 7")).toBeVisible();
    await send(page, "loud and clear");
    await expect(bubble(ben!.page, "loud and clear")).toBeVisible();
  });
});

test.describe("search", () => {
  test("global and in-chat search find messages and open them in context, also from an older page", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "search" });
    await signInAll([ana!, ben!]);
    const conversationId = await startDirectChat(ana!.page, ben!.name);
    const word = uniqueWord("zebra");
    const recent = uniqueWord("okapi");
    await send(ana!.page, `The ${word} crossed the road at noon`);
    await expect(bubble(ana!.page, word)).toHaveAttribute("data-status", /sent|delivered|read/);
    // 60+ newer messages push it out of the latest page.
    for (let i = 1; i <= 62; i++) {
      await postMessage(ana!.page, conversationId, `filler message ${i} https://example.com/page/${i} ${i === 40 ? recent : ""}`.trim());
    }
    // A photo and a document for the gallery.
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#43a047" } }).png().toBuffer();
    await postMessage(ana!.page, conversationId, "a photo", [await upload(ana!.page, "field.png", "image/png", photo)]);
    await postMessage(ana!.page, conversationId, "", [await upload(ana!.page, "notes.txt", "text/plain", Buffer.from("meeting notes\n"))]);

    // Ben, on a fresh page: the sidebar search finds the old message by a word in it.
    const page = ben!.page;
    await page.reload();
    await expect(chatRow(page, ana!.name)).toBeVisible();
    await page.getByTestId("chat-search").fill(word.slice(0, 1));
    await expect(page.getByTestId("message-search-results")).toHaveCount(0);
    await page.getByTestId("chat-search").fill(word);
    const hit = page.getByTestId("message-search-hit").first();
    await expect(hit).toBeVisible();
    await expect(hit.locator("mark")).toHaveText(word);
    await expect(hit.getByTestId("search-hit-chat")).toHaveText(ana!.name);
    await expect(hit).toContainText(`${word} crossed the road`);
    await expectNoAxeViolations(page, "nav");
    await screenshot(page, testInfo, "search-results-1280");

    await hit.click();
    await expect(page.getByTestId("chat-title")).toHaveText(ana!.name);
    const target = page.locator('[data-highlighted="true"]');
    await expect(target).toContainText(`The ${word} crossed the road`);
    await expect(bubble(page, `The ${word} crossed`)).toBeInViewport();
    await screenshot(page, testInfo, "search-opened-1280");
    // The newer messages are there too, in order, down to the latest.
    await expect(page.getByTestId("message-bubble").filter({ hasText: "filler message 1" }).first()).toBeAttached();

    // In-chat search (Ana's side): the header's search button, scoped to this chat.
    const a = ana!.page;
    await a.getByTestId("chat-search-button").click();
    const panel = a.getByTestId("chat-search-panel");
    await expect(panel).toBeVisible();
    await panel.getByTestId("chat-search-input").fill(recent);
    const inChat = panel.getByTestId("message-search-hit");
    await expect(inChat).toHaveCount(1);
    await expect(inChat.locator("mark")).toHaveText(recent);
    await expectNoAxeViolations(a, '[data-testid="chat-search-panel"]');
    await screenshot(a, testInfo, "chat-search-1280");
    await a.getByTestId("message-list").evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await inChat.click();
    await expect(a.locator('[data-highlighted="true"]')).toContainText(`filler message 40 https://example.com/page/40 ${recent}`);

    // The gallery: Media, Docs and Links (60 per page, more on request); "Show in chat" jumps.
    await a.getByTestId("close-chat-search").click();
    await a.getByTestId("chat-header-button").click();
    await a.getByTestId("media-links-docs").click();
    const gallery = a.getByTestId("media-gallery");
    await expect(gallery.getByTestId("gallery-media")).toHaveCount(1);
    await expect(gallery.getByTestId("gallery-media").locator("img")).toHaveJSProperty("complete", true);
    await expectNoAxeViolations(a, '[data-testid="media-gallery"]');
    await screenshot(a, testInfo, "gallery-media-1280");
    await gallery.getByTestId("gallery-tab-files").click();
    await expect(gallery.getByTestId("gallery-doc")).toHaveCount(1);
    await expect(gallery.getByTestId("gallery-doc")).toContainText("notes.txt");
    await gallery.getByTestId("gallery-tab-links").click();
    await expect(gallery.getByTestId("gallery-link")).toHaveCount(60);
    await gallery.getByTestId("gallery-more").click();
    await expect(gallery.getByTestId("gallery-link")).toHaveCount(62);
    await expect(gallery.getByTestId("gallery-more")).toHaveCount(0);
    await expectNoAxeViolations(a, '[data-testid="media-gallery"]');
    await screenshot(a, testInfo, "gallery-links-1280");
    await gallery.getByTestId("gallery-link").filter({ hasText: /\/page\/5(?!\d)/ }).first().getByRole("button", { name: "Show in chat" }).click();
    await expect(a.locator('[data-highlighted="true"]')).toContainText("filler message 5 ");

    // Phone width: search results, then the in-chat panel over the chat.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("back-button").click();
    await page.getByTestId("chat-search").fill(word);
    await expect(page.getByTestId("message-search-hit").first()).toBeVisible();
    await expectNoAxeViolations(page, "nav");
    await screenshot(page, testInfo, "search-results-390");
    await page.getByTestId("message-search-hit").first().click();
    await expect(page.locator('[data-highlighted="true"]')).toContainText(word);
    await screenshot(page, testInfo, "search-opened-390");
    await page.getByTestId("chat-search-button").click();
    await page.getByTestId("chat-search-input").fill("filler");
    await expect(page.getByTestId("chat-search-panel").getByTestId("message-search-hit").first()).toBeVisible();
    await screenshot(page, testInfo, "chat-search-390");
    // Back takes off what covers the chat, one panel at a time, and only then leaves the chat.
    await page.goBack();
    await expect(page.getByTestId("chat-search-panel")).toHaveCount(0);
    await expect(page.getByTestId("chat-title")).toHaveText(ana!.name);
    await page.getByTestId("chat-header-button").click();
    await expect(page.getByTestId("contact-info")).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId("contact-info")).toHaveCount(0);
    await expect(page.getByTestId("chat-title")).toHaveText(ana!.name);
    await page.goBack();
    await expect(page.getByTestId("chat-title")).toHaveCount(0);
    // Back where the chat was opened from: the search results.
    await expect(page.getByTestId("chat-search")).toHaveValue(word);
    await expect(page.getByTestId("message-search-hit").first()).toBeVisible();
    // On a wide screen, "Close chat" with the contact info open leaves the chat for good.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId("message-search-hit").first().click();
    await page.getByTestId("chat-header-button").click();
    await expect(page.getByTestId("contact-info")).toBeVisible();
    await closeChatFromMenu(page);
  });
});
