/**
 * The record of a small café, end to end through a real server and SQLite: real socket.io
 * clients run the agenda (opening in the plenary, two rounds at two tables with a move during the
 * first, a closing harvest), real y-websocket clients write stickies, scribe notes, feedback, a
 * checklist, harvest cards and a theme. The Markdown and HTML (and one PDF) are read back for the
 * order a network lead sends (summary, themes and harvest, each round table by table, the plenary
 * in its place), times in the host's zone, and the options that leave names, organizations and
 * system roles out of every byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLENARY_DOC, PlenaryRoot, docKey, type SessionState, type WireTable } from '@worktable/shared';
import { findChromium } from './pdf.js';
import { putChecklist, putNotes, putSticky, putThread } from '../testing/canvasWrites.js';
import { headings, htmlHeadings, section } from '../testing/recordReading.js';
import { openControlClient, seatingSeenBy, type ControlClient } from '../testing/controlClient.js';
import { connectClient, postJson, startTestServer, waitFor, type TestServer, type YClient } from '../testing/testServer.js';

import { ALL_NAMES, HOST_NAME, PEOPLE, miniCafe } from './conveningRecordCast.js';

let t: TestServer;
let sessionId = '';
let hostToken = '';
let host: ControlClient;
const controls: ControlClient[] = [];
const ids = new Map<string, string>();
const tokens = new Map<string, string>();
let round1: WireTable[] = [];
let moved = '';
let round1At = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(action: Record<string, unknown>): Promise<SessionState> {
  const ack = await host.send(action);
  if (!ack.ok) throw new Error(`${String(action.action)} refused: ${ack.error.message}`);
  await sleep(5); // a later moment than anything before it
  return ack.state;
}

/**
 * Writes as `by` (the host unless named: the server records whoever's connection wrote an item as
 * its author) with a y-websocket client and waits until the server's copy has `key` in `root`.
 */
async function write(docName: string, root: string, key: string, edit: (client: YClient) => void, by = HOST_NAME): Promise<void> {
  const client = connectClient(t.wsUrl, sessionId, docName, tokens.get(by) ?? hostToken);
  await client.synced;
  edit(client);
  await waitFor(
    () => t.server.relay.loadedRoom(docKey(sessionId, docName))?.doc.getMap(root).has(key) === true,
    5000,
    `${key} on the server`,
  );
  client.destroy();
  await sleep(5);
}

const maker = (name: string) => ({ id: ids.get(name) ?? '', name, at: Date.now() });

async function exportAs(query: string): Promise<Response> {
  return fetch(`${t.url}/api/sessions/${sessionId}/export?${query}`, { headers: { authorization: `Bearer ${hostToken}` } });
}

beforeAll(async () => {
  t = await startTestServer();
  const created = await postJson<{ sessionId: string; hostToken: string; inviteCode: string; participantId: string }>(
    `${t.url}/api/sessions`,
    { title: 'Network café', customProtocol: miniCafe, hostName: HOST_NAME },
  );
  ({ sessionId, hostToken } = created.body);
  ids.set(HOST_NAME, created.body.participantId);
  host = openControlClient(t.url, hostToken);
  controls.push(host);
  for (const person of PEOPLE) {
    const joined = await postJson<{ participantId: string; token: string }>(`${t.url}/api/sessions/${sessionId}/join`, {
      inviteCode: created.body.inviteCode,
      ...person,
    });
    ids.set(person.name, joined.body.participantId);
    tokens.set(person.name, joined.body.token);
    controls.push(openControlClient(t.url, joined.body.token));
  }
  await waitFor(() => controls.every((c) => c.states.length > 0), 5000, 'everyone connected');

  await send({ action: 'seat', tableCount: 2 });
  await send({ action: 'startRound' }); // the opening, in the plenary
  await write(
    PLENARY_DOC,
    'artifacts',
    'p-open',
    (c) => putSticky(c.doc, 'p-open', 'Checking in: curious', { y: 0 }, maker('Ana Alvarez')),
    'Ana Alvarez',
  );
  await send({ action: 'endRound' });

  await send({ action: 'startRound' }); // round 1 at the tables
  await waitFor(() => controls.every((c) => c.latest()?.round === 1), 5000, 'round 1 seated');
  round1 = seatingSeenBy(controls);
  round1At = Date.now();
  const table1 = round1.find((x) => x.id === 'table-1')!;
  moved = table1.members.find((m) => m !== table1.host)!;
  // Written out of reading order on purpose: the record lists the row at y≈0 first, left to right.
  await write(
    'table-1',
    'artifacts',
    'r1-c',
    (c) =>
      c.doc.transact(() => {
        putSticky(c.doc, 'r1-b', 'Second in the first row', { x: 300, y: 10 }, maker('Ben Brook'));
        putSticky(c.doc, 'r1-c', 'First of the second row', { x: 0, y: 400 }, maker('Ben Brook'));
      }),
    'Ben Brook',
  );
  await write(
    'table-1',
    'artifacts',
    'r1-notes',
    (c) =>
      c.doc.transact(() => {
        putSticky(c.doc, 'r1-a', 'First in the first row', { x: 0, y: 60 }, maker('Ana Alvarez'));
        putChecklist(
          c.doc,
          'r1-list',
          'Next steps',
          [{ text: 'Share the rubric', owner: 'Ana Alvarez' }],
          { y: 800 },
          maker('Ana Alvarez'),
        );
        putNotes(
          c.doc,
          'r1-notes',
          'mini-cafe@round-1',
          'Notes · Round 1',
          [
            { heading: '1 / 2 · Talk · Round 1', text: 'We talked about trust' },
            { heading: '2 / 2 · Gather · Round 1', text: '' },
          ],
          { x: 900, y: 0 },
          maker('Ana Alvarez'),
        );
      }),
    'Ana Alvarez',
  );
  await write(
    'table-1',
    'feedback',
    'r1-thread',
    (c) =>
      putThread(c.doc, 'r1-thread', 'r1-a', 'warm', [
        { text: 'Love this one', authorId: ids.get('Ben Brook')!, authorName: 'Ben Brook', at: Date.now() },
      ]),
    'Ben Brook',
  );
  await send({ action: 'move', participantId: moved, tableId: 'table-2' }); // the seating as it ended differs
  await send({ action: 'next' }); // Talk ends at every table
  await send({ action: 'endRound' }); // Gather ends

  await send({ action: 'startRound' }); // round 2, travelers move
  await write(
    'table-1',
    'artifacts',
    'r2-a',
    (c) => putSticky(c.doc, 'r2-a', 'A round two idea', { y: 0 }, maker('Chloé Chen')),
    'Chloé Chen',
  );
  await send({ action: 'endRound' });

  await send({ action: 'startRound' }); // the closing harvest, in the plenary
  // Each card written by its author (the server records whoever's connection wrote it).
  const card = (id: string, by: string, fields: Record<string, unknown>) => ({
    id,
    by: ids.get(by),
    byName: by,
    at: Date.now(),
    ...fields,
  });
  const putCard = (id: string, by: string, fields: Record<string, unknown>) =>
    write(PLENARY_DOC, PlenaryRoot.Harvest, id, (c) => c.doc.getMap(PlenaryRoot.Harvest).set(id, card(id, by, fields)), by);
  await putCard('c1', 'Ana Alvarez', {
    tableId: 'table-1',
    tableName: 'Table 1',
    round: 1,
    kind: 'insight',
    text: 'Trust grows in small steps',
  });
  await putCard('c2', 'Dev Dutta', {
    tableId: 'table-2',
    tableName: 'Table 2',
    round: 2,
    kind: 'question',
    text: 'Who else should be here?',
  });
  await putCard('c3', 'Eve Evans', {
    tableId: 'table-2',
    tableName: 'Table 2',
    round: 1,
    kind: 'shift',
    text: 'data was the issue',
    turnsOut: 'time was',
  });
  await write(PLENARY_DOC, PlenaryRoot.CardThemes, 'c1', (c) =>
    c.doc.transact(() => {
      c.doc
        .getMap(PlenaryRoot.Themes)
        .set('th1', { id: 'th1', name: 'Trust and belonging', order: 0, by: ids.get(HOST_NAME), at: Date.now() });
      c.doc.getMap(PlenaryRoot.CardThemes).set('c1', 'th1');
      c.doc.getMap(PlenaryRoot.CardThemes).set('c2', 'th1');
    }),
  );
  await write(
    PLENARY_DOC,
    'artifacts',
    'p-close',
    (c) => putSticky(c.doc, 'p-close', 'Leaving hopeful', { y: 0 }, maker('Finn Fox')),
    'Finn Fox',
  );
  await send({ action: 'endRound' });
  // Every phase that ended has its history label: 1 welcome, talk and gather at 2 tables in round 1, talk at 2 in round 2, 1 harvest.
  const deadline = Date.now() + 5000;
  while ((await t.server.storage.listHistory(sessionId)).length < 8 && Date.now() < deadline) await sleep(20);
}, 60_000);

afterAll(async () => {
  for (const c of controls.splice(0)) c.close();
  await t.stop();
});

describe('the record a network lead sends', () => {
  it('R1 opens with the summary, then themes and harvest, then the agenda in order: the plenary in its place, each round table by table', async () => {
    const markdown = await (await exportAs('format=md&tz=UTC')).text();
    expect(headings(markdown, 1)).toEqual(['Network café']);
    expect(headings(markdown, 2)).toEqual(['Summary', 'Themes and harvest', 'Plenary: Welcome', 'Round 1', 'Round 2', 'Plenary: Harvest']);
    expect(headings(section(markdown, 2, 'Round 1'), 3)).toEqual(['Table 1', 'Table 2']);
    const html = await (await exportAs('format=html&tz=UTC')).text();
    expect(htmlHeadings(html, 'h2')).toEqual([
      'Summary',
      'Themes and harvest',
      'Plenary: Welcome',
      'Round 1',
      'Round 2',
      'Plenary: Harvest',
    ]);

    const summary = section(markdown, 2, 'Summary');
    expect(summary).toContain('**Round 1** (20 min) — Question: “What matters most to us?”');
    expect(summary).toContain('**Round 2** (20 min) — Question: “What did we notice across tables?”');
    expect(summary).toContain('   - Talk (10 min)');
    expect(summary).toContain('7 people: 1 host, 6 participants.');
    expect(summary).toContain('By organization: Northside District (2), Riverside Schools (2), State Office (2), not given (1).');
    expect(summary).toContain(
      'By role in their system: instructional coach (3), principal (1), researcher (1), superintendent (1), not given (1).',
    );
    expect(summary).toContain('- Ana Alvarez (participant, Northside District, instructional coach)');
    // A convening's summary keeps its agenda first, then the next steps from every table's checklists, with their table.
    expect(headings(summary, 3)).toEqual(['Agenda', 'Next steps', 'Who came']);
    expect(section(summary, 3, 'Next steps')).toContain('- [ ] Share the rubric — Ana Alvarez *· Table 1*');
  });

  it('R2 themes group the harvest, each card with its table and round; ungrouped cards come last', async () => {
    const themes = section(await (await exportAs('format=md')).text(), 2, 'Themes and harvest');
    expect(headings(themes, 3)).toEqual(['Trust and belonging', 'Not in a theme yet']);
    expect(themes).toContain('- **Key insight** — Trust grows in small steps *(Table 1 · Round 1 · Ana Alvarez)*');
    expect(themes).toContain('- **Question** — Who else should be here? *(Table 2 · Round 2 · Dev Dutta)*');
    expect(section(themes, 3, 'Not in a theme yet')).toContain('We thought data was the issue; it turns out time was');
  });

  it('R3 each round shows its tables as the round started, the phases there with their notes, and what was made in that round', async () => {
    const markdown = await (await exportAs('format=md')).text();
    const name = (id: string) => [...ids].find(([, v]) => v === id)![0];
    const table1 = section(section(markdown, 2, 'Round 1'), 3, 'Table 1');
    const seatedLine = table1.split('\n').find((l) => l.startsWith('Seated: '))!;
    for (const id of round1.find((x) => x.id === 'table-1')!.members) expect(seatedLine).toContain(name(id));
    expect(seatedLine).toContain(name(moved)); // moved away during the round, still seated as it started
    // Talk has notes (a heading of its own); Gather had none: one line, no empty heading.
    expect(headings(table1, 4)).toEqual([expect.stringMatching(/^Talk · ended \d\d:\d\d$/), 'On the table', 'Feedback']);
    expect(table1).toContain('We talked about trust');
    expect(table1).toMatch(/^- Gather · ended \d\d:\d\d$/m);
    // Roles by who held them over which phases of the round (Talk is phase 1, Gather phase 2), not per phase.
    for (const role of ['Facilitator', 'Table host', 'Reporter'])
      expect(table1).toMatch(new RegExp(`^- ${role}: [^,]+ \\(phases 1–2\\)$`, 'm'));
    expect(markdown).not.toContain('2 / 2 · Gather');
    // Stickies in reading order: the first row left to right, then the next row.
    const order = ['First in the first row', 'Second in the first row', 'First of the second row'].map((s) => table1.indexOf(s));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(table1).not.toContain('A round two idea');
    expect(section(section(markdown, 2, 'Round 2'), 3, 'Table 1')).toContain('A round two idea');
    expect(section(markdown, 2, 'Plenary: Welcome')).toContain('Checking in: curious');
    expect(section(markdown, 2, 'Plenary: Harvest')).toContain('Leaving hopeful');
    expect(section(markdown, 2, 'Plenary: Welcome')).toMatch(/^- Welcome · ended \d\d:\d\d/m);
  });

  it('R4 every time is in the zone asked for, named once in the summary; a zone that is not one gets 400', async () => {
    const at = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(round1At);
    for (const zone of ['Asia/Tokyo', 'America/New_York']) {
      const markdown = await (await exportAs(`format=md&tz=${encodeURIComponent(zone)}`)).text();
      const started = /^Started (\d\d:\d\d)\.$/m.exec(section(markdown, 2, 'Round 1'))?.[1];
      // The round started within a few ms of round1At: same minute, or the minute before.
      expect([
        at(zone),
        new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          round1At - 60_000,
        ),
      ]).toContain(started);
      const written = zone.replace('_', '\\_'); // as Markdown escapes it
      expect(markdown.split(written)).toHaveLength(2); // named once
      expect(markdown).toContain(`Times are in ${written} (GMT`);
      expect(markdown).not.toMatch(/\bUTC\b/);
    }
    const bad = await exportAs('format=md&tz=Mars%2FOlympus');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: {
        code: 'bad_request',
        message: 'tz: "Mars/Olympus" is not a time zone; use an IANA name such as Europe/Paris or America/New_York',
      },
    });
    expect((await exportAs('format=md&names=no')).status).toBe(400);
  });

  it('R5 without names no name is anywhere in the Markdown or HTML: people are numbered, the same number throughout', async () => {
    for (const format of ['md', 'html']) {
      const bytes = await (await exportAs(`format=${format}&names=0`)).text();
      for (const name of ALL_NAMES) expect(bytes, `${name} in ${format}`).not.toContain(name);
      expect(bytes).toContain('Participant 2'); // Ana, who joined after the host
    }
    const markdown = await (await exportAs('format=md&names=0')).text();
    expect(section(markdown, 2, 'Themes and harvest')).toContain('Trust grows in small steps *(Table 1 · Round 1 · Participant 2)*');
    expect(section(markdown, 2, 'Round 1')).toContain('First in the first row — *Participant 2');
    expect(section(markdown, 2, 'Round 1')).toContain('Participant 3: Love this one'); // Ben's feedback
    expect(section(markdown, 2, 'Summary')).toContain('7 people: 1 host, 6 participants.');
    expect(section(markdown, 2, 'Summary')).not.toMatch(/^- (?!\[[ x]\] )/m); // counted, not listed (the next steps are a task list)
    expect(section(markdown, 2, 'Summary')).toContain('- [ ] Share the rubric *· Table 1*'); // its owner left out
    expect(markdown).toContain('Share the rubric'); // the checklist stays, its owner goes
  });

  it('R6 without organizations or system roles they are nowhere either, and names stay when asked', async () => {
    for (const format of ['md', 'html']) {
      const withoutOrganizations = await (await exportAs(`format=${format}&organizations=0`)).text();
      for (const p of PEOPLE) expect(withoutOrganizations).not.toContain(p.organization);
      expect(withoutOrganizations).toContain('Ana Alvarez');
      expect(withoutOrganizations).toContain('instructional coach');
      const withoutRoles = await (await exportAs(`format=${format}&systemRoles=0`)).text();
      for (const p of PEOPLE) expect(withoutRoles).not.toContain(p.systemRole);
      expect(withoutRoles).toContain('Northside District');
    }
  });

  it.skipIf(findChromium(undefined) === null)(
    'R7 the PDF opens with the summary and themes, and leaves names out when asked',
    async () => {
      const response = await exportAs('format=pdf&names=0&tz=Europe%2FParis');
      expect(response.status).toBe(200);
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(await response.arrayBuffer()), useSystemFonts: true }).promise;
      let all = '';
      for (let page = 1; page <= pdf.numPages; page++) {
        const content = await (await pdf.getPage(page)).getTextContent();
        all += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
      }
      const text = all.replace(/\s+/g, ' ');
      expect(text.indexOf('Summary')).toBeLessThan(text.indexOf('Themes and harvest'));
      // Each heading after the one before (the agenda in the summary names the rounds too).
      let from = text.indexOf('Themes and harvest');
      for (const heading of ['Trust and belonging', 'Plenary: Welcome', 'Round 1', 'Table 1', 'Table 2', 'Round 2', 'Plenary: Harvest']) {
        const at = text.indexOf(heading, from + 1);
        expect(at, heading).toBeGreaterThan(from);
        from = at;
      }
      for (const name of ALL_NAMES) expect(text).not.toContain(name);
      expect(text).toContain('Europe/Paris');
    },
    60_000,
  );
});
