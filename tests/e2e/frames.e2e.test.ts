/**
 * Frames end to end, in real Chromium against a real server: the host puts a frame on the table,
 * names it, drags a sticky note into it and then drags the frame; the participant sees the frame
 * and the note move together, and one undo puts both back. An observer cannot rename it.
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '@worktable/server/testing';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';
import { dragBy, positionOf } from '../support/canvasPage.js';

/** How long live sync may take to show up in another browser (the machine may be shared). */
const POLL = { timeout: 10_000, interval: 25 };

describe('frames: a named area that carries its contents', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const open = (viewport = DESKTOP) => {
    if (!browser || !server) throw new Error('setup failed');
    return openPage(browser, server.url, viewport, pageErrors);
  };
  const artifact = (page: Page, name: RegExp) => page.getByRole('group', { name });
  it('moves a frame with the note dragged into it, for everyone, in one undo step', { timeout: 90_000 }, async () => {
    const host = await open();
    await host.goto('/');
    await host.getByLabel('Session title').fill('Sorting the evidence');
    await host.getByLabel('Your name').fill('Hana Host');
    await host.getByRole('button', { name: 'Start session' }).click();
    const inviteUrl = await host.getByRole('textbox', { name: 'Invite link' }).inputValue();
    await host.getByRole('link', { name: 'Open the table' }).click();
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    await host.getByText('The table is empty.').waitFor();

    const pat = await open();
    await joinByInvite(pat, inviteUrl, 'Pat Participant');

    // Hana adds a frame and names it; Pat sees the name.
    const toolbar = host.getByRole('toolbar', { name: 'Add to the table' });
    await toolbar.getByRole('button', { name: 'Frame' }).click();
    const hostFrame = artifact(host, /^Frame by Hana Host/);
    await hostFrame.waitFor();
    // A new frame's name field has the focus: typing names it.
    await expect.poll(() => host.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL).toBe('Frame title by Hana Host');
    await host.keyboard.type('Evidence');
    await host.keyboard.press('Enter');
    const patFrame = artifact(pat, /^Frame by Hana Host: Evidence/);
    await patFrame.waitFor();
    expect(await patFrame.getByRole('textbox', { name: 'Frame title by Hana Host' }).inputValue()).toBe('Evidence');

    // She adds a sticky note and drags it into the frame.
    await toolbar.getByRole('button', { name: 'Sticky note' }).click();
    await host.keyboard.type('Quote from p. 2');
    const hostSticky = artifact(host, /^Sticky note by Hana Host/);
    const frameCard = await hostFrame.locator('.artifact-card').boundingBox();
    const stickyCard = await hostSticky.locator('.artifact-card').boundingBox();
    if (!frameCard || !stickyCard) throw new Error('frame or sticky not visible');
    await dragBy(host, hostSticky, frameCard.x + 60 - stickyCard.x, frameCard.y + 70 - stickyCard.y);
    const inFrame = await hostSticky.locator('.artifact-card').boundingBox();
    if (!inFrame) throw new Error('sticky not visible');
    expect(inFrame.x).toBeGreaterThan(frameCard.x);
    expect(inFrame.y).toBeGreaterThan(frameCard.y);
    expect(inFrame.x + inFrame.width).toBeLessThan(frameCard.x + frameCard.width);
    expect(inFrame.y + inFrame.height).toBeLessThan(frameCard.y + frameCard.height);
    const patSticky = artifact(pat, /^Sticky note by Hana Host/);
    await expect.poll(() => positionOf(patSticky), POLL).toEqual(await positionOf(hostSticky));
    const frameBefore = await positionOf(patFrame);
    const stickyBefore = await positionOf(patSticky);
    await screenshot(host, 'frames-01-sticky-inside');

    // Hana drags the frame: Pat sees the frame and the note move by the same amount.
    const zoom = await host.evaluate(() =>
      Number(getComputedStyle(document.querySelector('.canvas-world') as HTMLElement).getPropertyValue('--zoom')),
    );
    await dragBy(host, hostFrame, 150, 90);
    const hostFrameAfter = await positionOf(hostFrame);
    expect(hostFrameAfter.x - frameBefore.x).toBeCloseTo(150 / zoom, -1);
    expect(hostFrameAfter.y - frameBefore.y).toBeCloseTo(90 / zoom, -1);
    await expect.poll(() => positionOf(patFrame), POLL).toEqual(hostFrameAfter);
    const dx = hostFrameAfter.x - frameBefore.x;
    const dy = hostFrameAfter.y - frameBefore.y;
    await expect.poll(() => positionOf(patSticky), POLL).toEqual({ x: stickyBefore.x + dx, y: stickyBefore.y + dy });
    expect(await positionOf(hostSticky)).toEqual({ x: stickyBefore.x + dx, y: stickyBefore.y + dy });
    await host.getByRole('button', { name: 'Fit' }).click();
    await pat.getByRole('button', { name: 'Fit' }).click();
    await screenshot(host, 'frames-02-host-moved');
    await screenshot(pat, 'frames-03-participant-sees-move');

    // One undo puts both back.
    await host.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => positionOf(patFrame), POLL).toEqual(frameBefore);
    await expect.poll(() => positionOf(patSticky), POLL).toEqual(stickyBefore);

    // An observer sees the frame's name but cannot edit it.
    const olga = await open();
    await joinByInvite(olga, inviteUrl, 'Olga Observer', true);
    const olgaFrame = artifact(olga, /^Frame by Hana Host: Evidence/);
    await olgaFrame.getByText('Evidence', { exact: true }).waitFor();
    expect(await olgaFrame.getByRole('textbox').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });
});
