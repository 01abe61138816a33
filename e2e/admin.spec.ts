import type AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import type { Locator, Page, TestInfo } from "@playwright/test";
import type { Person } from "./support/auth";
import { APP_URL } from "./support/env";
import { expect, test, type TestUser } from "./support/fixtures";
import { chatRow, openChat } from "./support/chat";
import { axeBuilder } from "./support/checks";

// The admin console at /admin. The E2E server makes admin@example.com an admin (ADMIN_EMAILS in
// e2e/support/start-app.ts). Each test signs in its own contexts and makes its own groups, so the
// tests stay independent in the shared database. Nothing here depends on the chat UI's markup:
// what users see in Discover is checked through the API that feeds it (GET /api/v1/groups).

const ADMIN = { name: "Ada Admin", email: "admin@example.com" };

type NewUsers = (count: number, options?: { label?: string; people?: { name: string; email: string }[] }) => Promise<TestUser[]>;

/** The local sign-in form; lands on the home page. */
async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page).toHaveURL(`${APP_URL}/`);
}

async function signInAdmin(newUsers: NewUsers): Promise<Page> {
  const [admin] = await newUsers(1, { people: [ADMIN] });
  await signIn(admin!.page, ADMIN);
  return admin!.page;
}

/** What `page`'s user finds in Discover. */
async function discover(page: Page): Promise<{ id: string; name: string; isMember: boolean }[]> {
  const res = await page.request.get("/api/v1/groups");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { groups: { id: string; name: string; isMember: boolean }[] }).groups;
}

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;

/** A public group made through the API, as the signed-in admin of `page`. */
async function createGroupViaApi(page: Page, name: string): Promise<string> {
  const res = await page.request.post("/api/v1/admin/groups", {
    data: { name, icon: "🧪", iconBg: "#0f8b8d", about: "Made by the admin E2E", autoJoin: false },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { group: { id: string } }).group.id;
}

function groupRow(page: Page, id: string): Locator {
  return page.locator(`[data-testid="admin-group-row"][data-group-id="${id}"]`);
}

/** A confirmation shown after an action (role=status; errors are role=alert). */
async function expectConfirmation(page: Page, text: string): Promise<void> {
  await expect(page.getByRole("status").getByTestId("notice-success").filter({ hasText: text }).first()).toBeVisible();
}

/** Audit rows of one action containing `text`. */
function auditRows(page: Page, action: string, text: string | RegExp): Locator {
  return page.locator(`[data-testid="audit-row"][data-action="${action}"]`).filter({ hasText: text });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Label: before → after" as the audit log renders it (an arrow, read as "changed to"). */
function change(label: string, from: string, to: string): RegExp {
  return new RegExp(`${escape(label)}: ${escape(from)} →\\s*(changed to\\s*)?${escape(to)}`);
}

test.describe("admin console", () => {
  test("an admin creates a public group, with inline validation, and everyone sees it", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    await admin.goto("/admin");
    await expect(admin.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
    await expect(admin.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Groups" })).toHaveAttribute("aria-current", "page");

    await admin.getByTestId("create-group-button").click();
    const dialog = admin.getByRole("dialog", { name: "Create a public group" });
    await expect(dialog).toBeVisible();
    // The icon field takes focus first.
    await expect(admin.getByTestId("group-icon-input")).toBeFocused();

    // An invalid icon and no name: inline messages, linked to their fields.
    await admin.getByTestId("group-icon-input").fill("ab");
    await admin.getByTestId("save-group").click();
    await expect(dialog.getByText("Use exactly one emoji, like 🎲")).toBeVisible();
    await expect(dialog.getByText("Enter a group name")).toBeVisible();
    await expect(admin.getByTestId("group-name-input")).toHaveAttribute("aria-invalid", "true");
    await expect(admin.getByTestId("group-name-input")).toHaveAccessibleDescription("Enter a group name");
    await expect(admin.getByTestId("group-icon-input")).toBeFocused();

    const name = unique("E2E Book Club");
    await admin.getByTestId("group-icon-input").fill("📚");
    await dialog.getByRole("radio", { name: "Indigo" }).check();
    await admin.getByTestId("group-name-input").fill(name);
    await admin.getByTestId("group-about-input").fill("Monthly reads <b>and</b> reviews");
    await dialog.getByLabel("Default for new users").check();
    await admin.getByTestId("save-group").click();

    await expect(dialog).toBeHidden();
    await expectConfirmation(admin, `Created “${name}”`);
    const row = admin.getByTestId("admin-group-row").filter({ hasText: name });
    await expect(row).toHaveCount(1);
    const id = await row.getAttribute("data-group-id");
    try {
      await expect(row.getByTestId("default-badge")).toHaveText("Default for new users");
      // Markup typed by an admin stays text.
      await expect(row.getByText("Monthly reads <b>and</b> reviews")).toBeVisible();
      // Its members are those who signed up since (the other worker's users too), not its creator.
      await expect(row.getByTestId("member-count")).toHaveText(/^\d+ members?$/);
      expect(await discover(admin)).toContainEqual(expect.objectContaining({ id, name, isMember: false }));
      // "Default for new users": someone signing up now is in it already, and it's in Discover.
      const [user] = await newUsers(1, { label: "discover" });
      await signIn(user!.page, user!);
      expect(await discover(user!.page)).toContainEqual(expect.objectContaining({ id, name, isMember: true }));
    } finally {
      // Don't auto-join the users of later tests, whatever failed above.
      await admin.request.patch(`/api/v1/groups/${id}`, { data: { autoJoin: false } });
    }
  });

  test("a non-admin sees “Admins only” everywhere under /admin, and the API refuses", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const groupId = await createGroupViaApi(admin, unique("E2E Private Look"));

    const [user] = await newUsers(1, { label: "nonadmin" });
    await signIn(user!.page, user!);
    for (const path of ["/admin", "/admin/users", "/admin/audit", `/admin/groups/${groupId}`]) {
      await user!.page.goto(path);
      await expect(user!.page.getByRole("heading", { name: "Admins only", level: 1 }), path).toBeVisible();
      await expect(user!.page.getByRole("link", { name: "Back to chats" })).toHaveAttribute("href", "/");
      await expect(user!.page.getByTestId("admin-group-row")).toHaveCount(0);
    }
    const res = await user!.page.request.get("/api/v1/admin/groups");
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("Admins only");

    // Signed out: the sign-in page.
    const [anonymous] = await newUsers(1, { label: "anon" });
    await anonymous!.page.goto("/admin");
    await expect(anonymous!.page).toHaveURL(/\/login$/);
  });

  test("an address that leads nowhere shows Convo's “Page not found” with a way back; /admin/groups opens the list", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);

    const res = await admin.goto("/admin/grups");
    expect(res?.status()).toBe(404);
    await expect(admin.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await expect(admin).toHaveTitle("Page not found · Convo");
    await admin.getByRole("link", { name: "Back to chats" }).click();
    await expect(admin).toHaveURL(`${APP_URL}/`);

    // A group's page is /admin/groups/<id>: trimming the address lands on the group list.
    await admin.goto("/admin/groups");
    await expect(admin).toHaveURL(`${APP_URL}/admin`);
    await expect(admin.getByTestId("admin-group-row").first()).toBeVisible();
  });

  test("the admin archives and unarchives a group; it leaves Discover and comes back", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const name = unique("E2E Archive Me");
    const id = await createGroupViaApi(admin, name);
    const [user] = await newUsers(1, { label: "archive" });
    await signIn(user!.page, user!);
    expect((await discover(user!.page)).map((g) => g.id)).toContain(id);

    await admin.goto("/admin");
    const row = groupRow(admin, id);
    await expect(row.getByTestId("archived-badge")).toHaveCount(0);
    await row.getByTestId("archive-group").click();
    await expect(row.getByTestId("archived-badge")).toHaveText("Archived");
    await expect(row.getByTestId("archive-group")).toHaveText("Unarchive");
    await expectConfirmation(admin, `Archived “${name}”`);

    expect((await discover(user!.page)).map((g) => g.id)).not.toContain(id);

    // The group page shows it too, and unarchives.
    await admin.goto(`/admin/groups/${id}`);
    await expect(admin.getByTestId("archived-notice")).toBeVisible();
    await admin.getByTestId("archive-group").click();
    await expect(admin.getByTestId("archived-notice")).toHaveCount(0);
    await expect(admin.getByTestId("archive-group")).toHaveText("Archive");

    expect((await discover(user!.page)).map((g) => g.id)).toContain(id);
  });

  test("delete needs the exact group name typed in a dialog", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const name = unique("E2E Delete Me");
    const id = await createGroupViaApi(admin, name);
    await admin.goto("/admin");
    const row = groupRow(admin, id);

    // Keyboard: open, Escape closes and gives focus back to the Delete button.
    await row.getByTestId("delete-group").focus();
    await admin.keyboard.press("Enter");
    const dialog = admin.getByRole("dialog", { name: `Delete “${name}”?` });
    await expect(dialog).toBeVisible();
    await expect(admin.getByTestId("confirm-name-input")).toBeFocused();
    await admin.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId("delete-group")).toBeFocused();

    await row.getByTestId("delete-group").click();
    const confirm = admin.getByTestId("confirm-delete");
    await expect(confirm).toBeDisabled();
    await admin.getByTestId("confirm-name-input").fill(name.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await expect(dialog.getByText("That doesn't match the group name yet.")).toBeVisible();
    await admin.getByTestId("confirm-name-input").fill(name.toUpperCase());
    await expect(confirm).toBeDisabled();
    // Focus stays in the dialog.
    for (let i = 0; i < 6; i++) await admin.keyboard.press("Tab");
    expect(await admin.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);

    // The server checks the name too.
    const refused = await admin.request.delete(`/api/v1/admin/groups/${id}`, { data: { confirmName: "nope" } });
    expect(refused.status()).toBe(400);

    await admin.getByTestId("confirm-name-input").fill(name);
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);
    await expectConfirmation(admin, `Deleted “${name}”`);
  });

  test("a member's browser that was offline while removed from one group and another was deleted catches up on reconnect", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const [keptName, goneName] = [unique("E2E Removed From"), unique("E2E Deleted Away")];
    const [keptId, goneId] = [await createGroupViaApi(admin, keptName), await createGroupViaApi(admin, goneName)];
    const [member] = await newUsers(1, { label: "away-member" });
    await signIn(member!.page, member!);
    const userId = ((await (await member!.page.request.get("/api/v1/me")).json()) as { profile: { id: string } }).profile.id;
    for (const id of [keptId, goneId]) expect((await member!.page.request.post(`/api/v1/groups/${id}/join`)).ok()).toBe(true);
    const M = member!.page;
    await M.reload();
    for (const name of [keptName, goneName]) await expect(chatRow(M, name)).toBeVisible();

    await member!.context.setOffline(true);
    await expect(M.getByTestId("connection-banner")).toBeVisible();
    expect((await admin.request.delete(`/api/v1/groups/${keptId}/members/${userId}`)).ok()).toBe(true);
    expect((await admin.request.delete(`/api/v1/admin/groups/${goneId}`, { data: { confirmName: goneName } })).ok()).toBe(true);
    await member!.context.setOffline(false);
    await expect(M.getByTestId("connection-banner")).toHaveCount(0, { timeout: 20_000 });

    await expect(chatRow(M, goneName)).toHaveCount(0);
    await chatRow(M, keptName).click();
    await expect(M.getByTestId("not-member-notice")).toBeVisible();
  });

  test("members are removed, banned and unbanned; a message is deleted for everyone", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const name = unique("E2E Moderation");
    const id = await createGroupViaApi(admin, name);
    const [spammer, other] = await newUsers(2, { label: "member" });
    for (const u of [spammer!, other!]) {
      await signIn(u.page, u);
      expect((await u.page.request.post(`/api/v1/groups/${id}/join`)).ok()).toBe(true);
    }
    const sent = await spammer!.page.request.post(`/api/v1/conversations/${id}/messages`, {
      data: { clientId: `e2e-spam-${randomBytes(4).toString("hex")}`, text: "Buy followers at spam.example <script>alert(1)</script>" },
    });
    expect(sent.ok()).toBe(true);

    await admin.goto(`/admin/groups/${id}`);
    await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();
    const spam = admin.getByTestId("moderation-message").filter({ hasText: "spam.example" });
    await expect(spam).toHaveCount(1);
    // Shown as text: the markup in it is inert.
    await expect(spam.getByText("Buy followers at spam.example <script>alert(1)</script>")).toBeVisible();
    await expect(spam.getByText(spammer!.name)).toBeVisible();
    const message = admin.locator(`[data-message-id="${await spam.getAttribute("data-message-id")}"]`);
    await message.getByTestId("delete-message").click();
    const confirmDialog = admin.getByRole("dialog", { name: "Delete this message for everyone?" });
    await expect(confirmDialog).toBeVisible();
    await admin.getByTestId("confirm-delete-message").click();
    await expect(confirmDialog).toBeHidden();
    await expect(message).toContainText("This message was deleted by an admin");
    await expect(message.getByTestId("delete-message")).toHaveCount(0);
    // Its author is told an admin removed it, not that they deleted it themselves.
    const spammerChat = chatRow(spammer!.page, name);
    await expect(spammerChat.getByTestId("row-preview")).toHaveText("This message was deleted by an admin");
    // Members see it deleted, too.
    const page = await spammer!.page.request.get(`/api/v1/conversations/${id}/messages`);
    const { messages } = (await page.json()) as { messages: { text: string | null; deletedAt: string | null; type: string }[] };
    expect(messages.filter((m) => m.type !== "SYSTEM").every((m) => m.deletedAt !== null && m.text === null)).toBe(true);

    const spammerRow = admin.getByTestId("member-row").filter({ hasText: spammer!.email });
    const otherRow = admin.getByTestId("member-row").filter({ hasText: other!.email });
    await expect(admin.getByTestId("member-row")).toHaveCount(2);

    await spammerRow.getByTestId("ban-member").click();
    await expect(spammerRow.getByTestId("banned-badge")).toHaveText("Banned");
    await expect(spammerRow.getByTestId("unban-member")).toBeVisible();
    const rejoin = await spammer!.page.request.post(`/api/v1/groups/${id}/join`);
    expect(rejoin.ok()).toBe(false);

    await otherRow.getByTestId("remove-member").click();
    await expect(otherRow).toHaveCount(0);
    await expectConfirmation(admin, `Removed ${other!.name}`);

    await spammerRow.getByTestId("unban-member").click();
    // Unbanned and not a member any more: off the list, and free to join again.
    await expect(spammerRow).toHaveCount(0);
    expect((await spammer!.page.request.post(`/api/v1/groups/${id}/join`)).ok()).toBe(true);
  });

  test("the admin sets a public group's disappearing messages without joining; members see it at once", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const name = unique("E2E Timer");
    const id = await createGroupViaApi(admin, name);
    const [member] = await newUsers(1, { label: "member" });
    await signIn(member!.page, member!);
    expect((await member!.page.request.post(`/api/v1/groups/${id}/join`)).ok()).toBe(true);
    await openChat(member!.page, name);

    await admin.goto(`/admin/groups/${id}`);
    const timer = admin.getByRole("group", { name: /New messages disappear/ });
    await expect(timer.getByRole("radio", { name: "Off" })).toBeChecked();
    await timer.getByRole("radio", { name: "24 hours" }).check();
    await admin.getByTestId("save-message-timer").click();
    await expectConfirmation(admin, `New messages in “${name}” now disappear after 24 hours`);

    const notice = `${ADMIN.name} turned on disappearing messages. New messages will disappear from this chat 24 hours after they're sent.`;
    await expect(member!.page.getByTestId("system-message").filter({ hasText: notice })).toBeVisible();
    await expect(member!.page.getByTestId("message-timer-badge")).toHaveAttribute("aria-label", "Disappearing messages: 24 hours");
    // Still not a member: the console moderates from outside.
    expect((await discover(admin)).find((g) => g.id === id)?.isMember).toBe(false);
    await admin.reload();
    await expect(admin.getByRole("group", { name: /New messages disappear/ }).getByRole("radio", { name: "24 hours" })).toBeChecked();
  });

  test("promote and demote a user; the last admin can't be demoted and is told why", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const [user] = await newUsers(1, { label: "promote" });
    await signIn(user!.page, user!);

    await admin.goto(`/admin/users?q=${encodeURIComponent(user!.email)}`);
    await expect(admin.getByRole("searchbox", { name: /search/i })).toHaveValue(user!.email);
    const row = admin.getByTestId("user-row").filter({ hasText: user!.email });
    await expect(row).toHaveCount(1);
    await expect(admin.getByTestId("user-row")).toHaveCount(1);
    await expect(row.getByTestId("role-badge")).toHaveText("User");

    await row.getByTestId("promote-user").click();
    await expect(row.getByTestId("role-badge")).toHaveText("Admin");
    await expectConfirmation(admin, `${user!.name} is now an admin`);
    await user!.page.goto("/admin");
    await expect(user!.page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();

    await row.getByTestId("demote-user").click();
    await expect(row.getByTestId("role-badge")).toHaveText("User");
    await user!.page.reload();
    await expect(user!.page.getByRole("heading", { name: "Admins only" })).toBeVisible();

    // Other specs may have left admins behind: make this admin the only one.
    const list = (await (await admin.request.get("/api/v1/admin/users")).json()) as { users: { id: string; email: string; role: string }[] };
    for (const other of list.users.filter((u) => u.role === "ADMIN" && u.email !== ADMIN.email)) {
      expect((await admin.request.patch(`/api/v1/admin/users/${other.id}`, { data: { role: "USER" } })).ok()).toBe(true);
    }

    await admin.goto(`/admin/users?q=${encodeURIComponent(ADMIN.email)}`);
    const me = admin.getByTestId("user-row").filter({ hasText: ADMIN.email });
    await me.getByTestId("demote-user").click();
    const dialog = admin.getByRole("dialog", { name: "Remove your own admin role?" });
    await expect(dialog).toBeVisible();
    await admin.getByTestId("confirm-demote").click();
    await expect(dialog.getByRole("alert")).toHaveText("The last admin can't be demoted: promote someone else first");
    await admin.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(me.getByTestId("role-badge")).toHaveText("Admin");

    // The same refusal over the API: 409 with the message.
    const res = await admin.request.patch(`/api/v1/admin/users/${await me.getAttribute("data-user-id")}`, { data: { role: "USER" } });
    expect(res.status()).toBe(409);
  });

  test("the audit log lists who did what, with before → after as text", async ({ newUsers }) => {
    const admin = await signInAdmin(newUsers);
    const name = unique("E2E Audited");
    const renamed = `${name} <i>renamed</i>`;
    const id = await createGroupViaApi(admin, name);
    const [user] = await newUsers(1, { label: "audited" });
    await signIn(user!.page, user!);

    await admin.goto("/admin");
    await groupRow(admin, id).getByTestId("archive-group").click();
    await expect(groupRow(admin, id).getByTestId("archived-badge")).toBeVisible();
    await groupRow(admin, id).getByTestId("archive-group").click();
    await expect(groupRow(admin, id).getByTestId("archived-badge")).toHaveCount(0);

    // Edit on the group page.
    await admin.goto(`/admin/groups/${id}`);
    await admin.getByTestId("group-name-input").fill(renamed);
    await admin.getByTestId("save-group").click();
    await expect(admin.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();

    await admin.goto(`/admin/users?q=${encodeURIComponent(user!.email)}`);
    const row = admin.getByTestId("user-row").filter({ hasText: user!.email });
    await row.getByTestId("promote-user").click();
    await expect(row.getByTestId("role-badge")).toHaveText("Admin");
    await row.getByTestId("demote-user").click();
    await expect(row.getByTestId("role-badge")).toHaveText("User");

    await admin.goto("/admin");
    await groupRow(admin, id).getByTestId("delete-group").click();
    await admin.getByTestId("confirm-name-input").fill(renamed);
    await admin.getByTestId("confirm-delete").click();
    await expect(groupRow(admin, id)).toHaveCount(0);

    await admin.getByRole("link", { name: "Audit log" }).click();
    await expect(admin.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    const rows = admin.getByTestId("audit-row");
    // Who, what, when, and before → after, as plain text.
    // Every entry names the group as it's known last (here: its name when deleted); the creation
    // keeps the name it had then.
    const created = auditRows(admin, "group.create", `created the group “${renamed}”`);
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(`Name: “${name}”`);
    await expect(created).toContainText(/^\S.* created the group/);
    await expect(created.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(created).toContainText("Icon: 🧪");
    await expect(auditRows(admin, "group.archive", `archived the group “${renamed}”`).filter({ hasText: change("Archived", "no", "yes") })).toHaveCount(1);
    await expect(auditRows(admin, "group.unarchive", `unarchived the group “${renamed}”`).filter({ hasText: change("Archived", "yes", "no") })).toHaveCount(1);
    // Names typed by admins are shown as text, never as markup.
    await expect(auditRows(admin, "group.update", change("Name", `“${name}”`, `“${renamed}”`))).toHaveCount(1);
    await expect(admin.locator("i", { hasText: "renamed" })).toHaveCount(0);
    await expect(auditRows(admin, "user.promote", `promoted ${user!.name} to admin`).filter({ hasText: change("Role", "User", "Admin") })).toHaveCount(1);
    await expect(auditRows(admin, "user.demote", `demoted ${user!.name} to user`).filter({ hasText: change("Role", "Admin", "User") })).toHaveCount(1);
    await expect(auditRows(admin, "group.delete", `deleted the group “${renamed}”`)).toHaveCount(1);
    // Newest first: this group's deletion is above its creation.
    const entries = await rows.evaluateAll((els) => els.map((el) => `${el.getAttribute("data-action")}|${el.textContent}`));
    const deletedAt = entries.findIndex((t) => t.startsWith("group.delete|") && t.includes(renamed));
    const createdAt = entries.findIndex((t) => t.startsWith("group.create|") && t.includes(renamed));
    expect(deletedAt).toBeGreaterThanOrEqual(0);
    expect(deletedAt).toBeLessThan(createdAt);
  });
});

test.describe("admin console: accessibility and looks", () => {
  test.setTimeout(180_000);

  const DESKTOP = { width: 1280, height: 800 };
  // Each page in both schemes and at both sizes: light on a desktop, dark on a phone.
  const LOOKS = [
    { colorScheme: "light", size: DESKTOP },
    { colorScheme: "dark", size: { width: 390, height: 844 } },
  ] as const;

  type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];
  const describe = (violations: Violations) =>
    violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);

  async function checkPage(page: Page, testInfo: TestInfo, name: string, path: string) {
    for (const { colorScheme, size } of LOOKS) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(size);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b).*$/);
      const where = `${name} (${colorScheme}, ${size.width}px)`;
      const { violations } = await axeBuilder(page).analyze();
      expect(describe(violations), `axe violations on ${where}`).toEqual([]);

      const file = testInfo.outputPath(`admin-${name}-${colorScheme}-${size.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`admin-${name}-${colorScheme}-${size.width}`, { path: file, contentType: "image/png" });
    }
  }

  test("no axe violations on /admin, a group page, /admin/users, /admin/audit and the not-found page (screenshots at 1280 px light and 390 px dark)", async ({ newUsers }, testInfo) => {
    const admin = await signInAdmin(newUsers);
    const id = await createGroupViaApi(admin, unique("E2E Looks"));
    const [member] = await newUsers(1, { label: "looks" });
    await signIn(member!.page, member!);
    await member!.page.request.post(`/api/v1/groups/${id}/join`);
    await member!.page.request.post(`/api/v1/conversations/${id}/messages`, {
      data: { clientId: `e2e-looks-${randomBytes(4).toString("hex")}`, text: "Hello from the accessibility check 👋" },
    });
    await admin.request.patch(`/api/v1/admin/groups/${id}`, { data: { archived: true } });

    await checkPage(admin, testInfo, "groups", "/admin");
    await checkPage(admin, testInfo, "group", `/admin/groups/${id}`);
    await checkPage(admin, testInfo, "not-found", "/no-such-page");
    await checkPage(admin, testInfo, "users", "/admin/users");
    await checkPage(admin, testInfo, "audit", "/admin/audit");

    // Dialogs too: the create form with its validation messages, and the typed confirmation.
    await admin.emulateMedia({ colorScheme: "light" });
    await admin.setViewportSize(DESKTOP);
    await admin.goto("/admin");
    await admin.getByTestId("create-group-button").click();
    await admin.getByTestId("save-group").click();
    await expect(admin.getByText("Enter a group name")).toBeVisible();
    // With the messages shown the fields scroll; Cancel and Create stay in view below them.
    const createDialog = admin.getByRole("dialog", { name: "Create a public group" });
    await expect(createDialog.getByRole("button", { name: "Cancel" })).toBeInViewport({ ratio: 1 });
    await expect(admin.getByTestId("save-group")).toBeInViewport({ ratio: 1 });
    expect(describe((await axeBuilder(admin).analyze()).violations), "axe on the create dialog").toEqual([]);
    const file = testInfo.outputPath("admin-create-dialog-1280.png");
    await admin.screenshot({ path: file });
    await testInfo.attach("admin-create-dialog-1280", { path: file, contentType: "image/png" });
    await admin.keyboard.press("Escape");
    await groupRow(admin, id).getByTestId("delete-group").click();
    await expect(admin.getByTestId("confirm-name-input")).toBeFocused();
    expect(describe((await axeBuilder(admin).analyze()).violations), "axe on the delete dialog").toEqual([]);
  });
});
