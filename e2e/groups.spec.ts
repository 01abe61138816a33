import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { signInLocally, type Person } from "./support/auth";
import { APP_URL } from "./support/env";
import { expectNoAxeViolations, screenshot } from "./support/checks";
import { expect, test } from "./support/fixtures";
import { bubble, chatRow, createPrivateGroup, openChat, openMessageMenu, send, signInAll } from "./support/chat";

// Groups, live: public groups run by a site admin (Discover, rename, removal, archive, delete
// reach members without a reload), private groups run by their owner (create, add, remove,
// system messages, delivery stops on removal) and invite links (/join/<code>).
//
// The E2E server makes admin@example.com a site admin (ADMIN_EMAILS in e2e/support/start-app.ts).
// Other spec files sign in with that email too, and the first sign-in fixes the name, so the
// admin's name isn't checked here.

const ADMIN: Person = { name: "Ada Admin", email: "admin@example.com" };
const mutate = { origin: APP_URL };

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;
const systemMessage = (page: Page, text: string) => page.getByTestId("system-message").filter({ hasText: text });

async function signInAdmin(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page).toHaveURL(`${APP_URL}/`);
}

async function myId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/me");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { profile: { id: string } }).profile.id;
}

async function createPublicGroup(admin: Page, name: string): Promise<string> {
  const res = await admin.request.post("/api/v1/admin/groups", {
    data: { name, icon: "🛰️", iconBg: "#0f8b8d", about: "Made by the groups E2E", autoJoin: false },
    headers: mutate,
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { group: { id: string } }).group.id;
}

async function openMemberMenu(page: Page, row: Locator): Promise<void> {
  await row.getByTestId("member-menu-button").click();
  await expect(page.getByTestId("member-menu")).toBeVisible();
}

async function openInfo(page: Page): Promise<void> {
  if (await page.getByTestId("info-panel").isVisible()) return;
  await page.getByTestId("chat-header-button").click();
  await expect(page.getByTestId("info-panel")).toBeVisible();
}

test.describe("public groups, live", () => {
  test("a new public group appears in Discover without a reload; rename and removal reach the member at once", async ({ newUsers }) => {
    const [admin] = await newUsers(1, { people: [ADMIN] });
    const [user] = await newUsers(1, { label: "discover" });
    await signInAdmin(admin!.page);
    await signInLocally(user!.page, user!);
    const page = user!.page;
    await page.getByTestId("tab-discover").click();

    const name = unique("E2E Live Lounge");
    const id = await createPublicGroup(admin!.page, name);
    try {
      const row = page.getByTestId("group-row").filter({ hasText: name });
      await expect(row).toBeVisible(); // groups:changed → refetch, no reload
      await expect(row).toContainText("0 members");
      // Someone joins (not broadcast to everyone): the count follows when the tab is looked at again.
      const joined = await admin!.page.request.post(`/api/v1/groups/${id}/join`, { headers: mutate });
      expect(joined.status(), await joined.text()).toBe(200);
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      await expect(row).toContainText("1 member");
      await row.getByTestId("join-group").click();
      await expect(page.getByTestId("chat-title")).toHaveText(name);
      await send(page, "hello lounge");
      await expect(bubble(page, "hello lounge")).toBeVisible();

      // The header's online count follows newcomers and departures live (the admin is online).
      const subtitle = page.getByTestId("chat-subtitle");
      await expect(subtitle).toHaveText("2 members, 1 online");
      const [newcomer] = await newUsers(1, { label: "newcomer" });
      await signInLocally(newcomer!.page, newcomer!);
      const came = await newcomer!.page.request.post(`/api/v1/groups/${id}/join`, { headers: mutate });
      expect(came.status(), await came.text()).toBe(200);
      await expect(subtitle).toHaveText("3 members, 2 online");
      await newcomer!.context.close();
      await expect(subtitle).toHaveText("3 members, 1 online");

      // The admin renames it: the open chat's header, the list and Discover follow.
      const renamed = `${name} (renamed)`;
      const patch = await admin!.page.request.patch(`/api/v1/groups/${id}`, { data: { name: renamed }, headers: mutate });
      expect(patch.status(), await patch.text()).toBe(200);
      await expect(page.getByTestId("chat-title")).toHaveText(renamed);
      await expect(page.getByTestId("group-row").filter({ hasText: renamed })).toBeVisible();
      await page.getByTestId("tab-all").click();
      await expect(chatRow(page, renamed)).toHaveCount(1);

      // The admin removes them: the composer goes at once, the history stays.
      const userId = await myId(page);
      const removed = await admin!.page.request.delete(`/api/v1/groups/${id}/members/${userId}`, { headers: mutate });
      expect(removed.status(), await removed.text()).toBe(200);
      await expect(page.getByTestId("composer-input")).toHaveCount(0);
      await expect(page.getByTestId("not-member-notice")).toBeVisible();
      await expect(bubble(page, "hello lounge")).toBeVisible();
    } finally {
      await admin!.page.request.delete(`/api/v1/admin/groups/${id}`, { data: { confirmName: `${name} (renamed)` }, headers: mutate });
    }
  });

  test("archiving makes the group read-only live; deleting closes it with a notice", async ({ newUsers }) => {
    const [admin] = await newUsers(1, { people: [ADMIN] });
    const [user] = await newUsers(1, { label: "archive" });
    await signInAdmin(admin!.page);
    await signInLocally(user!.page, user!);
    const page = user!.page;
    const name = unique("E2E Archive Club");
    const id = await createPublicGroup(admin!.page, name);

    await page.getByTestId("tab-discover").click();
    await page.getByTestId("group-row").filter({ hasText: name }).getByTestId("join-group").click();
    await expect(page.getByTestId("chat-title")).toHaveText(name);
    await expect(page.getByTestId("composer-input")).toBeVisible();

    const archived = await admin!.page.request.patch(`/api/v1/admin/groups/${id}`, { data: { archived: true }, headers: mutate });
    expect(archived.status(), await archived.text()).toBe(200);
    await expect(page.getByTestId("archived-notice")).toContainText("This group is archived");
    await expect(page.getByTestId("composer-input")).toHaveCount(0);
    await expect(page.getByTestId("group-row").filter({ hasText: name })).toHaveCount(0); // gone from Discover

    // Still read-only after a reload: the chat list itself says the group is archived.
    await page.reload();
    await page.getByTestId("tab-all").click();
    await chatRow(page, name).click();
    await expect(page.getByTestId("archived-notice")).toContainText("This group is archived");
    await expect(page.getByTestId("composer-input")).toHaveCount(0);

    const deleted = await admin!.page.request.delete(`/api/v1/admin/groups/${id}`, { data: { confirmName: name }, headers: mutate });
    expect(deleted.status(), await deleted.text()).toBe(200);
    await expect(page.getByTestId("chat-pane")).toHaveCount(0);
    await expect(page.getByTestId("toasts")).toContainText(`“${name}” was deleted`);
    await page.getByTestId("tab-all").click();
    await expect(chatRow(page, name)).toHaveCount(0);
  });
});

test.describe("private groups", () => {
  test("create with two people, add a fourth, remove one: system messages once each; the removed member stops receiving", async ({ newUsers }) => {
    const [ana, ben, cid, dan] = await newUsers(4, { label: "team" });
    await signInAll([ana!, ben!, cid!, dan!]);
    const name = unique("Weekend trip");

    await createPrivateGroup(ana!.page, name, [ben!, cid!]);
    const a = ana!.page;
    await expect(systemMessage(a, `You created group “${name}”`)).toHaveCount(1);
    await expect(systemMessage(a, `You added ${ben!.name}`)).toHaveCount(1);
    await expect(systemMessage(a, `You added ${cid!.name}`)).toHaveCount(1);

    // Ben and Cid get the group in their lists live, worded for them.
    for (const member of [ben!, cid!]) {
      await openChat(member.page, name);
      await expect(systemMessage(member.page, `${ana!.name} added you`)).toHaveCount(1);
    }

    // The owner sees the members with roles and adds Dan.
    await openInfo(a);
    const owner = a.getByTestId("member-row").filter({ hasText: "You" });
    await expect(owner.getByTestId("role-badge")).toHaveText("Owner");
    await expect(a.getByTestId("member-row")).toHaveCount(3);
    await a.getByTestId("add-members").click();
    const dialog = a.getByTestId("add-members-dialog");
    await expect(a.getByTestId("member-search-input")).toBeFocused();
    await a.getByTestId("member-search-input").fill(ben!.name);
    await expect(dialog.getByTestId("member-result").filter({ hasText: ben!.name })).toContainText("Already in the group");
    await a.getByTestId("member-search-input").fill(dan!.name);
    await dialog.getByTestId("member-result").filter({ hasText: dan!.name }).click();
    await a.getByTestId("confirm-add-members").click();
    await expect(dialog).toHaveCount(0);
    await expect(a.getByTestId("member-row")).toHaveCount(4);
    await expect(systemMessage(a, `You added ${dan!.name}`)).toHaveCount(1);
    await openChat(dan!.page, name);
    await expect(systemMessage(dan!.page, `${ana!.name} added you`)).toHaveCount(1);
    await expect(systemMessage(ben!.page, `${ana!.name} added ${dan!.name}`)).toHaveCount(1);

    // Make Ben an admin: his badge changes live on his side too.
    const benRow = a.getByTestId("member-row").filter({ hasText: ben!.name });
    await openMemberMenu(a, benRow);
    await expect(a.getByTestId("member-menu").getByRole("menuitem")).toHaveText(["Message " + ben!.name.split(" ")[0], "Make group admin", "Remove", "Remove and ban"]);
    await a.getByTestId("member-action-make-admin").click();
    await expect(benRow.getByTestId("role-badge")).toHaveText("Admin");
    await expect(systemMessage(ben!.page, `${ana!.name} made you an admin`)).toHaveCount(1);

    // Remove Cid.
    const cidRow = a.getByTestId("member-row").filter({ hasText: cid!.name });
    await openMemberMenu(a, cidRow);
    await a.getByTestId("member-action-remove").click();
    await a.getByTestId("confirm-remove").click();
    await expect(cidRow).toHaveCount(0);
    await expect(systemMessage(a, `You removed ${cid!.name}`)).toHaveCount(1);
    // The chat list previews the event too, in each reader's words.
    await expect(chatRow(a, name)).toContainText(`You removed ${cid!.name}`);
    await expect(chatRow(ben!.page, name)).toContainText(`${ana!.name} removed ${cid!.name}`);
    // Cid: composer gone at once, told why.
    await expect(cid!.page.getByTestId("composer-input")).toHaveCount(0);
    await expect(cid!.page.getByTestId("not-member-notice")).toBeVisible();
    await expect(systemMessage(cid!.page, `${ana!.name} removed you`)).toHaveCount(1);

    // Delivery stops for Cid only.
    const after = `Only for the three of us ${Date.now()}`;
    await send(a, after);
    await expect(bubble(ben!.page, after)).toBeVisible();
    await expect(bubble(dan!.page, after)).toBeVisible();
    await cid!.page.waitForTimeout(1_500);
    await expect(cid!.page.getByText(after)).toHaveCount(0);

    // Each event once, also after a reload.
    await a.reload();
    await expect(a.getByTestId("chat-title")).toHaveText(name);
    for (const text of [`You created group “${name}”`, `You added ${ben!.name}`, `You added ${cid!.name}`, `You added ${dan!.name}`, `You removed ${cid!.name}`]) {
      await expect(systemMessage(a, text)).toHaveCount(1);
    }
  });

  test("rename inline: everyone's header follows, with a system message", async ({ newUsers }) => {
    const [ana, ben] = await newUsers(2, { label: "rename" });
    await signInAll([ana!, ben!]);
    const name = unique("Book club");
    await createPrivateGroup(ana!.page, name, [ben!]);
    await openChat(ben!.page, name);

    const a = ana!.page;
    await openInfo(a);
    await a.getByTestId("edit-group-name").click();
    const renamed = `${name} II`;
    await a.getByTestId("group-name-input").fill(renamed);
    await a.getByTestId("group-name-input").press("Enter");
    await expect(a.getByTestId("group-name")).toHaveText(renamed);
    await expect(a.getByTestId("chat-title")).toHaveText(renamed);
    await expect(ben!.page.getByTestId("chat-title")).toHaveText(renamed);
    await expect(systemMessage(ben!.page, `${ana!.name} changed the group name to “${renamed}”`)).toHaveCount(1);
    await expect(systemMessage(a, `You changed the group name to “${renamed}”`)).toHaveCount(1);

    // A plain member sees no edit controls and no member menus beyond "Message".
    await openInfo(ben!.page);
    await expect(ben!.page.getByTestId("edit-group-name")).toHaveCount(0);
    await expect(ben!.page.getByTestId("add-members")).toHaveCount(0);
    await expect(ben!.page.getByTestId("invite-links")).toHaveCount(0);
  });

  test("only admins send: members get a notice instead of the box, live, and can still react; turned off, they write again", async ({ newUsers }, testInfo) => {
    const [ana, ben] = await newUsers(2, { label: "announce" });
    await signInAll([ana!, ben!]);
    const name = unique("Announcements");
    await createPrivateGroup(ana!.page, name, [ben!]);
    const [a, b] = [ana!.page, ben!.page];
    await openChat(b, name);
    await expect(b.getByTestId("composer-input")).toBeVisible();
    await send(b, "hi all");

    // The chat's summary, read as Group info opens, is answered only after Ana's change is stored:
    // that older copy must not flip the switch back.
    const summaryUrl = /\/api\/v1\/conversations\/[^/?]+$/;
    const changeStored = a.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/api/v1/groups/"));
    await a.route(summaryUrl, async (route) => {
      const response = await route.fetch();
      await changeStored;
      await route.fulfill({ response });
    });
    const staleSummary = a.waitForResponse(summaryUrl);
    await openInfo(a);
    const toggle = a.getByTestId("send-policy-toggle");
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect(toggle).toBeChecked();
    await staleSummary;
    await expect(toggle).toBeChecked();
    // The read the change prompts may still be on its way: let it finish through the handler.
    await a.unrouteAll({ behavior: "wait" });
    await expectNoAxeViolations(a, '[data-testid="send-policy"]');
    await screenshot(a, testInfo, "send-policy-1280");
    await expect(b.getByTestId("only-admins-notice")).toHaveText("Only admins can send messages");
    await expect(b.getByTestId("composer-input")).toHaveCount(0);
    await expect(systemMessage(b, `${ana!.name} changed this group's settings to allow only admins to send messages`)).toHaveCount(1);
    await screenshot(b, testInfo, "only-admins-notice-1280");

    // The owner still writes; the member reacts to it.
    await send(a, "Meeting moved to 5pm");
    await (await openMessageMenu(b, bubble(b, "Meeting moved to 5pm"))).getByRole("menuitemcheckbox", { name: "React with 👍" }).click();
    const newsId = await bubble(a, "Meeting moved to 5pm").getAttribute("data-message-id");
    await expect(a.locator(`[data-reactions-for="${newsId}"]`).getByTestId("reaction-chip")).toHaveAttribute("data-emoji", "👍");
    // There is no box to write a reply or an edit in; a private reply goes to our direct chat.
    const menu = await openMessageMenu(b, bubble(b, "Meeting moved to 5pm"));
    await expect(menu.getByTestId("reply-privately")).toBeVisible();
    await expect(menu.getByTestId("reply-message")).toHaveCount(0);
    await b.keyboard.press("Escape");
    await expect((await openMessageMenu(b, bubble(b, "hi all"))).getByTestId("edit-message")).toHaveCount(0);
    await b.keyboard.press("Escape");

    await toggle.uncheck();
    await expect(b.getByTestId("only-admins-notice")).toHaveCount(0);
    await send(b, "Thanks!");
    await expect(bubble(a, "Thanks!")).toBeVisible();
  });

  test("@ offers the members; arrows, Enter and Tab pick one; mentions show highlighted for everyone", async ({ newUsers }, testInfo) => {
    const [ana, ben, cid] = await newUsers(3, { label: "mention" });
    await signInAll([ana!, ben!, cid!]);
    const name = unique("Lunch crew");
    await createPrivateGroup(ana!.page, name, [ben!, cid!]);
    await openChat(ben!.page, name);
    const a = ana!.page;
    const box = a.getByTestId("composer-input");
    const options = a.getByTestId("mention-option");

    // "@" lists the others (not me), in name order; Escape closes the list and keeps the text.
    await box.fill("Lunch? @");
    await expect(options).toHaveCount(2);
    await expect(options.nth(0)).toContainText(ben!.name);
    await expect(options.nth(1)).toContainText(cid!.name);
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
    await expectNoAxeViolations(a, '[data-testid="mention-picker"]');
    await screenshot(a, testInfo, "mention-picker-1280");
    const benUsername = (await options.nth(0).locator("span").last().textContent())!.slice(1);
    const cidUsername = (await options.nth(1).locator("span").last().textContent())!.slice(1);
    await box.press("Escape");
    await expect(a.getByTestId("mention-picker")).toHaveCount(0);
    await expect(box).toHaveValue("Lunch? @");

    // Typing narrows it; Enter picks.
    await box.press("Backspace");
    await box.pressSequentially(`@${benUsername.slice(0, -1)}`);
    await expect(options).toHaveCount(1);
    await box.press("Enter");
    await expect(box).toHaveValue(`Lunch? @${benUsername} `);
    await expect(a.getByTestId("mention-picker")).toHaveCount(0);
    // Arrow down to the second, Tab picks; then Enter sends.
    await box.pressSequentially("and @");
    await box.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await box.press("Tab");
    await expect(box).toHaveValue(`Lunch? @${benUsername} and @${cidUsername} `);
    await box.press("Enter");

    for (const page of [a, ben!.page]) {
      const sent = bubble(page, "Lunch?");
      await expect(sent.getByTestId("mention")).toHaveText([`@${benUsername}`, `@${cidUsername}`]);
    }
    await screenshot(ben!.page, testInfo, "mention-received-1280");

    // Cid, in no chat, sees "@" on the group's row, live and after a reload, until he reads it;
    // Ben had it open.
    const c = cid!.page;
    await expect(chatRow(c, name).getByTestId("mention-badge")).toBeVisible();
    await expect(chatRow(ben!.page, name).getByTestId("mention-badge")).toHaveCount(0);
    await c.reload();
    await expect(chatRow(c, name).getByTestId("mention-badge")).toBeVisible();
    await expect(chatRow(c, name)).toContainText("you were mentioned");
    await expectNoAxeViolations(c, '[data-testid="conversation-row"]');
    await screenshot(c, testInfo, "mention-badge-1280");
    await openChat(c, name);
    await expect(chatRow(c, name).getByTestId("mention-badge")).toHaveCount(0);
  });
});

test.describe("invite links", () => {
  test("create a link, join through it, revoke it: the next person gets the invalid page", async ({ newUsers }, testInfo) => {
    const [ana, ben, cat, dan] = await newUsers(4, { label: "invite" });
    await signInAll([ana!, ben!, cat!]);
    const name = unique("Invite only");
    await createPrivateGroup(ana!.page, name, [ben!]);

    const a = ana!.page;
    await openInfo(a);
    await a.getByTestId("create-invite").click();
    const row = a.getByTestId("invite-row").first();
    await expect(row).toBeVisible();
    const url = (await row.getByTestId("invite-url").textContent()) ?? "";
    expect(url).toMatch(new RegExp(`^${APP_URL}/join/[A-Za-z0-9_-]{16,64}$`));
    // All of it shows, the code at its end too: it wraps in the narrow panel instead of being cut off.
    expect(await row.getByTestId("invite-url").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await row.scrollIntoViewIfNeeded();
    await screenshot(a, testInfo, "invite-link-1280");

    // Ben is a member already: Open group.
    await ben!.page.goto(url);
    await expect(ben!.page.getByTestId("open-invited-group")).toBeVisible();

    // Cat sees the preview and joins; the group opens for her.
    const c = cat!.page;
    await c.goto(url);
    await expect(c.getByTestId("join-group-name")).toHaveText(name);
    await expect(c.getByTestId("join-member-count")).toHaveText("Group · 2 members");
    await expect(c.getByText("Planning things together")).toBeVisible();
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await c.setViewportSize(size);
      await expectNoAxeViolations(c);
      await screenshot(c, testInfo, `join-${size.width}`);
    }
    await c.setViewportSize({ width: 1280, height: 720 });
    await c.getByTestId("join-invite").click();
    await expect(c).toHaveURL(/\/\?c=/);
    await expect(c.getByTestId("chat-title")).toHaveText(name);
    await expect(systemMessage(c, "You joined")).toHaveCount(1);
    await expect(systemMessage(a, `${cat!.name} joined`)).toHaveCount(1);
    await expect(a.getByTestId("member-row")).toHaveCount(3);

    // Revoke: the link stops working for Dan, who isn't even signed in yet (login, then back).
    await row.getByTestId("revoke-invite").click();
    await expect(a.getByTestId("invite-row")).toHaveCount(0);
    const d = dan!.page;
    await d.goto(url);
    await expect(d).toHaveURL(/\/login\?next=/);
    await d.getByLabel("Your name").fill(dan!.name);
    await d.getByLabel("Email").fill(dan!.email);
    await d.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(d).toHaveURL(url);
    await expect(d.getByTestId("invite-invalid")).toContainText("This invite link is invalid or was revoked");
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await d.setViewportSize(size);
      await expectNoAxeViolations(d);
      await screenshot(d, testInfo, `join-invalid-${size.width}`);
    }
    // A made-up code: the same friendly page.
    await d.goto("/join/not-a-real-code");
    await expect(d.getByTestId("invite-invalid")).toBeVisible();
  });
});

test.describe("accessibility and screenshots", () => {
  test("group info, new group and member menu have no axe violations at 1280 and 390 px", async ({ newUsers }, testInfo) => {
    const [ana, ben, cid] = await newUsers(3, { label: "groupaxe" });
    await signInAll([ana!, ben!, cid!]);
    const a = ana!.page;

    // The New group panel, both steps.
    await a.getByTestId("new-group-button").click();
    await a.getByTestId("member-search-input").fill(ben!.name);
    await a.getByTestId("member-result").filter({ hasText: ben!.name }).click();
    await a.getByTestId("member-search-input").fill(cid!.name);
    await a.getByTestId("member-result").filter({ hasText: cid!.name }).click();
    await expectNoAxeViolations(a, '[data-testid="new-group-panel"]');
    await screenshot(a, testInfo, "new-group-members-1280");
    await a.getByTestId("new-group-next").click();
    await expectNoAxeViolations(a, '[data-testid="new-group-panel"]');
    await screenshot(a, testInfo, "new-group-details-1280");
    await a.getByTestId("new-group-name").fill(unique("Design crew"));
    await a.getByTestId("create-group").click();
    await expect(a.getByTestId("chat-pane")).toBeVisible();
    await send(a, "Welcome, both of you 👋");

    // Ben as admin, one active invite link, one banned person: every section shows.
    await openInfo(a);
    const benRow = a.getByTestId("member-row").filter({ hasText: ben!.name });
    await openMemberMenu(a, benRow);
    await a.getByTestId("member-action-make-admin").click();
    await expect(benRow.getByTestId("role-badge")).toHaveText("Admin");
    const cidRow = a.getByTestId("member-row").filter({ hasText: cid!.name });
    await openMemberMenu(a, cidRow);
    await a.getByTestId("member-action-ban").click();
    await a.getByTestId("confirm-remove").click();
    await expect(a.getByTestId("banned-row").filter({ hasText: cid!.name })).toBeVisible();
    await a.getByTestId("create-invite").click();
    await expect(a.getByTestId("invite-row")).toHaveCount(1);

    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await a.setViewportSize(size);
      await a.waitForTimeout(300);
      await expectNoAxeViolations(a, '[data-testid="info-panel"]');
      await a.getByTestId("group-profile").scrollIntoViewIfNeeded();
      await screenshot(a, testInfo, `group-info-${size.width}`);
      await a.getByTestId("info-panel").getByTestId("invite-links").scrollIntoViewIfNeeded();
      await screenshot(a, testInfo, `group-info-lower-${size.width}`);
      await openMemberMenu(a, benRow);
      await expectNoAxeViolations(a, '[data-testid="member-menu"]');
      await screenshot(a, testInfo, `member-menu-${size.width}`);
      await a.keyboard.press("Escape");
    }

    // Dark theme: same checks on the panel.
    await a.setViewportSize({ width: 1280, height: 800 });
    await a.emulateMedia({ colorScheme: "dark" });
    await a.reload();
    await expect(a.locator("html")).toHaveClass(/\bdark\b/);
    await openInfo(a);
    await expect(a.getByTestId("banned-row")).toHaveCount(1);
    await expectNoAxeViolations(a, '[data-testid="info-panel"]');
    await screenshot(a, testInfo, "group-info-dark-1280");
    await a.getByTestId("info-panel").getByTestId("invite-links").scrollIntoViewIfNeeded();
    await screenshot(a, testInfo, "group-info-lower-dark-1280");

    // Unban puts Cid back in reach (he can be added again).
    await a.getByTestId("banned-row").filter({ hasText: cid!.name }).getByTestId("unban").click();
    await expect(a.getByTestId("banned-list")).toHaveCount(0);
  });
});
