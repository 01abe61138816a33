import { randomBytes } from "node:crypto";
import { APP_URL } from "./support/env";
import { expect, test } from "./support/fixtures";
import { bubble, chatRow, openChat, postMessage, sendDirect, signInAll } from "./support/chat";

// Messages arriving, in the open chat or in others, must not take the keyboard from where the
// user is, nor their place in the chat list. The app scrolls by itself as they come (the chat's
// log follows the newest message), and menus used to close at any scroll, dropping focus on the
// page; a chat moving up threw a scrolled chat list back to its top, taking its menus with it.

test("messages arriving leave the keyboard where it is: the box keeps its text, menus stay open", async ({ newUsers }) => {
  const [ana, ben, cy] = await newUsers(3, { label: "busy" });
  await signInAll([ana!, ben!, cy!]);
  const page = ana!.page;
  await sendDirect(ben!.page, ana!.name, "are you there?");
  const directId = (await ben!.page.getByTestId("chat-pane").getAttribute("data-conversation-id"))!;

  // Cy adds Ana to enough groups that her chat list scrolls, Ben's chat at its bottom.
  const anaId = ((await (await page.request.get("/api/v1/me")).json()) as { profile: { id: string } }).profile.id;
  const groups: { id: string; name: string }[] = [];
  for (let i = 0; i < 10; i++) {
    const name = `Busy ${i} ${randomBytes(3).toString("hex")}`;
    const res = await cy!.page.request.post("/api/v1/groups", { data: { name, memberIds: [anaId] }, headers: { origin: APP_URL } });
    expect(res.status(), await res.text()).toBe(201);
    groups.push({ id: ((await res.json()) as { conversation: { id: string } }).conversation.id, name });
  }
  await expect(chatRow(page, groups[9]!.name)).toBeVisible();

  // Ben's row's menu, open from the keyboard at the bottom of the scrolled list while groups
  // above it move to the top: the list keeps its place, and the menu stays with the row.
  await chatRow(page, ben!.name).focus();
  expect(await page.getByRole("tabpanel").evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.keyboard.press("Shift+F10");
  const rowMenu = page.getByTestId("conversation-menu");
  await expect(rowMenu.getByTestId("menu-archive")).toBeFocused();
  for (const group of groups.slice(3, 7)) {
    await postMessage(cy!.page, group.id, `news in ${group.name}`);
    await expect(page.getByTestId("conversation-row").first()).toContainText(`news in ${group.name}`);
  }
  await expect(chatRow(page, ben!.name)).toBeInViewport();
  await expect(rowMenu).toBeVisible();
  await expect(rowMenu.getByTestId("menu-archive")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: `Chat options: ${ben!.name}` })).toBeFocused();

  // Typing in Ben's chat while the groups and this chat are busy: the words and the focus stay.
  await openChat(page, ben!.name);
  const box = page.getByTestId("composer-input");
  await box.click();
  const typed = "let me check the tickets and get back to you";
  await Promise.all([
    page.keyboard.type(typed, { delay: 40 }),
    (async () => {
      // Enough for the log to scroll.
      for (let i = 1; i <= 12; i++) {
        await postMessage(cy!.page, groups[i % 3]!.id, `group news ${i}`);
        await postMessage(ben!.page, directId, `still there? ${i}`);
      }
    })(),
  ]);
  await expect(bubble(page, "still there? 12")).toBeVisible();
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(typed);

  // The attach menu, open while the log follows new messages: it stays, its first item focused.
  await page.getByTestId("attach-button").click();
  const attach = page.getByTestId("attach-menu");
  await expect(attach.getByTestId("attach-media")).toBeFocused();
  for (let i = 1; i <= 3; i++) await postMessage(ben!.page, directId, `hello ${i}`);
  await expect(bubble(page, "hello 3")).toBeVisible();
  await expect(attach).toBeVisible();
  await expect(attach.getByTestId("attach-media")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("attach-button")).toBeFocused();
  await expect(box).toHaveValue(typed);

  // A message's menu, open from the keyboard as more messages come: it moves up with its message.
  await bubble(page, "hello 3").getByTestId("message-menu-button").focus();
  await page.keyboard.press("Enter");
  const reaction = page.getByTestId("message-menu").getByTestId("quick-reaction").first();
  await expect(reaction).toBeFocused();
  for (let i = 4; i <= 5; i++) await postMessage(ben!.page, directId, `hello ${i}`);
  await expect(bubble(page, "hello 5")).toBeVisible();
  await expect(reaction).toBeFocused();
  await expect(box).toHaveValue(typed);
});
