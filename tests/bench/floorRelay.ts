/**
 * The floor of `npm run bench`: the least work a y-websocket relay in Node can do per change. It
 * reads each frame with `ws` (as Worktable does) and writes the same bytes, framed once, to every
 * other socket of the room. No Yjs, no storage, no merging, no awareness state: a joining client
 * gets an empty document (an empty SyncStep2), so it is no usable server. It answers one question
 * in the same run as the real servers: how low can CPU per delivery go on this machine before a
 * relay checks, applies or stores anything? Listens on HOST:PORT.
 *
 *   PORT=4000 node --import tsx tests/bench/floorRelay.ts
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeBinaryFrame } from '@worktable/server/transport/webSocketFrame';

/** y-protocols: message type sync (0), SyncStep2 (1), an update of two bytes (no structs, no deletions). */
const EMPTY_SYNC_STEP_2 = Uint8Array.of(0, 1, 2, 0, 0);
const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;

/** The socket under a `ws` WebSocket, written to directly with the pre-framed bytes. */
function rawSocket(ws: WebSocket): Socket {
  return (ws as unknown as { _socket: Socket })._socket;
}

/** Room name (the URL path) → its open sockets. */
const rooms = new Map<string, Set<WebSocket>>();

const server = http.createServer((_request, response) => {
  response.end('floor relay\n');
});
const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: 2 * 1024 * 1024 });

wss.on('connection', (ws, request) => {
  const name = request.url ?? '/';
  const room = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, room);
  room.add(ws);
  ws.on('message', (data: Buffer) => {
    if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP_1) {
      ws.send(EMPTY_SYNC_STEP_2);
      return;
    }
    // The answer to a SyncStep1 this relay never sends: nothing to keep.
    if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP_2) return;
    const frame = encodeBinaryFrame(data);
    for (const peer of room) if (peer !== ws && peer.readyState === peer.OPEN) rawSocket(peer).write(frame);
  });
  ws.on('close', () => {
    room.delete(ws);
    if (room.size === 0) rooms.delete(name);
  });
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
});
