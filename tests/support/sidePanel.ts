/** The table page's side panel in sections (Phase · Feedback · Notes · People), for e2e tests. */
import type { Page } from 'playwright-core';

/** A section of the side panel, by its tab's name. */
export type SideSection = 'Phase' | 'Feedback' | 'Notes' | 'People';

/** Opens `section` of the side panel (its tab may carry a count, as in "People 4"). */
export async function openSection(page: Page, section: SideSection): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${section}\\b`) }).click();
}
