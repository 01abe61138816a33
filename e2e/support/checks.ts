import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

// What the specs check on a page besides behaviour: axe, and screenshots to look at.

/**
 * axe for a page, run in the page itself (legacy mode). The default gathers each frame's results
 * in a new blank page, for cross-origin frames, which Convo has none of: the same rules with the
 * same results, but 3.7–5.3 s a check against 1.6–2.1 s on a slow host, over about 70 checks.
 */
export const axeBuilder = (page: Page) => new AxeBuilder({ page }).setLegacyMode();

/** No axe violations on the page, or only inside `include` (a CSS selector). */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = axeBuilder(page);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A screenshot in the test's output folder, attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}
