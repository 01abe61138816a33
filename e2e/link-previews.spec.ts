import { expect, test } from "./support/fixtures";
import { bubble, signInAll, startDirectChat } from "./support/chat";
import { expectNoAxeViolations, screenshot } from "./support/checks";
import { OIDC_ISSUER } from "./support/env";

// Link previews, as in WhatsApp: a link typed in the message box shows the page's title,
// description and picture; sent, the preview goes with the message to everyone. The server
// fetches the page (the OIDC stand-in serves it): no reader's browser ever asks the site.

test("a link's preview shows as it is typed and goes with the message; × sends it without", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "links" });
  await signInAll([ana!, ben!]);
  const [A, B] = [ana!.page, ben!.page];
  const askedTheSite: string[] = [];
  B.on("request", (req) => {
    if (req.url().startsWith(OIDC_ISSUER)) askedTheSite.push(req.url());
  });

  await startDirectChat(A, ben!.name);
  await startDirectChat(B, ana!.name);
  const article = `${OIDC_ISSUER}/articles/Convo-ships-link-previews`;
  await A.getByTestId("composer-input").fill(`Have you seen this? ${article}`);

  const draftCard = A.getByTestId("composer-link-preview");
  await expect(draftCard).toContainText("Convo ships link previews");
  await expect(draftCard).toContainText("Everything about Convo ships link previews, in one page.");
  await expect(draftCard).toContainText("Daily Planet");
  await expect(draftCard.locator("img")).toHaveAttribute("src", /^data:image\/webp;base64,/);
  await expectNoAxeViolations(A, "[data-testid=chat-pane]");
  await screenshot(A, testInfo, "link-preview-composer");
  await A.getByTestId("composer-input").press("Enter");
  await expect(draftCard).toHaveCount(0);

  // Ben gets the message with the page's card above the text; the card opens the page.
  const card = bubble(B, "Have you seen this?").getByTestId("link-preview");
  await expect(card).toContainText("Convo ships link previews");
  await expect(card).toContainText("Daily Planet");
  await expect(card).toHaveAttribute("href", article);
  await expect(card).toHaveAttribute("target", "_blank");
  await expect(card.locator("img")).toHaveAttribute("src", /^data:image\/webp;base64,/);
  await expect(bubble(A, "Have you seen this?").getByTestId("link-preview")).toContainText("Convo ships link previews");
  await expectNoAxeViolations(B, "[data-testid=chat-pane]");
  await screenshot(B, testInfo, "link-preview-received");

  // The chat's Links lists it with the page's title and picture.
  await B.getByTestId("chat-header-button").click();
  await B.getByTestId("media-links-docs").click();
  const gallery = B.getByTestId("media-gallery");
  await gallery.getByTestId("gallery-tab-links").click();
  await expect(gallery.getByTestId("gallery-link")).toContainText("Convo ships link previews");
  await expect(gallery.getByTestId("gallery-link-thumbnail")).toHaveAttribute("src", /^data:image\/webp;base64,/);
  await expectNoAxeViolations(B, "[data-testid=media-gallery]");
  await screenshot(B, testInfo, "link-preview-gallery");

  // Reloaded, the preview comes with the history.
  await B.reload();
  await expect(bubble(B, "Have you seen this?").getByTestId("link-preview")).toContainText("Convo ships link previews");

  // × leaves the preview out of this message.
  const other = `${OIDC_ISSUER}/articles/Weather-turns-cold`;
  await A.getByTestId("composer-input").fill(`also ${other}`);
  await expect(draftCard).toContainText("Weather turns cold");
  await draftCard.getByRole("button", { name: "Remove link preview" }).click();
  await expect(draftCard).toHaveCount(0);
  await expect(A.getByTestId("composer-input")).toBeFocused();
  await A.getByTestId("composer-input").press("Enter");
  await expect(bubble(B, "also")).toBeVisible();
  await expect(bubble(B, "also").getByRole("link", { name: /Weather-turns-cold/ })).toBeVisible();
  await expect(bubble(B, "also").getByTestId("link-preview")).toHaveCount(0);

  expect(askedTheSite).toEqual([]);
});

test("with link previews off in Settings, a typed link is never sent to the server to fetch", async ({ newUsers }) => {
  const [ana, ben] = await newUsers(2, { label: "links-off" });
  await signInAll([ana!, ben!]);
  const A = ana!.page;
  const askedForPreviews: string[] = [];
  A.on("request", (req) => {
    if (req.url().includes("/api/v1/link-previews")) askedForPreviews.push(req.url());
  });
  await A.getByTestId("profile-button").click();
  await A.getByTestId("open-settings").click();
  const toggle = A.getByTestId("profile-drawer").getByTestId("settings-link-previews");
  await toggle.scrollIntoViewIfNeeded();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expectNoAxeViolations(A, '[data-testid="profile-drawer"]');
  await A.getByTestId("profile-back").click();

  await startDirectChat(A, ben!.name);
  await A.getByTestId("composer-input").fill(`private ${OIDC_ISSUER}/articles/Not-for-anyone`);
  // Past the pause after which the box would ask for it.
  await A.waitForTimeout(1_000);
  await expect(A.getByTestId("composer-link-preview")).toHaveCount(0);
  await expect(A.getByTestId("composer-link-preview-loading")).toHaveCount(0);
  await A.getByTestId("composer-input").press("Enter");
  await expect(bubble(A, "private")).toBeVisible();
  await expect(bubble(A, "private").getByTestId("link-preview")).toHaveCount(0);
  expect(askedForPreviews).toEqual([]);
});

test("the preview card reads well in the dark theme and on a phone", async ({ newUsers }, testInfo) => {
  const [ana, ben] = await newUsers(2, { label: "links-dark" });
  await ana!.page.emulateMedia({ colorScheme: "dark" });
  await ana!.page.setViewportSize({ width: 390, height: 760 });
  await signInAll([ana!, ben!]);
  const A = ana!.page;
  await startDirectChat(A, ben!.name);
  await A.getByTestId("composer-input").fill(`${OIDC_ISSUER}/articles/A-very-long-headline-that-goes-on-and-on-about-nothing-in-particular-at-all`);
  await expect(A.getByTestId("composer-link-preview")).toContainText("A very long headline");
  await A.getByTestId("composer-input").press("Enter");
  const card = bubble(A, "A-very-long-headline").getByTestId("link-preview");
  await expect(card).toContainText("A very long headline");
  const [cardBox, bubbleBox] = [await card.boundingBox(), await bubble(A, "A-very-long-headline").boundingBox()];
  expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(bubbleBox!.x + bubbleBox!.width + 1);
  expect(bubbleBox!.x + bubbleBox!.width).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(A, "[data-testid=chat-pane]");
  await screenshot(A, testInfo, "link-preview-dark-phone");
});
