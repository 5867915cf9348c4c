/**
 * Live rooms and phones, end to end in Chromium against a real server: a World Café with five
 * participants (one on a 390 × 844 phone, one at a laptop, three connected over socket.io only).
 * The host's dashboard shows the invite's QR code ("Show big" fills the screen, Escape gives the
 * keyboard back) and opens the room display in a window of its own (1280 × 720, a projector):
 * the welcome with the code big, the seated tables, the opening plenary ("Everyone together",
 * the harvest wall), then round 1 — "Round 1 of 3", the round's question, a big timer counting
 * down, the table map with hosts and first names. On the phone the participant sees their table,
 * the question and the timer instead of the canvas; adds a sticky note that lands on their
 * tablemate's canvas clear of what was there; places a dot in a vote; posts a harvest card as
 * the reporter, which the room's harvest wall shows once everyone is called to the plenary. axe
 * finds no serious or critical violation on the dashboard, the room display or the phone.
 * Screenshots (room-*.png) land in tests/e2e/screenshots/ (gitignored).
 *
 * Needs the built client (`npm run build:client`) and Chromium at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinSessionResponse, SessionState } from '@worktable/shared';
import { openControlClient, seatingSeenBy, type ControlClient, postJson, waitFor, type TestServer } from '@worktable/server/testing';
import { expectAccessible } from '../support/axe.js';
import { DESKTOP, joinByInvite, openPage, screenshot } from '../support/browser.js';
import { withServerAndBrowser } from '../support/suite.js';

/** How long live changes may take to show up in a browser (the machine may be shared). */
const POLL = { timeout: 10_000, interval: 50 };
/** A projector's 16:9. */
const PROJECTOR = { width: 1280, height: 720 };
/** A phone held upright (an iPhone 12–15). */
const PHONE = { width: 390, height: 844 };
/** The phone's whole page, scrolled (its layout is one long column). */
const FULL_PAGE = { fullPage: true };

/** Someone in the café: their control socket (to read their seat), and their page if they have one. */
interface Person {
  name: string;
  participantId: string;
  token: string;
  control: ControlClient;
}

describe('room display and phone layout', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const controls: ControlClient[] = [];

  withServerAndBrowser((startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  });

  const stateOf = (person: Person): SessionState => {
    const state = person.control.latest();
    if (!state) throw new Error(`${person.name} has no state yet`);
    return state;
  };
  const identityOf = (page: Page, sessionId: string) =>
    page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`worktable:identity:${id}`) ?? '{}') as { participantId: string; token: string },
      sessionId,
    );
  /** Seconds shown by the big timer ("19:42" → 1182). */
  const shownSeconds = async (room: Page) => {
    const [minutes, seconds] = ((await room.locator('.room .protocol-clock').textContent()) ?? '').split(':').map(Number);
    return (minutes ?? 0) * 60 + (seconds ?? 0);
  };

  it('projects the café and lets a phone take part', { timeout: 150_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Café: what makes feedback land',
      protocol: 'world-cafe',
      hostName: 'Hana Host',
    });
    const host = openControlClient(server.url, session.hostToken);
    controls.push(host);

    // The phone and the laptop join through the invite link; three more join over the API.
    const phone = await openPage(browser, server.url, PHONE, errors);
    await joinByInvite(phone, session.inviteUrl, 'Ana Alvarez');
    const laptop = await openPage(browser, server.url, DESKTOP, errors);
    await joinByInvite(laptop, session.inviteUrl, 'Ben Brook');
    const people: Person[] = [];
    for (const [name, page] of [
      ['Ana Alvarez', phone],
      ['Ben Brook', laptop],
    ] as const) {
      const identity = await identityOf(page, session.sessionId);
      people.push({ name, ...identity, control: openControlClient(server.url, identity.token) });
    }
    for (const name of ['Cy Chen', 'Dee Diaz', 'Eli Ek']) {
      const { body } = await postJson<JoinSessionResponse>(`${server.url}/api/sessions/${session.sessionId}/join`, {
        inviteCode: session.inviteCode,
        name,
      });
      people.push({ name, ...body, control: openControlClient(server.url, body.token) });
    }
    controls.push(...people.map((p) => p.control));
    await waitFor(
      () => people.every((p) => p.control.states.length > 0) && host.states.length > 0,
      5000,
      'everyone on the control channel',
    );
    const [ana, ben] = people as [Person, Person];

    // The host opens the dashboard, and from it the room display in a window of its own.
    const hostPage = await openPage(browser, server.url, DESKTOP, errors);
    await hostPage.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await hostPage.getByRole('link', { name: 'Host dashboard' }).click();
    await hostPage.waitForURL(/\/dashboard$/);
    await hostPage.getByRole('img', { name: 'QR code of the invite link' }).waitFor();
    await screenshot(hostPage, 'room-00-dashboard-invite');
    await expectAccessible(hostPage, 'dashboard with the invite QR code');
    // "Show big" fills the screen with the code; Escape closes it and gives the keyboard back.
    const showBig = hostPage.getByRole('button', { name: 'Show big' });
    await showBig.click();
    const big = hostPage.getByRole('dialog', { name: 'Scan to join' });
    await big.getByRole('img', { name: 'QR code of the invite link' }).waitFor();
    expect(await big.textContent()).toContain(session.inviteUrl);
    await screenshot(hostPage, 'room-00-show-big');
    await hostPage.keyboard.press('Escape');
    await expect.poll(() => big.count(), POLL).toBe(0);
    await expect.poll(() => showBig.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    const [room] = await Promise.all([
      hostPage.context().waitForEvent('page'),
      hostPage.getByRole('link', { name: /Open room display/ }).click(),
    ]);
    room.on('pageerror', (error) => errors.push(`room: ${error.name}: ${error.message}`));
    await room.setViewportSize(PROJECTOR);
    await room.waitForURL(/\/room$/);
    await room.getByRole('heading', { level: 1, name: 'Café: what makes feedback land' }).waitFor();
    await room.getByText('Welcome — scan the code to join').waitFor();
    await room.getByRole('img', { name: 'QR code of the invite link' }).waitFor();
    await screenshot(room, 'room-01-before-seating');

    // Seat two tables, with Ben at Ana's table, and open the café in the plenary.
    expect((await host.send({ action: 'seat', tableCount: 2 })).ok).toBe(true);
    await waitFor(() => people.every((p) => stateOf(p).convening && stateOf(p).tableId !== null), 5000, 'everyone seated');
    if (stateOf(ben).tableId !== stateOf(ana).tableId) {
      expect((await host.send({ action: 'move', participantId: ben.participantId, tableId: stateOf(ana).tableId })).ok).toBe(true);
      await waitFor(() => stateOf(ben).tableId === stateOf(ana).tableId, 5000, 'Ben at Ana’s table');
    }
    await room.getByText('Welcome — find your table').waitFor();
    await expect.poll(() => room.locator('.room-plaque').count(), POLL).toBe(2);
    await screenshot(room, 'room-02-seated');

    expect((await host.send({ action: 'startRound' })).ok).toBe(true);
    await room.getByRole('heading', { name: 'Everyone together' }).waitFor();
    await room.getByRole('region', { name: 'Harvest', exact: true }).waitFor();
    await expect.poll(() => room.locator('.room-eyebrow').textContent(), POLL).toBe('Everyone together · Welcome and café etiquette');
    await screenshot(room, 'room-03-opening-plenary');

    // Round 1 at the tables: the round, its question, the big timer counting down, the table map.
    expect((await host.send({ action: 'startRound' })).ok).toBe(true);
    await waitFor(
      () => people.every((p) => stateOf(p).round === 1 && stateOf(p).gathering === 'tables' && stateOf(p).status === 'running'),
      5000,
      'round 1 at the tables',
    );
    const question = stateOf(ana).agenda?.blocks.find((b) => b.id === 'round-1')?.question;
    expect(question).toBeTruthy();
    await expect.poll(() => room.locator('.room-eyebrow').textContent(), POLL).toBe('Round 1 of 3 · Café round');
    await expect
      .poll(() => room.getByTestId('room-announcer').textContent(), POLL)
      .toBe('Now: Café round, 20 minutes. Round 1 of 3. Everyone speaks.');
    await room.getByRole('heading', { name: question! }).waitFor();
    const before = await shownSeconds(room);
    expect(before).toBeGreaterThan(19 * 60);
    await expect.poll(() => shownSeconds(room), { timeout: 5000, interval: 200 }).toBeLessThan(before);
    await room.getByRole('timer', { name: /left/ }).waitFor();
    const tables = seatingSeenBy(people.map((p) => p.control));
    for (const table of tables) {
      const plaque = room.locator('.room-plaque').filter({ hasText: table.name });
      await expect.poll(() => plaque.textContent(), POLL).toContain(table.name);
    }
    const anaTable = tables.find((t) => t.id === stateOf(ana).tableId)!;
    const anaPlaque = room.locator('.room-plaque').filter({ hasText: anaTable.name });
    // Whoever sits with Ana is on her table's plaque, by first name (the seating is the session's own).
    for (const id of anaTable.members) {
      const first = people.find((p) => p.participantId === id)!.name.split(' ')[0]!;
      await expect.poll(() => anaPlaque.textContent(), POLL).toContain(first);
    }
    await screenshot(room, 'room-04-round-one');
    await expectAccessible(room, 'room display at the tables');

    // The phone: Ana's table (its host, who else), the question, the round and the timer — no canvas.
    const nameOf = (id: string | null) => people.find((p) => p.participantId === id)?.name ?? 'nobody';
    const place = phone.getByRole('region', { name: anaTable.name, exact: true });
    await place.waitFor();
    expect(await phone.locator('.canvas-shell').count()).toBe(0);
    await expect
      .poll(() => place.locator('dd').first().textContent(), POLL)
      .toBe(anaTable.host === ana.participantId ? 'You' : nameOf(anaTable.host));
    await expect.poll(() => place.textContent(), POLL).toContain(ben.name);
    const phoneQuestion = phone.getByRole('region', { name: question!, exact: true });
    await expect.poll(() => phoneQuestion.textContent(), POLL).toContain('Round 1 of 3');
    await phone.getByRole('timer', { name: /left/ }).waitFor();
    const phoneClock = phone.locator('.protocol-clock');
    const phoneBefore = await phoneClock.textContent();
    await expect.poll(() => phoneClock.textContent(), { timeout: 5000, interval: 200 }).not.toBe(phoneBefore);
    await screenshot(phone, 'room-05-phone-at-table', FULL_PAGE);
    await expectAccessible(phone, 'phone at the table');

    // Ben put a note on the canvas first; Ana's note from the phone lands on his canvas beside it, hiding nothing.
    await laptop.getByRole('toolbar', { name: 'Add to the table' }).getByRole('button', { name: 'Sticky note' }).click();
    await expect
      .poll(() => laptop.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Sticky note text by Ben Brook');
    await laptop.keyboard.type('Ask before you give feedback.');
    await laptop.keyboard.press('Escape');
    await phone.getByLabel('Your note').fill('Feedback lands when it is asked for.');
    await phone.getByRole('button', { name: `Add to ${anaTable.name}` }).click();
    await phone
      .getByRole('status')
      .filter({ hasText: `Your note is on ${anaTable.name}.` })
      .waitFor();
    expect(await phone.getByLabel('Your note').inputValue()).toBe('');
    const anaNote = laptop.getByRole('group', { name: 'Sticky note by Ana Alvarez: Feedback lands when it is asked for.' });
    await anaNote.waitFor();
    const noteBox = await anaNote.boundingBox();
    const frames = await laptop.locator('[data-artifact-id]').all();
    expect(frames.length).toBeGreaterThan(1);
    for (const frame of frames) {
      if ((await frame.getAttribute('aria-label'))?.startsWith('Sticky note by Ana Alvarez')) continue;
      const box = await frame.boundingBox();
      const apart =
        !noteBox ||
        !box ||
        noteBox.x >= box.x + box.width ||
        box.x >= noteBox.x + noteBox.width ||
        noteBox.y >= box.y + box.height ||
        box.y >= noteBox.y + noteBox.height;
      expect(apart, `Ana's note overlaps ${await frame.getAttribute('aria-label')}`).toBe(true);
    }
    await screenshot(laptop, 'room-06-laptop-gets-the-phone-note');
    // The phone can still look at the canvas, and come back.
    await phone.getByRole('button', { name: 'Show the canvas' }).click();
    await phone.getByRole('group', { name: 'Sticky note by Ben Brook: Ask before you give feedback.' }).waitFor();
    await phone.getByRole('button', { name: 'Phone view' }).click();
    await phone.getByRole('button', { name: `Add to ${anaTable.name}` }).waitFor();

    // A dot vote at Ana's table: the phone lists the items with their − and +.
    const items = await Promise.all(frames.map((frame) => frame.getAttribute('data-artifact-id')));
    const opened = await host.send({
      action: 'openVote',
      tableId: anaTable.id,
      items: items.filter((id): id is string => id !== null),
      dots: 3,
      title: 'Which idea do we take further?',
    });
    expect(opened.ok).toBe(true);
    await phone.getByRole('heading', { name: 'Which idea do we take further?' }).waitFor();
    const dots = phone.getByRole('group', { name: /^Your dots on Feedback lands when it is asked for\./ });
    await dots.getByRole('button', { name: 'Add a dot' }).click();
    await expect
      .poll(() => dots.getAttribute('aria-label'), POLL)
      .toBe('Your dots on Feedback lands when it is asked for.: 1 here, 2 of 3 left');
    await phone.getByText('You have 2 dots left').waitFor();
    await screenshot(phone, 'room-07-phone-vote', FULL_PAGE);
    expect((await host.send({ action: 'closeVote', tableId: anaTable.id })).ok).toBe(true);

    // Ana reports for her table: the harvest form, on the phone.
    expect((await host.send({ action: 'assign', tableId: anaTable.id, role: 'reporter', participantId: ana.participantId })).ok).toBe(true);
    const form = phone.getByRole('form', { name: 'Post to the plenary' });
    await form.getByLabel('The insight', { exact: true }).fill('Feedback lands when the person asked for it.');
    await form.getByRole('button', { name: 'Post to the plenary' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Posted to the plenary: Key insight from ${anaTable.name}.` })
      .waitFor();

    // Everyone to the plenary: the room shows the harvest wall with Ana's card; the phone the plenary.
    expect((await host.send({ action: 'summon', to: 'plenary' })).ok).toBe(true);
    await room.getByRole('heading', { name: 'Everyone together' }).waitFor();
    await expect.poll(() => room.getByTestId('convening-announcer').textContent(), POLL).toBe('The host called everyone to the plenary.');
    const wall = room.getByRole('region', { name: 'Harvest', exact: true });
    await expect.poll(() => wall.textContent(), POLL).toContain('Feedback lands when the person asked for it.');
    await screenshot(room, 'room-08-plenary-harvest');
    await expectAccessible(room, 'room display in the plenary');
    await phone.getByRole('region', { name: 'The plenary', exact: true }).waitFor();
    await phone.getByRole('form', { name: 'Post to the plenary' }).waitFor();
    await screenshot(phone, 'room-09-phone-in-the-plenary', FULL_PAGE);
    await expectAccessible(phone, 'phone in the plenary');

    for (const control of controls) control.close();
    expect(errors).toEqual([]);
  });

  it('fits a bigger café on the projector: 30 people at 8 tables', { timeout: 90_000 }, async () => {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
      title: 'Regional café',
      protocol: 'world-cafe',
      hostName: 'Hana Host',
    });
    const host = openControlClient(server.url, session.hostToken);
    const sockets = [host];
    const first = ['Ana', 'Bo', 'Chen', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Max', 'Noor', 'Omar'];
    for (let i = 0; i < 30; i++) {
      const name = `${first[i % first.length]} ${i < first.length ? 'Alvarez' : 'Brook'}`;
      const { body } = await postJson<JoinSessionResponse>(`${server.url}/api/sessions/${session.sessionId}/join`, {
        inviteCode: session.inviteCode,
        name,
      });
      sockets.push(openControlClient(server.url, body.token));
    }
    await waitFor(() => sockets.every((s) => s.states.length > 0), 15_000, 'everyone connected');
    expect((await host.send({ action: 'seat', tableCount: 8 })).ok).toBe(true);
    expect((await host.send({ action: 'startRound' })).ok).toBe(true);
    expect((await host.send({ action: 'startRound' })).ok).toBe(true);

    // The host link stores the host's identity in this browser; the room display opens with it.
    const room = await openPage(browser, server.url, PROJECTOR, errors);
    await room.goto(`/s/${session.sessionId}#token=${encodeURIComponent(session.hostToken)}&code=${session.inviteCode}`);
    await room.getByRole('link', { name: 'Host dashboard' }).waitFor();
    await room.goto(`/s/${session.sessionId}/room`);
    await expect.poll(() => room.locator('.room-plaque').count(), POLL).toBe(8);
    await expect.poll(() => room.locator('.room-eyebrow').textContent(), POLL).toBe('Round 1 of 3 · Café round');
    // Two people share each first name: the map tells them apart by initial (which names depends on
    // the seating — hosts are shown in full — so any traveler's name will do).
    await expect.poll(() => room.locator('.room-tables').textContent(), POLL).toMatch(/\b[A-Z][a-z]+ [AB]\./);
    const bottom = await room.locator('.room-tables').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(PROJECTOR.height);
    await screenshot(room, 'room-10-eight-tables');
    await expectAccessible(room, 'room display with eight tables');
    for (const socket of sockets) socket.close();
    expect(errors).toEqual([]);
  });
});
