/**
 * People's text cannot become HTML in the Markdown record, end to end through a real server and
 * SQLite: a session whose title and people's names carry `<script>` and `<img onerror>`, scribe
 * notes with such a title, a document with a code block holding ``` fences and a link whose
 * address holds `>`, and a link card whose address holds `<` and `>`. The exported Markdown,
 * rendered with marked (as a viewer would), must contain no tag anyone wrote, and still show it
 * all as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marked } from 'marked';
import {
  ArtifactField,
  ArtifactKind,
  docKey,
  type CreateSessionResponse,
  type JoinSessionResponse,
  type SessionState,
} from '@worktable/shared';
import * as Y from 'yjs';
import { putArtifact, putNotes, putSticky, xmlElement, xmlText } from '../testing/canvasWrites.js';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { connectClient, postJson, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
/** A code block that closes its fence and opens HTML. */
const CODE = 'before\n```\n<img src=x onerror=alert(3)>\n````\n<script>alert(4)</script>';
/** A link address that closes the `<…>` destination. */
const HREF = 'https://example.org/a><img src=x onerror=alert(5)>';
/** A link card address with both angle brackets. */
const CARD_URL = 'https://example.org/<img src=x onerror=alert(6)>';

let t: TestServer;
let sessionId = '';
let hostToken = '';
const controls: ControlClient[] = [];

async function send(client: ControlClient, action: Record<string, unknown>): Promise<SessionState> {
  const ack = await client.send(action);
  if (!ack.ok) throw new Error(`${String(action.action)} refused: ${ack.error.message}`);
  return ack.state;
}

beforeAll(async () => {
  t = await startTestServer();
  const created = await postJson<CreateSessionResponse>(`${t.url}/api/sessions`, { title: `Session ${SCRIPT}` });
  ({ sessionId, hostToken } = created.body);
  const members: JoinSessionResponse[] = [];
  for (const name of [`Ana ${SCRIPT}`, `Ben ${IMG}`, 'Cy', 'Dee']) {
    const joined = await postJson<JoinSessionResponse>(`${t.url}/api/sessions/${sessionId}/join`, {
      inviteCode: created.body.inviteCode,
      name,
      role: 'participant',
    });
    members.push(joined.body);
  }
  const host = openControlClient(t.url, hostToken);
  const people = members.map((m) => openControlClient(t.url, m.token));
  controls.push(host, ...people);
  await waitFor(() => controls.every((c) => c.states.length > 0), 5000, 'everyone connected');
  await send(host, { action: 'start' });

  const table = connectClient(t.wsUrl, sessionId, 'table-1', members[0]!.token);
  await table.synced;
  const maker = { id: members[1]!.participantId, name: `Ben ${IMG}`, at: Date.now() };
  table.doc.transact(() => {
    putSticky(table.doc, 'sticky', `Sticky ${SCRIPT} ${IMG}`, { y: 0 }, maker);
    putNotes(
      table.doc,
      'notes',
      'tuning',
      `Notes ${IMG} ${SCRIPT}`,
      [{ heading: `1 / 8 · Introduction`, text: `Said ${IMG}` }],
      { x: 600, y: 0 },
      maker,
    );
    putNotes(
      table.doc,
      'other-notes',
      'another-protocol',
      `Other notes ${SCRIPT}`,
      [{ heading: `Heading ${IMG}`, text: 'text' }],
      { x: 900, y: 0 },
      maker,
    );
    const content = new Y.XmlFragment();
    putArtifact(
      table.doc,
      'doc',
      ArtifactKind.Document,
      { [ArtifactField.Title]: `Doc ${IMG}`, [ArtifactField.Content]: content },
      { y: 300 },
      maker,
    );
    content.insert(0, [
      xmlElement('codeBlock', [xmlText(CODE)]),
      xmlElement('paragraph', [xmlText('a link', { link: { href: HREF } }), xmlText(' and `code ``` with ticks`', { code: true })]),
    ]);
    putArtifact(
      table.doc,
      'card',
      ArtifactKind.Link,
      { [ArtifactField.Title]: `Card ${SCRIPT}`, [ArtifactField.Url]: CARD_URL },
      { y: 600 },
      maker,
    );
  });
  await waitFor(
    () => t.server.relay.loadedRoom(docKey(sessionId, 'table-1'))?.doc.getMap('artifacts').has('card') === true,
    5000,
    'the table on the server',
  );
  table.destroy();
  for (let phase = 1; phase <= 2; phase++) await send(host, { action: 'next' });
  const deadline = Date.now() + 5000;
  while ((await t.server.storage.listHistory(sessionId)).length < 2 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
}, 60_000);

afterAll(async () => {
  for (const c of controls.splice(0)) c.close();
  await t.stop();
});

/** Tags in rendered HTML that someone's text could have made (the record itself makes none of these). */
function injected(html: string): string[] {
  return [...html.matchAll(/<(script|img|iframe|svg)\b[^>]*>|<[a-z][^>]*\son\w+=[^>]*>|<a\b[^>]*href="(?!https?:|mailto:)[^"]*"/gi)].map(
    (m) => m[0],
  );
}

describe('the Markdown record and people’s HTML', () => {
  it('MI1 no tag anyone wrote survives rendering: titles, names, notes, code fences, link addresses, link cards', async () => {
    const response = await fetch(`${t.url}/api/sessions/${sessionId}/export?format=md&tz=UTC`, {
      headers: { authorization: `Bearer ${hostToken}` },
    });
    expect(response.status).toBe(200);
    const markdown = await response.text();
    const html = await marked.parse(markdown, { async: true });
    expect(injected(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    // Everything is still there, as text.
    for (const text of [
      'Session &lt;script&gt;',
      'Ana &lt;script&gt;',
      'Ben &lt;img src=x onerror=alert(2)&gt;',
      'Said &lt;img src=x onerror=alert(2)&gt;',
      'Other notes &lt;script&gt;',
      'Heading &lt;img',
      'Card &lt;script&gt;',
      'Sticky &lt;script&gt;',
    ]) {
      expect(html, text).toContain(text);
    }
    // The code block is one block holding all of its text, fences and all.
    const code = /<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '';
    expect(code).toContain('```\n&lt;img src=x onerror=alert(3)&gt;\n````\n&lt;script&gt;alert(4)&lt;/script&gt;');
    // The link keeps its whole address (encoded), the card too.
    expect(html).toContain('href="https://example.org/a%3E%3Cimg%20src=x%20onerror=alert(5)%3E"');
    expect(html).toContain('href="https://example.org/%3Cimg%20src=x%20onerror=alert(6)%3E"');
    // Inline code keeps its backticks as written.
    expect(html).toContain('<code> and `code ``` with ticks`</code>');
  });
});
