/**
 * Presence that belongs to its sender. A connection may set and remove only the awareness states
 * of client ids it introduced — at most `maxClientsPerConnection` of them — and the states of a
 * room together may not pass `maxRoomBytes`, since every newcomer receives them in one message.
 * A state larger than `maxStateBytes` closes its sender (4413), as a document over its limit does.
 *
 * Entries that break a rule are dropped and counted, and the rest of the update is applied: the
 * connection stays open. Closing it would close honest clients, because a stock y-websocket
 * client sends every awareness change it receives back to the server, other clients' ids
 * included. Such echoes change nothing (their clock is not newer) and are dropped uncounted —
 * which is also why the size limit is on each state the sender sets, not on the whole update: a
 * newcomer echoes the states of the whole room in one update.
 *
 * A client id stays its participant's after the connection that introduced it closes, so a client
 * that reconnects takes its id back and nobody else can. States from other server nodes
 * (`REMOTE_ORIGIN`) were checked there and are applied as they come; they count towards the bytes.
 */
import { applyAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import {
  encodedEntryBytes,
  isRemoval,
  readAwarenessEntries,
  writeAwarenessEntries,
  type AwarenessChange,
  type AwarenessEntry,
} from './awarenessEntries.js';
import { CloseCode } from '@worktable/shared';
import type { Connection } from './connection.js';
import { RelayRejection } from './hooks.js';
import { MalformedFrame } from './messages.js';

/** How much presence one connection and one room may hold. */
export interface PresenceLimits {
  /** Bytes of one state as its sender sends it (JSON); a larger one closes the connection. */
  maxStateBytes: number;
  /** Awareness client ids one connection may introduce. */
  maxClientsPerConnection: number;
  /** Bytes the awareness states of one room may take, encoded as a newcomer receives them. */
  maxRoomBytes: number;
}

/** Bytes of one awareness state by default. */
export const MAX_AWARENESS_STATE_BYTES = 32 * 1024;

/** Client ids a connection may introduce by default: a browser tab uses one per document. */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4;

/** Bytes of awareness states a room may hold by default: 1 MiB, some 5,000 cursors of 200 bytes. */
export const MAX_ROOM_AWARENESS_BYTES = 1024 * 1024;

/** The default limits. */
export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxStateBytes: MAX_AWARENESS_STATE_BYTES,
  maxClientsPerConnection: MAX_AWARENESS_CLIENTS_PER_CONNECTION,
  maxRoomBytes: MAX_ROOM_AWARENESS_BYTES,
};

/** A limit that refuses awareness entries; the label of `worktable_limited_total`. */
export type PresenceRefusal = 'awareness_foreign' | 'awareness_clients' | 'awareness_room_bytes';

/** How many entries of one update each limit refused. */
export type PresenceRefusals = Record<PresenceRefusal, number>;

/** Who holds which awareness client ids of one room, and the bytes its states take. */
export class PresenceGuard {
  /** The connection that holds each client id. */
  private readonly owners = new Map<number, Connection>();
  /** The participant who introduced each client id, kept after the connection closed. */
  private readonly introducedBy = new Map<number, string>();
  /** Encoded bytes of each client's state. */
  private readonly stateBytes = new Map<number, number>();
  private totalBytes = 0;

  constructor(
    private readonly awareness: Awareness,
    private readonly limits: PresenceLimits,
  ) {
    awareness.on('update', this.measure);
  }

  /** Bytes all states of the room take in the awareness message a newcomer receives. */
  get bytes(): number {
    return this.totalBytes;
  }

  /**
   * Applies, as one update from `connection`, the entries of `update` it may make; returns how
   * many each limit refused, or null when none was. Throws, before applying anything, a
   * `MalformedFrame` for a truncated update or a state that is not JSON, and a `RelayRejection`
   * (4413) for a state the sender sets that is over `maxStateBytes`.
   */
  apply(connection: Connection, update: Uint8Array): PresenceRefusals | null {
    const refusals: PresenceRefusals = { awareness_foreign: 0, awareness_clients: 0, awareness_room_bytes: 0 };
    let refused = false;
    const admitted: AwarenessEntry[] = [];
    const seen = new Set<number>();
    const claims = new Set<number>();
    let roomBytes = this.totalBytes;
    for (const entry of readAwarenessEntries(update)) {
      const { clientId } = entry;
      // A second entry for one client would make the byte count depend on y-protocols' order.
      if (seen.has(clientId) || !this.wouldChange(entry)) continue;
      seen.add(clientId);
      const admission = this.admission(connection, entry, claims, roomBytes);
      if (typeof admission === 'string') {
        refusals[admission]++;
        refused = true;
        continue;
      }
      roomBytes += this.bytesAfter(admission) - (this.stateBytes.get(clientId) ?? 0);
      if (!connection.awarenessClients.has(clientId)) claims.add(clientId);
      admitted.push(admission);
    }
    for (const clientId of claims) this.claim(connection, clientId);
    if (admitted.length > 0) applyAwarenessUpdate(this.awareness, writeAwarenessEntries(admitted), connection);
    return refused ? refusals : null;
  }

  /** Removes the states of the client ids `connection` holds (it closed); they stay its participant's. */
  release(connection: Connection): void {
    const clientIds = [...connection.awarenessClients];
    connection.awarenessClients.clear();
    for (const clientId of clientIds) this.owners.delete(clientId);
    if (clientIds.length > 0) removeAwarenessStates(this.awareness, clientIds, null);
  }

  /** Stops measuring (the room is being dropped). */
  destroy(): void {
    this.awareness.off('update', this.measure);
  }

  /**
   * The entry as it will be applied (its state as `JSON.stringify` writes it), or the limit that
   * refuses it. Whose it is comes first, so a flood of made-up clients costs no JSON parsing.
   */
  private admission(
    connection: Connection,
    entry: AwarenessEntry,
    claims: ReadonlySet<number>,
    roomBytes: number,
  ): AwarenessEntry | PresenceRefusal {
    const ownership = this.ownershipRefusal(connection, entry.clientId, claims);
    if (ownership) return ownership;
    this.checkStateSize(entry);
    const normalized = isRemoval(entry) ? entry : withNormalizedJson(entry);
    return this.bytesRefusal(normalized, roomBytes) ?? normalized;
  }

  /** Whether y-protocols would apply the entry: a newer clock, or a removal of a present state at the same clock. */
  private wouldChange(entry: AwarenessEntry): boolean {
    const clock = this.awareness.meta.get(entry.clientId)?.clock ?? 0;
    if (clock < entry.clock) return true;
    return clock === entry.clock && isRemoval(entry) && this.awareness.states.has(entry.clientId);
  }

  /**
   * Why `connection` may not change `clientId`'s state, or null when it may: it holds the id, or
   * its participant introduced it, or nobody did and no state is there (a state nobody here
   * introduced is another node's client, or the server's own).
   */
  private ownershipRefusal(connection: Connection, clientId: number, claims: ReadonlySet<number>): PresenceRefusal | null {
    if (connection.awarenessClients.has(clientId) || claims.has(clientId)) return null;
    const introducer = this.introducedBy.get(clientId);
    const someoneElses =
      introducer === undefined
        ? this.awareness.states.has(clientId) || clientId === this.awareness.clientID
        : introducer !== connection.principal.participantId;
    if (someoneElses) return 'awareness_foreign';
    if (connection.awarenessClients.size + claims.size >= this.limits.maxClientsPerConnection) return 'awareness_clients';
    return null;
  }

  /** Throws when the state is larger than one state may be. */
  private checkStateSize(entry: AwarenessEntry): void {
    if (entry.json.byteLength <= this.limits.maxStateBytes) return;
    throw new RelayRejection(
      CloseCode.MessageTooLarge,
      413,
      `awareness state of ${entry.json.byteLength} bytes exceeds the limit of ${this.limits.maxStateBytes}`,
    );
  }

  /** Whether the entry would grow the room's states past their limit (shrinking is always allowed). */
  private bytesRefusal(entry: AwarenessEntry, roomBytes: number): PresenceRefusal | null {
    const growth = this.bytesAfter(entry) - (this.stateBytes.get(entry.clientId) ?? 0);
    return growth > 0 && roomBytes + growth > this.limits.maxRoomBytes ? 'awareness_room_bytes' : null;
  }

  /** Encoded bytes of the client's state once the entry is applied. */
  private bytesAfter(entry: AwarenessEntry): number {
    return isRemoval(entry) ? 0 : encodedEntryBytes(entry.clientId, entry.clock, entry.json.byteLength);
  }

  /** Gives `clientId` to `connection`, taking it from another connection of its participant if one holds it. */
  private claim(connection: Connection, clientId: number): void {
    this.owners.get(clientId)?.awarenessClients.delete(clientId);
    this.owners.set(clientId, connection);
    this.introducedBy.set(clientId, connection.principal.participantId);
    connection.awarenessClients.add(clientId);
  }

  /** Keeps the byte count of every state, whoever changed it (a connection, another node, a timeout). */
  private readonly measure = ({ added, updated, removed }: AwarenessChange): void => {
    for (const clientId of added.concat(updated, removed)) {
      const state: unknown = this.awareness.states.get(clientId);
      const clock = this.awareness.meta.get(clientId)?.clock ?? 0;
      const bytes = state === undefined ? 0 : encodedEntryBytes(clientId, clock, Buffer.byteLength(JSON.stringify(state)));
      this.totalBytes += bytes - (this.stateBytes.get(clientId) ?? 0);
      if (bytes > 0) this.stateBytes.set(clientId, bytes);
      else this.stateBytes.delete(clientId);
    }
  };
}

/**
 * The entry with its state as `JSON.stringify` writes it — what the room will hold and send on,
 * so its bytes are measured exactly (`1e20` is 4 bytes as sent but 21 once parsed and written).
 */
function withNormalizedJson(entry: AwarenessEntry): AwarenessEntry {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(entry.json.buffer, entry.json.byteOffset, entry.json.byteLength).toString('utf8'));
  } catch {
    throw new MalformedFrame(`the awareness state of client ${entry.clientId} is not JSON`);
  }
  return { ...entry, json: Buffer.from(JSON.stringify(state), 'utf8') };
}
