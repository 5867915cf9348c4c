/**
 * The record of a session with one table (a Tuning), end to end through a real server and
 * SQLite: real socket.io clients run all eight phases with roles assigned in the lobby and the
 * facilitator handed over midway, the presenter asks a focusing question, and a real y-websocket
 * client writes feedback of several types, the scribe's notes (with the presenter's reflection
 * under its phase heading) and a checklist of next steps. The Markdown and HTML must lead with
 * what the table came to — the question, what we heard by type, the reflection, the next steps —
 * list roles by who held them over which phases, keep people's text escaped, and print well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headings, section } from '../testing/recordReading.js';
import { docKey, type SessionState } from '@worktable/shared';
import { putChecklist, putNotes, putSticky, putThread } from '../testing/canvasWrites.js';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { connectClient, createSessionWith, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

const NAMES = ['Ana Alvarez', 'Ben Brook', 'Cy Chen', 'Dee Dutta', 'Eve Evans'];
/** A focusing question with Markdown and HTML in it, to be shown as written. */
const FOCUS = 'How can *feedback* <b>land</b> with [students]?';

let t: TestServer;
let sessionId = '';
let hostToken = '';
const controls: ControlClient[] = [];
const ids = new Map<string, string>();

async function send(client: ControlClient, action: Record<string, unknown>): Promise<SessionState> {
  const ack = await client.send(action);
  if (!ack.ok) throw new Error(`${String(action.action)} refused: ${ack.error.message}`);
  return ack.state;
}

async function exportAs(query: string): Promise<string> {
  const response = await fetch(`${t.url}/api/sessions/${sessionId}/export?${query}`, { headers: { authorization: `Bearer ${hostToken}` } });
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  t = await startTestServer();
  const { session, members } = await createSessionWith(t.url, NAMES);
  ({ sessionId, hostToken } = session);
  members.forEach((m, i) => {
    ids.set(NAMES[i]!, m.participantId);
  });
  const host = openControlClient(t.url, hostToken);
  const people = members.map((m) => openControlClient(t.url, m.token)); // a role goes to someone who is here
  const dee = people[3]!;
  controls.push(host, ...people);
  await waitFor(() => controls.every((c) => c.states.length > 0), 5000, 'everyone connected');
  const assign = (role: string, name: string) => send(host, { action: 'assign', role, participantId: ids.get(name) });
  await assign('facilitator', 'Ana Alvarez');
  await assign('scribe', 'Cy Chen');
  await assign('presenter', 'Dee Dutta');
  await assign('timekeeper', 'Eve Evans');
  await send(host, { action: 'start' });
  await send(dee, { action: 'focus', text: FOCUS });

  const table = connectClient(t.wsUrl, sessionId, 'table-1', hostToken);
  await table.synced;
  const by = (name: string) => ({ authorId: ids.get(name)!, authorName: name, at: Date.now() });
  const maker = { id: ids.get('Dee Dutta')!, name: 'Dee Dutta', at: Date.now() };
  table.doc.transact(() => {
    putSticky(table.doc, 'work', 'The unit rubric', { y: 0 }, maker);
    putThread(table.doc, 'w1', 'work', 'warm', [{ text: 'Clear criteria', ...by('Ana Alvarez') }]);
    putThread(table.doc, 'w2', 'work', 'warm', [{ text: '# Student voice', ...by('Ben Brook') }]);
    putThread(table.doc, 'w3', 'work', 'warm', [{ text: 'Good examples', ...by('Cy Chen') }]);
    putThread(table.doc, 'w4', 'work', 'warm', [{ text: 'Short enough', ...by('Eve Evans') }]);
    putThread(table.doc, 'c1', 'work', 'cool', [{ text: 'Timing is tight', ...by('Ben Brook') }]);
    putThread(table.doc, 'p1', 'work', 'probing', [{ text: 'What if students wrote it?', ...by('Eve Evans') }]);
    putNotes(
      table.doc,
      'notes',
      'tuning',
      'Notes · Tuning',
      [
        { heading: '1 / 8 · Introduction', text: 'Norms reviewed' },
        { heading: '7 / 8 · Presenter reflection', text: 'I will cut the rubric to one page' },
      ],
      { x: 600, y: 0 },
      maker,
    );
    putChecklist(
      table.doc,
      'steps',
      'Next steps',
      [
        { text: 'Cut the rubric to one page', owner: 'Dee Dutta', due: '2027-02-01' },
        { text: 'Ask students_to_try it', done: true },
        { text: '   ' },
      ],
      { y: 400 },
      maker,
    );
  });
  await waitFor(
    () => t.server.relay.loadedRoom(docKey(sessionId, 'table-1'))?.doc.getMap('artifacts').has('steps') === true,
    5000,
    'the table on the server',
  );
  table.destroy();

  for (let phase = 1; phase <= 8; phase++) {
    if (phase === 4) await assign('facilitator', 'Ben Brook'); // the facilitator hands over during phase 4
    await send(host, { action: 'next' });
  }
  const deadline = Date.now() + 5000;
  while ((await t.server.storage.listHistory(sessionId)).length < 8 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
}, 60_000);

afterAll(async () => {
  for (const c of controls.splice(0)) c.close();
  await t.stop();
});

describe('the record of a session with one table', () => {
  it('T1 leads with what the table came to: the focusing question, what we heard, the reflection and the next steps, before the agenda', async () => {
    const markdown = await exportAs('format=md&tz=UTC');
    expect(headings(markdown, 2)).toEqual(['Summary', 'Tuning Protocol']);
    const summary = section(markdown, 2, 'Summary');
    expect(headings(summary, 3)).toEqual(['What we heard', 'The presenter’s reflection', 'Next steps', 'Agenda', 'Who came']);
    expect(summary.indexOf('**Focusing question:**')).toBeGreaterThan(0);
    expect(summary.indexOf('**Focusing question:**')).toBeLessThan(summary.indexOf('### What we heard'));
    expect(section(summary, 3, 'The presenter’s reflection')).toContain('I will cut the rubric to one page');
    expect(section(summary, 3, 'The presenter’s reflection')).not.toContain('Norms reviewed');
    const html = await exportAs('format=html&tz=UTC');
    const order = [
      '<h2>Summary</h2>',
      'Focusing question:',
      '<h3>What we heard</h3>',
      '<h3>The presenter’s reflection</h3>',
      '<h3>Next steps</h3>',
      '<h3>Agenda</h3>',
      '<h3>Who came</h3>',
      '<h2>Tuning Protocol</h2>',
    ].map((s) => html.indexOf(s));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('T2 what we heard is grouped by feedback type in the protocol’s order, a few of each, the rest counted', async () => {
    const heard = section(section(await exportAs('format=md'), 2, 'Summary'), 3, 'What we heard');
    expect(heard.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- **Probing question (1)**',
      '- **Warm feedback (4)**',
      '- **Cool feedback (1)**',
    ]);
    expect(heard).toContain('  - Clear criteria\n  - \\# Student voice\n  - Good examples\n  - *and 1 more under Feedback below*');
    expect(heard).not.toContain('Short enough'); // the fourth warm one is counted, not quoted
    expect(heard).toContain('  - Timing is tight');
  });

  it('T3 next steps: what, who and by when, escaped; owners left out without names', async () => {
    const steps = section(section(await exportAs('format=md'), 2, 'Summary'), 3, 'Next steps');
    expect(steps.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- [ ] Cut the rubric to one page — Dee Dutta (by 2027-02-01)',
      '- [x] Ask students\\_to\\_try it',
    ]);
    const anonymous = await exportAs('format=md&names=0');
    expect(section(section(anonymous, 2, 'Summary'), 3, 'Next steps')).toContain('- [ ] Cut the rubric to one page (by 2027-02-01)');
    for (const name of NAMES) expect(anonymous).not.toContain(name);
    const html = await exportAs('format=html');
    expect(html).toContain('Cut the rubric to one page — <strong>Dee Dutta</strong> (by 2027-02-01)');
  });

  it('T4 roles by who held them over which phases, not repeated at every phase', async () => {
    const table = section(await exportAs('format=md'), 2, 'Tuning Protocol');
    expect(table).toContain(
      [
        '- Facilitator: Ana Alvarez (phases 1–3), Ben Brook (phases 4–8)',
        '- Scribe: Cy Chen (phases 1–8)',
        '- Presenter: Dee Dutta (phases 1–8)',
        '- Timekeeper: Eve Evans (phases 1–8)',
      ].join('\n'),
    );
    expect(table).toMatch(/^- Debrief · ended \d\d:\d\d$/m);
    const anonymous = section(await exportAs('format=md&names=0'), 2, 'Tuning Protocol');
    expect(anonymous).toMatch(/^- Facilitator: Participant \d+ \(phases 1–3\), Participant \d+ \(phases 4–8\)$/m);
  });

  it('T5 the focusing question is escaped in Markdown and HTML', async () => {
    const markdown = await exportAs('format=md');
    expect(section(markdown, 2, 'Summary')).toContain(
      '**Focusing question:** How can \\*feedback\\* \\<b\\>land\\</b\\> with \\[students\\]?',
    );
    const html = await exportAs('format=html');
    expect(html).toContain('How can *feedback* &lt;b&gt;land&lt;/b&gt; with [students]?');
    expect(html).not.toContain('<b>land</b>');
  });

  it('T6 the HTML prints well: a print stylesheet hides the download links, breaks pages before parts only, keeps items whole and writes out link addresses', async () => {
    const html = await exportAs('format=html');
    const print = /@media print\{([\s\S]*?)\}`?<\/style>/.exec(html)?.[1] ?? '';
    expect(print).toContain('.downloads{display:none}');
    expect(print).toContain('.themes,.part{break-before:page}');
    expect(print).toMatch(/\.artifact,[^{]*\{break-inside:avoid\}/);
    expect(print).toContain('content:" (" attr(href) ")"');
  });
});
