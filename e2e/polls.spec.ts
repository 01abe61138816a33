import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, screenshot } from "./support/checks";
import { expect, test } from "./support/fixtures";
import { bubble, chatRow, createPrivateGroup, openChat, signInAll } from "./support/chat";

// Polls: created from the attach menu, answered by the members, counted live on every screen,
// with who voted for what under "View votes".

const poll = (page: Page) => bubble(page, "Where do we eat?").getByTestId("message-poll");
const counts = (page: Page) => poll(page).getByTestId("poll-count");
const option = (page: Page, text: string) => poll(page).getByTestId("poll-option-row").filter({ hasText: text }).getByTestId("poll-vote");

test("a group poll: one answer each, changed at will, counted live for everyone, with who voted for what", async ({ newUsers }, testInfo) => {
  const [ana, ben, cid] = await newUsers(3, { label: "poll" });
  await signInAll([ana!, ben!, cid!]);
  const name = `Dinner ${randomBytes(3).toString("hex")}`;
  await createPrivateGroup(ana!.page, name, [ben!, cid!]);
  const [A, B, C] = [ana!.page, ben!.page, cid!.page];
  await openChat(B, name);
  await openChat(C, name);

  await A.getByTestId("attach-button").click();
  await A.getByTestId("attach-poll").click();
  const dialog = A.getByTestId("poll-dialog");
  await expect(A.getByTestId("poll-question")).toBeFocused();
  await A.getByTestId("poll-question").fill("Where do we eat?");
  const options = dialog.getByTestId("poll-option");
  await options.nth(0).fill("Pizza");
  // One option is not a poll: the reason is shown and nothing is sent.
  await A.getByTestId("poll-send").click();
  await expect(A.getByTestId("poll-error")).toHaveText("A poll needs at least 2 options");
  await options.nth(1).fill("Sushi");
  // Filling the last option offers another.
  await expect(options).toHaveCount(3);
  await options.nth(2).fill("Tacos");
  await expectNoAxeViolations(A, '[data-testid="poll-dialog"]');
  await screenshot(A, testInfo, "poll-dialog-1280");
  await A.getByTestId("poll-send").click();
  await expect(dialog).toHaveCount(0);

  for (const page of [A, B, C]) {
    await expect(poll(page)).toContainText("Select one");
    await expect(counts(page)).toHaveText(["0 votes", "0 votes", "0 votes"]);
  }
  await expect(chatRow(B, name)).toContainText("📊 Where do we eat?");

  // Cid's vote is slow to reach the server, and Ben's, counted first, reaches Cid meanwhile: Cid's
  // answer stays checked, with both votes counted.
  let letVoteThrough!: () => void;
  const voteHeldBack = new Promise<void>((resolve) => (letVoteThrough = resolve));
  await C.route("**/api/v1/messages/*/votes", async (route) => {
    await voteHeldBack;
    await route.continue();
  });
  await option(C, "Sushi").check();
  await option(B, "Sushi").check();
  await expect(counts(A)).toHaveText(["0 votes", "1 vote", "0 votes"]);
  await expect(counts(C)).toHaveText(["0 votes", "2 votes", "0 votes"]);
  await expect(option(C, "Sushi")).toBeChecked();
  letVoteThrough();
  await expect(counts(A)).toHaveText(["0 votes", "2 votes", "0 votes"]);
  await C.unroute("**/api/v1/messages/*/votes");
  // Ben changes his mind: one answer, so Pizza replaces Sushi.
  await option(B, "Pizza").check();
  for (const page of [A, B, C]) await expect(counts(page)).toHaveText(["1 vote", "1 vote", "0 votes"]);
  await expect(option(B, "Sushi")).not.toBeChecked();
  await expectNoAxeViolations(B, '[data-testid="message-poll"]');
  await screenshot(B, testInfo, "poll-voted-1280");
  // Ana's own poll in dark mode: "View votes" reads clearly on her dark-green bubble. With Group
  // info open the chat column narrows, and the poll with its bubble instead of spilling out.
  await A.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(A, '[data-testid="message-poll"]');
  await A.getByTestId("chat-header-button").click();
  await expect(A.getByTestId("info-panel")).toBeVisible();
  const [pollBox, bubbleBox] = [await poll(A).boundingBox(), await bubble(A, "Where do we eat?").boundingBox()];
  expect(pollBox!.x + pollBox!.width).toBeLessThanOrEqual(bubbleBox!.x + bubbleBox!.width);
  await screenshot(A, testInfo, "poll-info-open-dark-1280");
  await A.getByTestId("close-info").click();
  await A.emulateMedia({ colorScheme: "light" });

  await poll(A).getByTestId("poll-view-votes").click();
  const votes = A.getByTestId("poll-votes-dialog");
  const voters = votes.getByTestId("poll-votes-option");
  await expect(voters.nth(0)).toContainText(ben!.name);
  await expect(voters.nth(1)).toContainText(cid!.name);
  await expectNoAxeViolations(A, '[data-testid="poll-votes-dialog"]');
  // Open, it follows the votes: Cid takes his back.
  await option(C, "Sushi").uncheck();
  await expect(voters.nth(1)).toContainText("0 votes");
  await expect(voters.nth(1)).not.toContainText(cid!.name);
  await screenshot(A, testInfo, "poll-votes-1280");
});
