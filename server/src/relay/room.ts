/**
 * One open document: its Y.Doc, its awareness, and the connections editing it. Every change is
 * encoded once and the same bytes are sent to every other connection.
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { Connection } from './connection.js';
import type { DocumentAddress } from './hooks.js';
import { encodeAwareness, encodeSyncUpdate } from './messages.js';

/** What a room reports to the relay. */
export interface RoomListener {
  /** The document changed through a connection (not while loading). */
  changed(room: Room, update: Uint8Array): void;
  /** A message went to `recipients` connections. */
  broadcasted(room: Room, recipients: number, bytes: number): void;
}

/** Origin of transactions that replay stored state into a room. */
export const LOAD_ORIGIN = Symbol('worktable:load');

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** An open document and who is connected to it. */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Approximate stored size in bytes: snapshot plus log, grown by every accepted update. */
  sizeBytes = 0;
  /** Entries in the stored log since the last snapshot, including ones waiting to be written. */
  logLength = 0;

  constructor(
    readonly address: DocumentAddress,
    private readonly listener: RoomListener,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** `<sessionId>/<docName>`. */
  get docKey(): string {
    return this.address.docKey;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    this.sizeBytes += update.byteLength;
    this.logLength += 1;
    this.listener.changed(this, update);
    this.broadcast(encodeSyncUpdate(update), origin);
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (origin instanceof Connection) {
      for (const id of added) origin.awarenessClients.add(id);
      for (const id of removed) origin.awarenessClients.delete(id);
    }
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)), origin);
  };

  /** Sends one encoded message to every connection except `except`. */
  broadcast(message: Uint8Array, except?: unknown): void {
    let recipients = 0;
    for (const connection of this.connections) {
      if (connection === except) continue;
      connection.send(message);
      recipients++;
    }
    if (recipients > 0) this.listener.broadcasted(this, recipients, message.byteLength);
  }

  /** Releases the document and its awareness timer. */
  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
