import { expect, test } from "./support/fixtures";
import { bubble, chatRow, createPrivateGroup, openChat, openMessageMenu, send, signInAll } from "./support/chat";
import { expectNoAxeViolations, screenshot } from "./support/checks";

// "Reply privately", as in WhatsApp: answer someone's group message in my direct chat with them,
// quoting it with the group's name; the quote opens the original in the group.

test("reply privately to a group's message: quoted with the group's name, and the quote opens it in the group", async ({ newUsers }, testInfo) => {
  const [ana, ben, cy] = await newUsers(3, { label: "privately" });
  await signInAll([ana!, ben!, cy!]);
  const [A, B] = [ana!.page, ben!.page];
  const group = `Trip ${ben!.name.split(" ").at(-1)}`;
  await createPrivateGroup(B, group, [ana!, cy!]);
  await send(B, "who has the tickets?");
  await openChat(A, group);
  await send(A, "not me");

  // Only someone else's message in a group offers it.
  await expect((await openMessageMenu(A, bubble(A, "not me"))).getByTestId("reply-privately")).toHaveCount(0);
  await A.keyboard.press("Escape");
  await (await openMessageMenu(A, bubble(A, "who has the tickets?"))).getByTestId("reply-privately").click();

  // My chat with Ben opens, replying to his message, and the box is ready to type in.
  await expect(A.getByTestId("chat-title")).toHaveText(ben!.name);
  const banner = A.getByTestId("composer-reply-banner");
  await expect(banner).toContainText(ben!.name);
  await expect(banner.getByTestId("reply-from-chat")).toHaveText(` · ${group}`);
  await expect(banner).toContainText("who has the tickets?");
  await expect(A.getByTestId("composer-input")).toBeFocused();
  await expectNoAxeViolations(A, "[data-testid=chat-pane]");
  await screenshot(A, testInfo, "reply-privately-composer");
  await A.keyboard.type("I do!");
  await A.keyboard.press("Enter");
  await expect(banner).toHaveCount(0);
  const mine = bubble(A, "I do!");
  await expect(mine.getByTestId("reply-quote")).toContainText("who has the tickets?");
  await expect(mine.getByTestId("reply-from-chat")).toHaveText(` · ${group}`);

  // Ben gets it in our direct chat, his own words quoted; the group heard nothing of it.
  await openChat(B, ana!.name);
  const received = bubble(B, "I do!");
  await expect(received.getByTestId("reply-quote")).toContainText(`You · ${group}`);
  await expectNoAxeViolations(B, "[data-testid=chat-pane]");
  await screenshot(B, testInfo, "reply-privately-received");
  await expect(chatRow(cy!.page, group)).toContainText("not me");

  // The quote shows the original where it was said.
  await received.getByTestId("reply-quote").click();
  await expect(B.getByTestId("chat-title")).toHaveText(group);
  await expect(B.locator('[data-highlighted="true"]')).toContainText("who has the tickets?");

  // A direct chat offers no private reply: it is one already.
  await openChat(B, ana!.name);
  await expect((await openMessageMenu(B, received)).getByTestId("reply-privately")).toHaveCount(0);
});
