/**
 * Where each benchmark connection goes. For Worktable every room is a session with one document
 * and every connection has its own participant token (created through the REST API, as real
 * clients do); the reference server takes any path as a room name.
 */
import { DEFAULT_TABLE_DOC, type CreateSessionResponse, type JoinSessionResponse } from '@worktable/shared';

/** Name of the document every benchmark room uses inside its session (a table's: the server opens no other names). */
export const BENCH_DOC_NAME = DEFAULT_TABLE_DOC;

/** The connection paths of one room (appended to the server's `ws://host:port`), one per client. */
export interface RoomPaths {
  /** Human-readable room name. */
  name: string;
  /** `paths[i]` is where client `i` connects; the first `writers` clients write. */
  paths: string[];
  /** `nodes[i]` is the server node (index) client `i` connects to; all on node 0 when absent. */
  nodes?: number[];
}

/**
 * Creates `rooms` sessions with `clients` participants each (the host is client 0). With
 * `nodeCount` > 1 the clients of every room alternate between the nodes (client `i` on node
 * `i % nodeCount`), so the writers (the first clients) are on different nodes too.
 */
export async function worktableRooms(httpUrl: string, rooms: number, clients: number, nodeCount = 1): Promise<RoomPaths[]> {
  const result: RoomPaths[] = new Array<RoomPaths>(rooms);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < rooms) {
      const index = next++;
      const room = await worktableRoom(httpUrl, index, clients);
      if (nodeCount > 1) room.nodes = room.paths.map((_, client) => client % nodeCount);
      result[index] = room;
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, rooms) }, worker));
  return result;
}

async function worktableRoom(httpUrl: string, index: number, clients: number): Promise<RoomPaths> {
  const session = await postJson<CreateSessionResponse>(`${httpUrl}/api/sessions`, { title: `Bench room ${index}` });
  const tokens = [session.hostToken];
  for (let i = 1; i < clients; i++) {
    const joined = await postJson<JoinSessionResponse>(`${httpUrl}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: `bench-${index}-${i}`,
    });
    tokens.push(joined.token);
  }
  const base = `/yjs/${encodeURIComponent(session.sessionId)}/${BENCH_DOC_NAME}?token=`;
  return { name: session.sessionId, paths: tokens.map((token) => base + encodeURIComponent(token)) };
}

/**
 * Rooms on the in-memory baselines: `/bench-room-<i>` for every client of room `i` (the reference
 * server takes the path as the room; the Hocuspocus client uses it without the slash as the
 * document name).
 */
export function referenceRooms(rooms: number, clients: number): RoomPaths[] {
  return Array.from({ length: rooms }, (_, index) => {
    const name = `bench-room-${index}`;
    return { name, paths: new Array<string>(clients).fill(`/${name}`) };
  });
}

/** POSTs JSON and returns the parsed answer; throws unless the server answered 201 Created. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}
