/**
 * Calls at the table, end to end in Chromium with fake media (a microphone playing a steady tone,
 * Chromium's test-pattern camera) against a real server: three people of a Tuning group join
 * their table's call from the sidebar and get connected peer connections with inbound audio
 * (bytes growing); speaking time grows for the unmuted and stays ≈ 0 for the muted; the protocol
 * mutes the presenter while the group gives feedback ("I need to speak" unmutes and shows it to
 * the table) and everyone in a silent phase; a person whose browser refuses the microphone is
 * told what to do and keeps working at the table. Screenshots: call-*.png.
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, ParticipationRow } from '@worktable/shared';
import { openControlClient, type ControlClient, postJson, startTestServer, waitFor, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { SCREENSHOTS, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { REPORT_MS } from '../../client/src/call/voiceActivity.js';
import { startCoturn } from '../support/coturn.js';
import { launchWithFakeMedia, writeToneWav } from '../support/fakeMedia.js';

/** How long live changes may take to show up in a browser (the machine may be shared). */
const POLL = { timeout: 15_000, interval: 100 };

/** The call card of a page. */
const callCard = (page: Page) => page.locator('.call-card');
/** The entry of `participantId` in a page's call list. */
const peerEntry = (page: Page, participantId: string) => callCard(page).locator(`.call-peer[data-participant="${participantId}"]`);

/** Inbound audio bytes a page received from each peer, by participant id. */
async function inboundBytes(page: Page): Promise<Record<string, number>> {
  return page
    .locator('.call-peer[data-link]')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((el) => [el.getAttribute('data-participant') ?? '', Number(el.getAttribute('data-inbound-bytes') ?? 0)]),
      ),
    );
}

describe('calls at the table', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const controls: ControlClient[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchWithFakeMedia(writeToneWav())]);
  });
  afterAll(async () => {
    for (const c of controls) c.close();
    await browser?.close();
    await server?.stop();
  });

  const identityOf = (page: Page, sessionId: string) =>
    page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`worktable:identity:${id}`) ?? '{}') as { participantId: string; token: string },
      sessionId,
    );

  it('connects a Tuning group, measures speaking time, and lets the protocol mute the presenter', { timeout: 150_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Tuning: our feedback rubric',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const host = openControlClient(server.url, session.hostToken);
    controls.push(host);
    const names = ['Ana Alvarez', 'Ben Brook', 'Cy Chen'];
    const pages: Page[] = [];
    const ids: string[] = [];
    for (const name of names) {
      const page = await openPage(browser, server.url, undefined, errors);
      // Cy's camera is taken by another program: it cannot open, the microphone can.
      if (name === 'Cy Chen') {
        await page.addInitScript(() => {
          const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
          navigator.mediaDevices.getUserMedia = (constraints) =>
            constraints?.video ? Promise.reject(new DOMException('Device in use', 'NotReadableError')) : open(constraints);
        });
      }
      await joinByInvite(page, session.inviteUrl, name);
      pages.push(page);
      ids.push((await identityOf(page, session.sessionId)).participantId);
    }
    const [ana, ben, cy] = pages as [Page, Page, Page];
    const [anaId, benId, cyId] = ids as [string, string, string];

    // Everyone joins from the sidebar; the call says nothing is recorded.
    for (const page of pages) {
      await expect.poll(() => callCard(page).getByText('Worktable records nothing').isVisible(), POLL).toBe(true);
      await callCard(page).getByRole('button', { name: 'Join the call' }).click();
    }
    for (const page of pages) {
      for (const other of ids) {
        if (other === (await identityOf(page, session.sessionId)).participantId) continue;
        await expect.poll(() => peerEntry(page, other).getAttribute('data-link'), POLL).toBe('connected');
      }
    }
    // Audio flows between every pair: inbound bytes grow from each peer.
    const before = await Promise.all(pages.map(inboundBytes));
    await new Promise((r) => setTimeout(r, 4_500));
    const after = await Promise.all(pages.map(inboundBytes));
    pages.forEach((_, i) => {
      const from = Object.keys(after[i]!);
      expect(from).toHaveLength(2);
      for (const id of from) expect(after[i]![id]!).toBeGreaterThan((before[i]![id] ?? 0) + 1_000);
    });
    // Speaking rings: the fake microphones play a tone, so Ana sees Ben speak, in the call and in "Here now".
    await expect.poll(() => peerEntry(ana, benId).evaluate((el) => el.classList.contains('is-speaking')), POLL).toBe(true);
    await expect.poll(() => ana.locator('ul.people .person.is-speaking').count(), POLL).toBeGreaterThan(1);
    await screenshot(ana, 'call-connected');
    await callCard(ana).screenshot({ path: path.join(SCREENSHOTS, 'call-card-connected.png') });

    // Ben turns his camera on: Ana sees him. Cy's camera fails: he is told, and his audio goes on.
    await callCard(ben).getByRole('button', { name: 'Camera on' }).click();
    await expect.poll(() => callCard(ana).getByLabel('Ben Brook’s camera').count(), POLL).toBe(1);
    await callCard(cy).getByRole('button', { name: 'Camera on' }).click();
    await expect
      .poll(
        () =>
          callCard(cy)
            .getByText(/camera is busy in another program.*Audio goes on/)
            .isVisible(),
        POLL,
      )
      .toBe(true);
    const cyBytes = Number(await peerEntry(ana, cyId).getAttribute('data-inbound-bytes'));
    await expect
      .poll(async () => Number(await peerEntry(ana, cyId).getAttribute('data-inbound-bytes')) - cyBytes, POLL)
      .toBeGreaterThan(1_000);
    await callCard(ana).screenshot({ path: path.join(SCREENSHOTS, 'call-card-video.png') });
    await callCard(ben).getByRole('button', { name: 'Camera off' }).click();
    await expect.poll(() => callCard(ana).getByLabel('Ben Brook’s camera').count(), POLL).toBe(0);

    // Cy mutes (Ctrl+D); Ana and Ben keep talking (the fake microphone plays a tone).
    await cy.locator('body').click({ position: { x: 5, y: 5 } });
    await cy.keyboard.press('Control+d');
    await expect.poll(() => callCard(cy).getByRole('button', { name: 'Unmute' }).isVisible(), POLL).toBe(true);
    await expect.poll(() => peerEntry(ana, cyId).getByText('muted', { exact: true }).isVisible(), POLL).toBe(true);
    const spoken = async () => {
      const response = await fetch(`${server.url}/api/sessions/${session.sessionId}/participation`, {
        headers: { authorization: `Bearer ${session.hostToken}` },
      });
      const body = (await response.json()) as { rows: ParticipationRow[] };
      return Object.fromEntries(body.rows.map((r) => [r.participantId, r.spokenMs]));
    };
    // What Cy said before muting is reported within one report interval; count from after it.
    await new Promise((r) => setTimeout(r, REPORT_MS + 1_000));
    const start = await spoken();
    const grown = async () => {
      const now = await spoken();
      return Math.min((now[anaId] ?? 0) - (start[anaId] ?? 0), (now[benId] ?? 0) - (start[benId] ?? 0));
    };
    // Each browser reports every REPORT_MS: both speakers' time grows by several seconds.
    await expect.poll(grown, { timeout: 3 * REPORT_MS, interval: 500 }).toBeGreaterThan(5_000);
    const end = await spoken();
    // A muted microphone sends nothing at all (no encoder runs): Ana receives no audio from Cy.
    const fromCy = Number(await peerEntry(ana, cyId).getAttribute('data-inbound-bytes'));
    await new Promise((r) => setTimeout(r, 4_500));
    expect(Number(await peerEntry(ana, cyId).getAttribute('data-inbound-bytes')) - fromCy).toBeLessThan(500);
    expect((end[cyId] ?? 0) - (start[cyId] ?? 0)).toBeLessThan(1_000);
    // Ana sees her own speaking time in the participation view, beside what she contributed.
    await ana.getByRole('button', { name: 'Participation' }).click();
    const dialog = ana.locator('dialog.participation-dialog');
    await expect.poll(() => dialog.getByRole('columnheader', { name: 'Speaking in the call' }).isVisible(), POLL).toBe(true);
    await expect
      .poll(async () => (await dialog.getByTestId('spoken-time').first().textContent()) ?? '', POLL)
      .toMatch(/^00:(0[5-9]|[1-5]\d)$/);
    await screenshot(ana, 'call-participation');
    await ana.keyboard.press('Escape');

    // Ana presents; at the feedback phase she listens: muted by the protocol, "I need to speak" for her.
    expect(await host.send({ action: 'assign', role: 'presenter', participantId: anaId })).toMatchObject({ ok: true });
    expect(await host.send({ action: 'start' })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) expect(await host.send({ action: 'next' })).toMatchObject({ ok: true });
    await expect.poll(() => host.latest()?.phase?.id, POLL).toBe('examine');
    // A silent phase: everyone starts muted.
    for (const page of pages) await expect.poll(() => callCard(page).getByRole('button', { name: 'Unmute' }).isVisible(), POLL).toBe(true);
    for (let i = 0; i < 2; i++) expect(await host.send({ action: 'next' })).toMatchObject({ ok: true });
    await expect.poll(() => host.latest()?.phase?.id, POLL).toBe('feedback');
    await expect.poll(() => callCard(ana).getByRole('button', { name: 'I need to speak' }).isVisible(), POLL).toBe(true);
    // The silent phases' mute is lifted for Ben; Cy, who muted himself before them, stays muted.
    await expect.poll(() => callCard(ben).getByRole('button', { name: 'Mute', exact: true }).isVisible(), POLL).toBe(true);
    expect(await callCard(cy).getByRole('button', { name: 'Unmute' }).isVisible()).toBe(true);
    await expect.poll(() => peerEntry(ben, anaId).getByText('muted', { exact: true }).isVisible(), POLL).toBe(true);
    await callCard(ana).screenshot({ path: path.join(SCREENSHOTS, 'call-card-presenter-listens.png') });
    await callCard(ana).getByRole('button', { name: 'I need to speak' }).click();
    await expect.poll(() => peerEntry(ben, anaId).getByText('asks to speak').isVisible(), POLL).toBe(true);
    await expect.poll(() => peerEntry(ben, anaId).getByText('muted', { exact: true }).isVisible(), POLL).toBe(false);
    await callCard(ben).screenshot({ path: path.join(SCREENSHOTS, 'call-card-presenter-asks.png') });
    await expectAccessible(ben, 'the table with a call');

    // Ben's network drops and comes back (a laptop waking up): his call comes back by itself.
    await ben.context().setOffline(true);
    await expect.poll(() => peerEntry(ana, benId).count(), { timeout: 60_000, interval: 200 }).toBe(0);
    await ben.context().setOffline(false);
    await expect.poll(() => peerEntry(ana, benId).getAttribute('data-link'), { timeout: 30_000, interval: 200 }).toBe('connected');
    await expect.poll(() => peerEntry(ben, anaId).getAttribute('data-link'), POLL).toBe('connected');

    // Leaving the call takes you out of everyone's list.
    await callCard(cy).getByRole('button', { name: 'Leave the call' }).click();
    await expect.poll(() => peerEntry(ana, cyId).count(), POLL).toBe(0);
    // Hang up everywhere: calls left running would take the machine from the next test.
    for (const page of pages) await page.context().close();
    expect(errors).toEqual([]);
  });

  it('a café: one audio call in the plenary, then each table’s; a traveler’s call is with the new table within 3 s of the round start', {
    timeout: 150_000,
  }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Virtual café',
      protocol: 'world-cafe',
      hostName: 'Hana Host',
    });
    const host = openControlClient(server.url, session.hostToken);
    controls.push(host);
    const people: { name: string; page: Page; id: string }[] = [];
    for (const name of ['Ana Alvarez', 'Ben Brook', 'Cy Chen', 'Dee Diaz']) {
      const page = await openPage(browser, server.url, undefined, errors);
      await joinByInvite(page, session.inviteUrl, name);
      people.push({ name, page, id: (await identityOf(page, session.sessionId)).participantId });
    }
    await waitFor(() => host.states.length > 0, 5_000, 'host connected');
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true });
    // The opening plenary: everyone together in one audio call, arriving muted.
    expect(await host.send({ action: 'startRound' })).toMatchObject({ ok: true, state: { gathering: 'plenary' } });
    for (const { page } of people) {
      await expect.poll(() => callCard(page).getByText('join the plenary’s call').isVisible(), POLL).toBe(true);
      await callCard(page).getByRole('button', { name: 'Join the call' }).click();
    }
    for (const person of people) {
      for (const other of people)
        if (other !== person) await expect.poll(() => peerEntry(person.page, other.id).getAttribute('data-link'), POLL).toBe('connected');
      await expect.poll(() => callCard(person.page).getByRole('button', { name: 'Unmute' }).isVisible(), POLL).toBe(true);
    }
    await expect.poll(() => callCard(people[0]!.page).getByRole('heading').textContent(), POLL).toBe('Call · Plenary');
    expect(await callCard(people[0]!.page).getByRole('button', { name: 'Camera on' }).isDisabled()).toBe(true);
    await callCard(people[0]!.page).screenshot({ path: path.join(SCREENSHOTS, 'call-card-plenary.png') });

    // Round 1: each call moves to its table by itself.
    expect(await host.send({ action: 'next' })).toMatchObject({ ok: true, state: { gathering: 'tables' } });
    // The host sees every table's members on the dashboard (participants see only their own).
    const seating = () => host.dashboards.at(-1)?.tables ?? [];
    const tableOf = (id: string) => seating().find((t) => t.members.includes(id))!;
    await waitFor(() => people.every((p) => seating().some((t) => t.members.includes(p.id))), 5_000, 'everyone seated');
    for (const person of people) {
      const mate = tableOf(person.id).members.find((m) => m !== person.id)!;
      await expect.poll(() => peerEntry(person.page, mate).getAttribute('data-link'), POLL).toBe('connected');
      await expect.poll(() => callCard(person.page).locator('.call-peer[data-link]').count(), POLL).toBe(1);
    }
    const round1 = new Map(people.map((p) => [p.id, tableOf(p.id).id]));

    // Round 2: travelers move, table hosts stay; each call follows by itself.
    expect(await host.send({ action: 'endRound' })).toMatchObject({ ok: true });
    const started = Date.now();
    expect(await host.send({ action: 'startRound' })).toMatchObject({ ok: true, state: { round: 2 } });
    await waitFor(() => host.dashboards.at(-1)?.round === 2, 5_000, 'round 2 reached the host');
    const travelers = people.filter((p) => tableOf(p.id).id !== round1.get(p.id));
    expect(travelers.length).toBeGreaterThan(0);
    const reconnected = await Promise.all(
      people.map(async (person) => {
        const mates = tableOf(person.id).members.filter((m) => m !== person.id);
        await expect
          .poll(
            async () =>
              (await Promise.all(mates.map((m) => peerEntry(person.page, m).getAttribute('data-link')))).every((l) => l === 'connected'),
            { timeout: 10_000, interval: 50 },
          )
          .toBe(true);
        return Date.now() - started;
      }),
    );
    // Everyone's call is with their new table within 3 s of the round start (the bar).
    expect(Math.max(...reconnected)).toBeLessThan(3_000);
    const traveler = travelers[0]!;
    const newTable = tableOf(traveler.id);
    await expect.poll(() => callCard(traveler.page).locator('[aria-live]').textContent(), POLL).toContain(`Moving to ${newTable.name}`);
    await expect.poll(() => callCard(traveler.page).getByRole('heading').textContent(), POLL).toBe(`Call · ${newTable.name}`);
    await callCard(traveler.page).screenshot({ path: path.join(SCREENSHOTS, 'call-card-moved.png') });
    // Nobody keeps a link to their round-1 tablemate who moved away.
    for (const person of people) {
      const listed = await callCard(person.page)
        .locator('.call-peer[data-link]')
        .evaluateAll((items) => items.map((el) => el.getAttribute('data-participant')));
      expect(listed.sort()).toEqual(
        tableOf(person.id)
          .members.filter((m) => m !== person.id)
          .sort(),
      );
    }
    // The host visits the traveler's table: they join its call muted.
    const hostPage = await openPage(browser, server.url, undefined, errors);
    await hostPage.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await hostPage.getByRole('link', { name: 'Host dashboard' }).waitFor();
    await hostPage.goto(`/s/${session.sessionId}?table=${newTable.id}`);
    await hostPage.locator('.session-place').filter({ hasText: newTable.name }).waitFor();
    await callCard(hostPage).getByRole('button', { name: 'Join the call' }).click();
    await expect.poll(() => callCard(hostPage).getByRole('button', { name: 'Unmute' }).isVisible(), POLL).toBe(true);
    const hostId = host.latest() ? (await identityOf(hostPage, session.sessionId)).participantId : '';
    await expect.poll(() => peerEntry(traveler.page, hostId).getAttribute('data-link'), POLL).toBe('connected');
    await expect.poll(() => peerEntry(traveler.page, hostId).getByText('muted', { exact: true }).isVisible(), POLL).toBe(true);
    await callCard(hostPage).screenshot({ path: path.join(SCREENSHOTS, 'call-card-host-visits.png') });

    // With a call link of its own, the convening's plenary goes there: the calls leave.
    expect(await host.send({ action: 'callLink', tableId: null, url: 'https://meet.example.org/network-cafe' })).toMatchObject({
      ok: true,
    });
    expect(await host.send({ action: 'summon', to: 'plenary' })).toMatchObject({ ok: true });
    for (const { page } of people) {
      await expect.poll(() => callCard(page).getByText('join it through the call link above').isVisible(), POLL).toBe(true);
      await expect.poll(() => callCard(page).locator('.call-peer').count(), POLL).toBe(0);
    }
    for (const page of [hostPage, ...people.map((p) => p.page)]) await page.context().close();
    expect(errors).toEqual([]);
  });

  it('relays the audio through TURN (coturn on 127.0.0.1, relay-only ICE) with credentials from the shared secret', {
    timeout: 90_000,
  }, async () => {
    const turn = await startCoturn();
    const relayed = await startTestServer(turn.env);
    try {
      const { body: session } = await postJson<CreateSessionResponse>(`${relayed.url}/api/sessions`, {
        title: 'Through TURN',
        protocol: 'tuning',
        hostName: 'Hana Host',
      });
      const pages: Page[] = [];
      const ids: string[] = [];
      for (const name of ['Ana Alvarez', 'Ben Brook']) {
        const page = await openPage(browser, relayed.url, undefined, errors);
        await joinByInvite(page, session.inviteUrl, name);
        await callCard(page).getByRole('button', { name: 'Join the call' }).click();
        pages.push(page);
        ids.push((await identityOf(page, session.sessionId)).participantId);
      }
      const [ana, ben] = pages as [Page, Page];
      await expect
        .poll(() => peerEntry(ana, ids[1]!).getAttribute('data-link'), { timeout: 20_000, interval: 100 })
        .toBe('connected')
        .catch((error: unknown) => {
          console.log(turn.log.join(''));
          throw error;
        });
      // Only relay candidates exist, so the pair in use goes through coturn; audio still flows.
      await expect.poll(() => peerEntry(ana, ids[1]!).getAttribute('data-candidate'), POLL).toBe('relay');
      const first = Number(await peerEntry(ben, ids[0]!).getAttribute('data-inbound-bytes'));
      await expect
        .poll(async () => Number(await peerEntry(ben, ids[0]!).getAttribute('data-inbound-bytes')) - first, POLL)
        .toBeGreaterThan(2_000);
      expect(turn.log.join('')).toMatch(/ALLOCATE/i);
      for (const page of pages) await page.context().close();
    } finally {
      await relayed.stop();
      await turn.stop();
    }
    expect(errors).toEqual([]);
  });

  it('tells someone whose browser refuses the microphone what to do, and the table still works', { timeout: 60_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'No microphone here',
      protocol: 'tuning',
      hostName: 'Hana Host',
    });
    const page = await openPage(browser, server.url, undefined, errors);
    // The browser answers "blocked", as after the person clicked Block on the prompt.
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await joinByInvite(page, session.inviteUrl, 'Dee Diaz');
    await callCard(page).getByRole('button', { name: 'Join the call' }).click();
    const alert = callCard(page).getByRole('alert');
    await expect.poll(() => alert.textContent(), POLL).toMatch(/blocked your microphone.*Allow it for this site.*works without the call/);
    await expect.poll(() => callCard(page).getByRole('button', { name: 'Try the call again' }).isVisible(), POLL).toBe(true);
    await callCard(page).screenshot({ path: path.join(SCREENSHOTS, 'call-card-denied.png') });
    // The table works: a sticky note goes on the canvas.
    await page.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Sticky note text by Dee Diaz');
    expect(errors).toEqual([]);
  });
});
