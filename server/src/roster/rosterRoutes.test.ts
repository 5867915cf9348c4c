/**
 * The roster API against a real server on port 0 with a real SQLite file: import, personal links
 * that work for REST and socket.io, re-import without duplicates, pins and table hosts applied as
 * the host, refusals that change nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, CreateSessionResponse, DashboardPayload, RosterImportResult, RosterView, SessionView } from '@worktable/shared';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { postJson, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

let t: TestServer;
const clients: ControlClient[] = [];
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(async () => {
  await t.stop();
});

const ROSTER = [
  'Name,Organization,System role,Table host,Pinned table',
  'Ana Alvarez,Lincoln High,teacher,yes,1',
  'Ben Brook,Roosevelt Middle,principal,yes,',
  'Cy Chen,Lincoln High,teacher,,',
  'Dev Diallo,Eastside District,district leader,,2',
  'Eli Eriksen,Roosevelt Middle,teacher,,',
  'Fay Fischer,Eastside District,coach,,',
].join('\n');

async function createSession(): Promise<CreateSessionResponse> {
  const { body } = await postJson<CreateSessionResponse>(`${t.url}/api/sessions`, {
    title: 'Planning',
    protocol: 'world-cafe',
    hostName: 'Hana Host',
  });
  return body;
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: T & ApiError }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${t.url}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T & ApiError };
}

const importRoster = (session: CreateSessionResponse, csv: string, token = session.hostToken) =>
  call<RosterImportResult>('POST', `/api/sessions/${session.sessionId}/roster`, token, { csv });
const getRoster = (session: CreateSessionResponse, token: string | null = session.hostToken) =>
  call<RosterView>('GET', `/api/sessions/${session.sessionId}/roster`, token);
const listPeople = async (session: CreateSessionResponse) =>
  (await call<SessionView>('GET', `/api/sessions/${session.sessionId}`, session.hostToken)).body.participants;

/** The token of a personal link (`…#token=…`). */
const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('token') ?? '';

/** A host control client and its newest dashboard once `ready` holds for it. */
async function hostDashboard(
  session: CreateSessionResponse,
  ready: (d: DashboardPayload) => boolean,
): Promise<{ host: ControlClient; dashboard: () => DashboardPayload }> {
  const host = openControlClient(t.url, session.hostToken);
  clients.push(host);
  const dashboard = () => host.dashboards.at(-1) as DashboardPayload;
  await waitFor(() => host.dashboards.length > 0 && ready(dashboard()), 5000, 'the dashboard');
  return { host, dashboard };
}

describe('roster', () => {
  it('RI1 imports people with personal links that open the session over REST and socket.io; pins and table hosts are set', async () => {
    const session = await createSession();
    const { status, body } = await importRoster(session, ROSTER);
    expect(status).toBe(200);
    expect(body.added).toBe(6);
    expect(body.updated).toBe(0);
    expect(body.people.map((p) => p.name)).toEqual(['Ana Alvarez', 'Ben Brook', 'Cy Chen', 'Dev Diallo', 'Eli Eriksen', 'Fay Fischer']);
    expect(body.people[3]).toMatchObject({ organization: 'Eastside District', systemRole: 'district leader' });
    for (const person of body.people)
      expect(person.link).toMatch(new RegExp(`^${t.url}/s/${session.sessionId}#token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(Date.parse(body.linksExpireAt)).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);

    // The link's token works for the REST API…
    const ana = body.people[0]!;
    const view = await call<SessionView>('GET', `/api/sessions/${session.sessionId}`, tokenOf(ana.link));
    expect(view.status).toBe(200);
    expect(view.body.you).toEqual({ participantId: ana.participantId, role: 'participant' });

    // …and the dashboard shows everyone expected, pinned and named as the roster says (Ben, a host without a table, gets the first free one).
    const { dashboard } = await hostDashboard(session, (d) => d.people.length === 7);
    const person = (name: string) => dashboard().people.find((p) => p.name === name)!;
    expect(person('Ana Alvarez')).toMatchObject({ expected: true, present: false, pinnedTo: 'table-1', namedHostOf: 'table-1' });
    expect(person('Ben Brook')).toMatchObject({ expected: true, pinnedTo: 'table-2', namedHostOf: 'table-2' });
    expect(person('Dev Diallo')).toMatchObject({ pinnedTo: 'table-2', namedHostOf: null });
    expect(person('Cy Chen')).toMatchObject({ pinnedTo: null, namedHostOf: null });
    expect(person('Hana Host')).toMatchObject({ expected: false });

    // …and for socket.io: the person is here, no longer expected.
    const anaSocket = openControlClient(t.url, tokenOf(ana.link));
    clients.push(anaSocket);
    await waitFor(() => anaSocket.states.length > 0, 5000, 'Ana connected');
    await waitFor(() => person('Ana Alvarez').present && !person('Ana Alvarez').expected, 5000, 'Ana here on the dashboard');
  });

  it('RI2 seats expected people in the plan; someone who arrives with their link sits where the plan put them', async () => {
    const session = await createSession();
    await importRoster(session, ROSTER);
    const { host, dashboard } = await hostDashboard(session, (d) => d.people.length === 7);
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true });
    await waitFor(() => dashboard().plan.length === 3, 5000, 'the plan');
    const round1 = dashboard().plan[0]!.tables;
    expect(round1.flatMap((table) => table.members)).toHaveLength(6);
    expect(round1.map((table) => table.host)).toEqual([expect.any(String), expect.any(String)]);
    const dev = dashboard().people.find((p) => p.name === 'Dev Diallo')!;
    const planned = round1.find((table) => table.members.includes(dev.participantId))!;
    expect(planned.id).toBe('table-2');
    const roster = await getRoster(session);
    const devSocket = openControlClient(t.url, tokenOf(roster.body.people.find((p) => p.name === 'Dev Diallo')!.link));
    clients.push(devSocket);
    await waitFor(() => devSocket.latest()?.tableId === planned.id, 5000, 'Dev at the planned table');
  });

  it('RI3 importing again updates people instead of adding them again (also someone who joined with the invite link)', async () => {
    const session = await createSession();
    const walkIn = await postJson<{ participantId: string }>(`${t.url}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: 'Gus Garcia',
      organization: 'North Academy',
    });
    await importRoster(session, ROSTER);
    const second = await importRoster(
      session,
      `${ROSTER.replace('Cy Chen,Lincoln High,teacher', 'cy chen,LINCOLN HIGH,coach')}\nGus Garcia,North Academy,teacher,,\nHana Ho,North Academy,,,`,
    );
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ added: 1, updated: 7 });
    const people = await listPeople(session);
    expect(people).toHaveLength(9); // host, six, Gus (the walk-in), Hana Ho
    expect(people.filter((p) => p.name.toLowerCase() === 'cy chen')).toEqual([
      expect.objectContaining({ name: 'cy chen', systemRole: 'coach' }),
    ]);
    expect(second.body.people.find((p) => p.name === 'Gus Garcia')?.participantId).toBe(walkIn.body.participantId);
    // The same roster a third time: nothing new.
    expect((await importRoster(session, ROSTER)).body).toMatchObject({ added: 0, updated: 6 });
    expect(await listPeople(session)).toHaveLength(9);
  });

  it('RI4 only the host imports or lists the roster', async () => {
    const session = await createSession();
    const joined = await postJson<{ token: string }>(`${t.url}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: 'Pat',
    });
    const refused = await importRoster(session, ROSTER, joined.body.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('only the host can import a roster');
    expect((await getRoster(session, joined.body.token)).status).toBe(403);
    expect((await getRoster(session, null)).status).toBe(401);
    expect((await getRoster(session)).body.people).toEqual([]);
    expect(await listPeople(session)).toHaveLength(2);
  });

  it('RI5 a roster with problems is refused whole with the lines named, and changes nothing', async () => {
    const session = await createSession();
    await importRoster(session, ROSTER);
    const before = await listPeople(session);
    const bad = await importRoster(session, 'name,organization,table host\nZoe,Lincoln High,\n,Roosevelt,\nYan,,maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      code: 'bad_request',
      message: 'line 3: name: is required; line 4: table host: write yes or no (not "maybe"). Correct the roster and import it again',
    });
    expect((await importRoster(session, '')).body.error.message).toBe('csv: is empty: paste a header row and one line per person');
    expect((await call('POST', `/api/sessions/${session.sessionId}/roster`, session.hostToken, { rows: [] })).body.error.message).toBe(
      'csv: is required',
    );
    expect(await listPeople(session)).toEqual(before);

    // Once seated at two tables, a pin to table 3 cannot be honoured.
    const { host, dashboard } = await hostDashboard(session, (d) => d.people.length === 7);
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true });
    const tooFar = await importRoster(session, 'name,organization,pinned table\nAna Alvarez,Lincoln High,3\nZoe,Lincoln High,1');
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.error.message).toMatch(
      /^line 2: pinned table: the seating has 2 tables; pin to a table from 1 to 2, or seat again with more tables first/,
    );
    expect(await listPeople(session)).toEqual(before);
    expect(dashboard().people.find((p) => p.name === 'Ana Alvarez')?.pinnedTo).toBe('table-1');
  });
});
