/** The socket.io rooms of the control plane besides a session's own (`sessionRoom`): its tables' and its hosts'. */

/** The prefix of every table room of a session (see `tableRoom`). */
export function tableRoomPrefix(sessionId: string): string {
  return `table:${sessionId}:`;
}

/** The socket.io room of the people at one table of a session (`null`: at no table). */
export function tableRoom(sessionId: string, tableId: string | null): string {
  return `${tableRoomPrefix(sessionId)}${tableId ?? '-'}`;
}

/** The socket.io room of a session's host sockets. */
export function hostsRoom(sessionId: string): string {
  return `hosts:${sessionId}`;
}
