/** The table page's side panel in sections (Phase · Feedback · Notes · People), for e2e tests. */
import type { Locator, Page } from 'playwright-core';

/** A section of the side panel, by its tab's name. */
export type SideSection = 'Phase' | 'Feedback' | 'Notes' | 'People';

/** Opens `section` of the side panel (its tab may carry a count, as in "People 4"). */
export async function openSection(page: Page, section: SideSection): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${section}\\b`) }).click();
}

/** Writes feedback of the type labelled `typeLabel` on the item `frame`, from the side panel. */
export async function writeFeedback(page: Page, frame: Locator, typeLabel: string, text: string): Promise<void> {
  await frame.focus();
  await openSection(page, 'Feedback');
  const panel = page.getByRole('region', { name: 'Feedback', exact: true });
  await panel.getByLabel('Type', { exact: true }).selectOption({ label: typeLabel });
  await panel.getByLabel('Your feedback').fill(text);
  await panel.getByRole('button', { name: 'Add feedback' }).click();
  await panel.getByText(text).waitFor();
}
