import { expect, test } from "./support/fixtures";
import { bubble, openChat, sendDirect, signInAll } from "./support/chat";
import { expectNoAxeViolations, screenshot } from "./support/checks";

// Sharing a contact, as in WhatsApp: attach → Contact → pick someone; the other person gets a
// card with their name and @username, and "Message" opens a chat with them.

test("send a contact card; the other person opens a chat with that person from it", async ({ newUsers }, testInfo) => {
  const [ana, ben, cleo] = await newUsers(3, { label: "cards" });
  await signInAll([ana!, ben!, cleo!]);
  const A = ana!.page;
  const B = ben!.page;
  await sendDirect(A, ben!.name, "Here is who you asked about");
  await openChat(B, ana!.name);

  await A.getByTestId("attach-button").click();
  await A.getByTestId("attach-contact").click();
  const dialog = A.getByTestId("contact-dialog");
  await expect(dialog.getByTestId("contact-search")).toBeFocused();
  await dialog.getByTestId("contact-search").fill(cleo!.name);
  await expect(dialog.getByTestId("contact-result").filter({ hasText: cleo!.name })).toBeVisible();
  await expectNoAxeViolations(A, '[data-testid="contact-dialog"]');
  await dialog.getByTestId("contact-result").filter({ hasText: cleo!.name }).click();
  await expect(dialog).toHaveCount(0);

  for (const page of [A, B]) {
    const card = page.getByTestId("contact-card");
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId("contact-card-name")).toHaveText(cleo!.name);
  }
  await expect(bubble(A, cleo!.name)).toHaveAttribute("data-status", "read");
  await expect(B.getByTestId("conversation-row").filter({ hasText: ana!.name })).toContainText("👤 Contact");
  await expectNoAxeViolations(B, '[data-testid="contact-card"]');
  await screenshot(B, testInfo, "contact-card-1280");

  await B.getByRole("button", { name: `Message ${cleo!.name}` }).click();
  await expect(B.getByTestId("chat-title")).toHaveText(cleo!.name);
});
