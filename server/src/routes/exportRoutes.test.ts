/**
 * The export of a scripted session, end to end through a real server: real y-websocket clients
 * write every kind of content, feedback, notes, a vote and a harvest card; the Markdown is parsed
 * (marked), the HTML parsed (parse5) and the PDF's text extracted (pdf.js) — every item created in
 * the script must be in each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { marked, type Token } from 'marked';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import {
  ArtifactField,
  ArtifactKind,
  DATA_TABLE_HEADER_ROW,
  PLENARY_DOC,
  PlenaryRoot,
  TableRoot,
  cellKey,
  itemReactionKey,
} from '@worktable/shared';
import { findChromium } from '../record/pdf.js';
import { putArtifact as put, putThread, xmlElement, xmlText, yText } from '../testing/canvasWrites.js';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { onePixelPng } from '../testing/sampleFiles.js';
import { connectClient, createSessionWith, startTestServer, waitFor, type TestServer, type YClient } from '../testing/testServer.js';

type Node = DefaultTreeAdapterMap['node'];

let t: TestServer;
let sessionId = '';
let hostToken = '';
let participantToken = '';
let memberTokens: { id: string; token: string }[] = [];
let anaId = '';
let benId = '';
let hostControl: ControlClient | undefined;
const clients: ControlClient[] = [];

/** Every text the script writes; each must appear in every export. */
const SCRIPTED = {
  sticky: 'Students ask better questions in pairs',
  docTitle: 'Unit plan draft',
  docHeading: 'Week one goals',
  docBold: 'notice patterns',
  docItem: 'Collect exit tickets',
  link: 'https://example.org/protocols/tuning',
  linkTitle: 'Tuning protocol guide',
  tableCell: 'Rubric row A',
  image: 'classroom-photo.png',
  notes: 'The group found the rubric too long',
  warm: 'The exit tickets are a strong idea',
  probing: 'What would change if students set the goals?',
  reply: 'We could try that next week',
  vote: 'Which idea first?',
  harvest: 'Pairs make questions land',
} as const;

/** Ana wrote everything on the table, at one moment. */
const ANA = { id: 'p', name: 'Ana Alvarez', at: 1_800_000_000_000 };

/** An artifact by Ana at height `y`. */
function putArtifact(doc: Y.Doc, id: string, kind: string, fields: Record<string, unknown>, y: number): Y.Map<unknown> {
  return put(doc, id, kind, fields, { y }, ANA);
}

function writeTable(doc: Y.Doc, imageUploadId: string): void {
  doc.transact(() => {
    putArtifact(doc, 'a-sticky', ArtifactKind.Sticky, { [ArtifactField.Text]: yText(SCRIPTED.sticky) }, 0);
    const content = new Y.XmlFragment();
    putArtifact(doc, 'a-doc', ArtifactKind.Document, { [ArtifactField.Title]: SCRIPTED.docTitle, [ArtifactField.Content]: content }, 10);
    content.insert(0, [
      xmlElement('heading', [xmlText(SCRIPTED.docHeading)], { level: '2' }),
      xmlElement('paragraph', [xmlText('Students will '), xmlText(SCRIPTED.docBold, { bold: true })]),
      xmlElement('bulletList', [xmlElement('listItem', [xmlElement('paragraph', [xmlText(SCRIPTED.docItem)])])]),
      xmlElement('paragraph', [xmlText('<script>alert(1)</script>')]),
    ]);
    putArtifact(doc, 'a-link', ArtifactKind.Link, { [ArtifactField.Url]: SCRIPTED.link, [ArtifactField.Title]: SCRIPTED.linkTitle }, 20);
    putArtifact(doc, 'a-evil-link', ArtifactKind.Link, { [ArtifactField.Url]: 'javascript:alert(1)', [ArtifactField.Title]: 'Evil' }, 21);
    const rows = new Y.Array<string>();
    rows.push(['r1']);
    const columns = new Y.Array<string>();
    columns.push(['c1', 'c2']);
    const cells = new Y.Map<Y.Text>();
    // As the client writes it: the column names in the header row, which is not among the row ids.
    cells.set(cellKey(DATA_TABLE_HEADER_ROW, 'c1'), yText('Criterion'));
    cells.set(cellKey(DATA_TABLE_HEADER_ROW, 'c2'), yText('Level'));
    cells.set('r1:c1', yText(SCRIPTED.tableCell));
    cells.set('r1:c2', yText('3'));
    putArtifact(
      doc,
      'a-table',
      ArtifactKind.DataTable,
      { [ArtifactField.Title]: 'Rubric', [ArtifactField.RowIds]: rows, [ArtifactField.ColumnIds]: columns, [ArtifactField.Cells]: cells },
      30,
    );
    putArtifact(
      doc,
      'a-image',
      ArtifactKind.Image,
      { [ArtifactField.UploadId]: imageUploadId, [ArtifactField.Mime]: 'image/png', [ArtifactField.FileName]: SCRIPTED.image },
      40,
    );
    const notes = new Y.XmlFragment();
    putArtifact(
      doc,
      'a-notes',
      ArtifactKind.Document,
      { [ArtifactField.Title]: 'Notes · Tuning', [ArtifactField.NotesOf]: 'tuning', [ArtifactField.Content]: notes },
      50,
    );
    notes.insert(0, [
      xmlElement('heading', [xmlText('1 / 8 · Introduction')], { level: '2' }),
      xmlElement('paragraph', [xmlText(SCRIPTED.notes)]),
    ]);
    const thread = (id: string, type: string, messages: { text: string; authorName: string }[]) =>
      putThread(
        doc,
        id,
        'a-doc',
        type,
        messages.map((m, i) => ({ ...m, authorId: 'p', at: 1_800_000_000_000 + i })),
      );
    thread('t-warm', 'warm', [{ text: SCRIPTED.warm, authorName: 'Ben Brook' }]);
    thread('t-probing', 'probing', [
      { text: SCRIPTED.probing, authorName: 'Ben Brook' },
      { text: SCRIPTED.reply, authorName: 'Ana Alvarez' },
    ]);
  });
}

async function exportAs(format: string, token = hostToken): Promise<Response> {
  return fetch(`${t.url}/api/sessions/${sessionId}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === 'style') return '';
  return 'childNodes' in node ? node.childNodes.map(textOf).join(' ') : '';
}

function elements(node: Node, name: string): DefaultTreeAdapterMap['element'][] {
  const found: DefaultTreeAdapterMap['element'][] = [];
  const walk = (n: Node) => {
    if ('tagName' in n && n.tagName === name) found.push(n);
    if ('childNodes' in n) n.childNodes.forEach(walk);
  };
  walk(node);
  return found;
}

function markdownText(tokens: Token[]): string {
  return tokens
    .map((token) =>
      'tokens' in token && token.tokens
        ? markdownText(token.tokens)
        : 'items' in token
          ? markdownText(token.items as Token[])
          : 'rows' in token
            ? JSON.stringify(token)
            : ((token as { text?: string }).text ?? ''),
    )
    .join(' ');
}

beforeAll(async () => {
  t = await startTestServer();
  const { session, members } = await createSessionWith(t.url, ['Ana Alvarez', 'Ben Brook']);
  sessionId = session.sessionId;
  hostToken = session.hostToken;
  participantToken = members[0]!.token;
  memberTokens = members.map((m) => ({ id: m.participantId, token: m.token }));
  anaId = members[0]!.participantId;
  benId = members[1]!.participantId;
  const uploaded = await fetch(`${t.url}/api/sessions/${sessionId}/uploads?name=${SCRIPTED.image}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hostToken}` },
    body: onePixelPng(),
  });
  const { uploadId } = (await uploaded.json()) as { uploadId: string };
  const table: YClient = connectClient(t.wsUrl, sessionId, 'table-1', members[0]!.token);
  const plenary: YClient = connectClient(t.wsUrl, sessionId, PLENARY_DOC, members[1]!.token);
  await Promise.all([table.synced, plenary.synced]);
  writeTable(table.doc, uploadId);
  // Two people agree with the sticky, one loves it (reactions are counted, never named); each
  // writes their own (the relay reverts anyone else's).
  const benTable: YClient = connectClient(t.wsUrl, sessionId, 'table-1', members[1]!.token);
  await benTable.synced;
  for (const [doc, who, reaction] of [
    [table.doc, anaId, 'agree'],
    [table.doc, anaId, 'heart'],
    [benTable.doc, benId, 'agree'],
  ] as const) {
    doc.getMap<boolean>(TableRoot.Reactions).set(itemReactionKey('a-sticky', reaction, who), true);
  }
  plenary.doc.getMap(PlenaryRoot.Harvest).set('h1', {
    id: 'h1',
    tableId: 'table-1',
    tableName: 'Table 1',
    round: 1,
    kind: 'insight',
    text: SCRIPTED.harvest,
    by: 'p',
    byName: 'Ben Brook',
    at: 1,
  });

  const host = openControlClient(t.url, hostToken);
  const ana = openControlClient(t.url, members[0]!.token);
  const ben = openControlClient(t.url, members[1]!.token);
  clients.push(host, ana, ben);
  hostControl = host;
  await waitFor(() => [host, ana, ben].every((c) => c.states.length > 0));
  await host.send({ action: 'start' });
  await host.send({ action: 'openVote', items: ['a-sticky', 'a-doc'], dots: 2, title: SCRIPTED.vote });
  await ana.send({ action: 'vote', itemId: 'a-sticky', count: 2 });
  await ben.send({ action: 'vote', itemId: 'a-doc', count: 1 });
  await host.send({ action: 'revealVote' });
  await host.send({ action: 'closeVote' });
  await host.send({ action: 'next' });
  await new Promise((resolve) => setTimeout(resolve, 200)); // updates committed, snapshot taken
  table.destroy();
  benTable.destroy();
  plenary.destroy();
});

afterAll(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.stop();
});

describe('export', () => {
  it('E1 Markdown: parses, and holds every artifact, feedback item, note, vote and harvest card of the script', async () => {
    const response = await exportAs('md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/markdown');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="test-session-record.md"');
    const markdown = await response.text();
    const tokens = marked.lexer(markdown);
    expect(tokens.filter((tk) => tk.type === 'heading' && tk.depth === 1).map((tk) => (tk as { text: string }).text)).toEqual([
      'Test session',
    ]);
    const all = markdownText(tokens);
    for (const value of Object.values(SCRIPTED)) expect(all).toContain(value);
    expect(all).toContain('Warm feedback');
    expect(all).toContain('Probing question');
    expect(markdown).toMatch(/- 2 · Students ask better questions in pairs\n- 1 · Unit plan draft/); // ranked vote results
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toMatch(new RegExp(`${SCRIPTED.sticky}.*· 👍 2 · ❤️ 1\\*`));
    // The data table keeps its header row (it was lost in every format).
    expect(markdown).toContain(`| Criterion | Level |\n| --- | --- |\n| ${SCRIPTED.tableCell} | 3 |`);
    expect(markdown).toMatch(new RegExp(`^#### Introduction · ended \\d\\d:\\d\\d\n\n${SCRIPTED.notes}`, 'm')); // the phase's notes under it
    // Who held each role over which phases (one phase ended here: Introduction, phase 1).
    for (const role of ['Facilitator', 'Presenter', 'Scribe', 'Timekeeper'])
      expect(markdown).toMatch(new RegExp(`^- ${role}: .+ \\(phase 1\\)$`, 'm'));
    // The summary, then themes and harvest, then the table.
    expect(tokens.filter((tk) => tk.type === 'heading' && tk.depth === 2).map((tk) => (tk as { text: string }).text)).toEqual([
      'Summary',
      'Themes and harvest',
      'Tuning Protocol',
    ]);
  });

  it('E2 HTML: self-contained, no scripts, escaped, and holds every item of the script', async () => {
    const response = await exportAs('html');
    expect(response.status).toBe(200);
    const html = await response.text();
    const document = parse(html);
    expect(elements(document, 'script')).toEqual([]);
    expect(
      elements(document, 'h1')
        .map(textOf)
        .map((s) => s.trim()),
    ).toEqual(['Test session']);
    const body = textOf(document).replace(/\s+/g, ' ');
    for (const value of Object.values(SCRIPTED)) expect(body).toContain(value);
    expect(body).toContain('<script>alert(1)</script>'); // shown as text, never run
    const images = elements(document, 'img').map((img) => img.attrs.find((a) => a.name === 'src')?.value ?? '');
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^data:image\/png;base64,/);
    const hrefs = elements(document, 'a').map((a) => a.attrs.find((x) => x.name === 'href')?.value ?? '');
    expect(hrefs).toContain(SCRIPTED.link);
    expect(hrefs.every((href) => /^(https?:|mailto:)/.test(href))).toBe(true);
    expect(html).toContain("default-src 'none'");
    const headers = elements(document, 'th').map(textOf);
    expect(headers).toEqual(expect.arrayContaining(['Criterion', 'Level']));
  });

  it.skipIf(findChromium(undefined) === null)(
    'E3 PDF: printed by Chromium, its text holds every item of the script',
    async () => {
      const response = await exportAs('pdf');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await pdfjs.getDocument({ data: bytes, useSystemFonts: true }).promise;
      let all = '';
      for (let page = 1; page <= pdf.numPages; page++) {
        const content = await (await pdf.getPage(page)).getTextContent();
        all += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
      }
      const squashed = all.replace(/\s+/g, '');
      for (const value of Object.values(SCRIPTED)) expect(squashed).toContain(value.replace(/\s+/g, ''));
      // It opens with the summary, then the themes and harvest, then the table.
      const at = ['Summary', 'Themesandharvest', SCRIPTED.harvest.replace(/\s+/g, ''), 'Table1', SCRIPTED.sticky.replace(/\s+/g, '')].map(
        (s) => squashed.indexOf(s),
      );
      expect(at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!))).toBe(true);
    },
    60_000,
  );

  it('E4 the host and the facilitator export, nobody else; bad formats and tokens get clear errors', async () => {
    // Ana facilitates: she may export; Ben, who does not, is refused.
    expect(await hostControl!.send({ action: 'assign', role: 'facilitator', participantId: anaId })).toMatchObject({ ok: true });
    expect((await exportAs('md', participantToken)).status).toBe(200);
    const ben = memberTokens.find((m) => m.id === benId)!;
    const refused = await exportAs('md', ben.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: 'forbidden', message: 'only the host or a facilitator can export the record; ask them for a copy' },
    });
    expect((await exportAs('docx')).status).toBe(400);
    expect((await fetch(`${t.url}/api/sessions/${sessionId}/export`)).status).toBe(401);
  });

  it('E5 participation: the host sees everyone, a participant their own row until the host shares it', async () => {
    type Rows = { scope: string; rows: { participantId: string; dots: number; rolePhases: Record<string, number>; quiet: boolean }[] };
    const get = async (token: string): Promise<Rows> =>
      (await (
        await fetch(`${t.url}/api/sessions/${sessionId}/participation`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as Rows;
    const all = await get(hostToken);
    expect(all.scope).toBe('all');
    expect(all.rows).toHaveLength(3);
    expect(all.rows.find((r) => r.participantId === anaId)?.dots).toBe(2);
    expect(all.rows.find((r) => r.participantId === benId)?.dots).toBe(1);
    const phases = all.rows.reduce((sum, r) => sum + Object.values(r.rolePhases).reduce((a, b) => a + b, 0), 0);
    expect(phases).toBe(4); // one ended phase (Introduction) with four roles
    const anaView = await get(participantToken);
    const facilitates = all.rows.length > 0 && hostControl!.latest()!.roles.facilitator === anaId;
    expect(anaView.scope).toBe(facilitates ? 'all' : 'self');
    if (!facilitates) expect(anaView.rows.map((r) => r.participantId)).toEqual([anaId]);
    expect(await hostControl!.send({ action: 'shareParticipation', visible: true })).toMatchObject({
      ok: true,
      state: { participationShared: true },
    });
    expect((await get(participantToken)).scope).toBe('all');
  });
});
