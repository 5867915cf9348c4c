/**
 * Running a protocol end to end in Chromium: the host starts a Tuning Protocol; a participant's
 * countdown matches the host's within a second (both computed from the server's deadline and
 * clock); Next changes both banners; rotating roles updates everyone's badges.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RoleName, RotateAt, type CreateSessionResponse } from '@worktable/shared';
import { postJson, testPhase, testProtocol, type TestServer } from '@worktable/server/testing';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

describe('protocol: server-kept time and rotating roles', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  /** Seconds shown on a page's countdown (m:ss). */
  async function shownSeconds(page: Page): Promise<number> {
    const text = (await page.locator('.protocol-clock').first().textContent()) ?? '';
    const [minutes = 'NaN', seconds = 'NaN'] = text.trim().split(':');
    return Number(minutes) * 60 + Number(seconds);
  }
  const phaseHeading = (page: Page, title: string) =>
    page.getByRole('region', { name: 'Current phase' }).getByRole('heading', { name: new RegExp(`·\\s*${title}$`) });
  const myBadges = async (page: Page) => (await page.locator('.protocol-badge').allTextContents()).sort().join(', ');

  it('starts, counts down in step, advances and rotates roles for everyone', { timeout: 60_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Tuning: Grade 9 essays',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    const hostLink = `/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`;
    await host.goto(hostLink);
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    const pat = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(pat, session.inviteUrl, 'Pat Participant');

    await pat.getByText('Not started yet — the facilitator starts when the group is ready').waitFor();
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await phaseHeading(host, 'Introduction').waitFor();
    await phaseHeading(pat, 'Introduction').waitFor();

    // Both countdowns come from the same deadline and the server's clock.
    await pat.waitForFunction(() => (document.querySelector('.protocol-clock')?.textContent ?? '').includes(':'));
    const [hostSeconds, patSeconds] = await Promise.all([shownSeconds(host), shownSeconds(pat)]);
    expect(hostSeconds).toBeGreaterThan(4 * 60);
    expect(Math.abs(hostSeconds - patSeconds)).toBeLessThanOrEqual(1);
    await screenshot(pat, 'protocol-01-participant-running');

    // The ready check names who is done: the one marking it and the facilitator both see the name.
    const doer = (await pat.getByRole('button', { name: 'I’m done' }).count()) > 0 ? pat : host;
    const lead = doer === pat ? host : pat;
    await doer.getByRole('button', { name: 'I’m done' }).click();
    const doerName = doer === pat ? 'Pat Participant' : 'Hana Host';
    await lead
      .locator('.protocol-ready-names')
      .filter({ hasText: `Done: ${doerName}` })
      .waitFor();
    await doer.locator('.protocol-ready-names').filter({ hasText: 'Done: you' }).waitFor();

    // Next: both banners change.
    await host.getByRole('button', { name: 'Next', exact: true }).click();
    const moveOn = host.getByRole('button', { name: 'Move on' });
    if (await moveOn.isVisible().catch(() => false)) await moveOn.click();
    await phaseHeading(host, 'Presentation').waitFor();
    await phaseHeading(pat, 'Presentation').waitFor();
    await pat.getByText('Presenter only', { exact: false }).first().waitFor();

    // The scribe's browser headed the run's notes document with each phase, for everyone to see.
    const notes = (page: Page) => page.getByRole('group', { name: /^Document by .*Notes — Tuning Protocol/ });
    await notes(host).waitFor();
    await notes(pat).getByRole('heading', { name: '2 / 8 · Presentation' }).waitFor();
    await notes(host).getByRole('heading', { name: '1 / 8 · Introduction' }).waitFor();

    // Roles rotate when the facilitator asks: the two people swap, and both pages show it.
    const before = await myBadges(pat);
    expect(before).not.toBe('');
    await host.getByRole('button', { name: 'Rotate roles' }).click();
    await pat.waitForFunction(
      (previous) =>
        [...document.querySelectorAll('.protocol-badge')]
          .map((b) => b.textContent ?? '')
          .sort()
          .join(', ') !== previous,
      before,
    );
    const after = await myBadges(pat);
    expect(after).not.toBe(before);
    await screenshot(host, 'protocol-02-host-after-rotation');
    await screenshot(pat, 'protocol-03-participant-after-rotation');

    // Back asks first; "Stay here" keeps the phase and gives the focus back to Back.
    await host.getByRole('button', { name: 'Back', exact: true }).click();
    const confirmBack = host.getByRole('group', { name: 'Confirm going back' });
    await confirmBack.waitFor();
    await confirmBack.getByRole('button', { name: 'Stay here' }).click();
    await expect.poll(() => host.evaluate(() => document.activeElement?.textContent)).toBe('Back');
    await phaseHeading(pat, 'Presentation').waitFor();
    await host.keyboard.press('Enter');
    await confirmBack.getByRole('button', { name: 'Go back' }).click();
    await phaseHeading(pat, 'Introduction').waitFor();
    await expect.poll(() => host.evaluate(() => document.activeElement?.textContent)).toBe('Next');
    expect(errors).toEqual([]);
  });

  it('rotates roles by itself at the start of each round, and everyone’s badges follow', { timeout: 60_000 }, async () => {
    const rounds = testProtocol('two-rounds', [testPhase('talk', { prompt: 'Talk.' })], {
      title: 'Two rounds',
      summary: 'Roles rotate each round.',
      groupSize: { min: 2, max: 10 },
      roles: [RoleName.Facilitator, RoleName.Scribe],
      rotateAt: RotateAt.Round,
      rounds: 2,
    });
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Rounds',
      customProtocol: rounds,
      hostName: 'Hana Host',
    });
    const host = await openPage(browser, server.url, DESKTOP, errors);
    await host.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await host
      .getByRole('status')
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    const pat = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(pat, session.inviteUrl, 'Pat Participant');
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await pat.locator('.protocol-round').filter({ hasText: 'Round 1 of 2' }).waitFor();
    const roundOne = { host: await myBadges(host), pat: await myBadges(pat) };
    expect([roundOne.host, roundOne.pat].sort()).toEqual(['Facilitator', 'Scribe']);

    await host.getByRole('button', { name: 'Next', exact: true }).click();
    const moveOn = host.getByRole('button', { name: 'Move on' });
    if (await moveOn.isVisible().catch(() => false)) await moveOn.click();
    await pat.locator('.protocol-round').filter({ hasText: 'Round 2 of 2' }).waitFor();
    // Round 2 is a rotation point: the two people swap roles, and both pages show it.
    await pat.waitForFunction(
      (before) => [...document.querySelectorAll('.protocol-badge')].map((b) => b.textContent).join(', ') !== before,
      roundOne.pat,
    );
    expect(await myBadges(pat)).toBe(roundOne.host);
    await host.waitForFunction(
      (before) => [...document.querySelectorAll('.protocol-badge')].map((b) => b.textContent).join(', ') !== before,
      roundOne.host,
    );
    expect(await myBadges(host)).toBe(roundOne.pat);
    await screenshot(pat, 'protocol-04-round-two');
    expect(errors).toEqual([]);
  });
});
