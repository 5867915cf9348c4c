/**
 * Server-written authorship: who put an artifact on the table, who opened a feedback thread, who
 * wrote a message and who wrote a harvest card is what the server knows of the connection that wrote it, never what the
 * client claims. Each item's author is learned when it first appears; whenever a connection adds
 * an item or touches its author fields, anything that differs from that author (for a new item:
 * the connection's own participant) is put right in a server edit every client receives. So
 * nobody can post as "Host", and an item brought back by undo keeps the author it had.
 * Correcting, not refusing, for the reason `feedbackRulesHook` gives: a Yjs update cannot be
 * taken back from the client that sent it.
 */
import * as Y from 'yjs';
import { ArtifactField, PlenaryRoot, TableRoot, ThreadField } from '@worktable/shared';
import { Connection } from '../connection.js';
import type { RelayHook } from '../hooks.js';
import type { Room } from '../room.js';

/** Someone the server names as the author of an item. */
interface Author {
  id: string;
  name: string;
}

/** The author fields of the items the server keeps right: artifacts and threads (Y.Maps), messages (plain objects). */
const MAP_FIELDS = {
  artifact: { id: ArtifactField.CreatedBy, name: ArtifactField.CreatedByName },
  thread: { id: ThreadField.CreatedBy, name: ThreadField.CreatedByName },
} as const;
const MESSAGE_FIELDS = { id: 'authorId', name: 'authorName' } as const;
const CARD_FIELDS = { id: 'by', name: 'byName' } as const;

type MapKind = keyof typeof MAP_FIELDS;

/** A message as stored in a thread's `messages` Y.Array, or a harvest card in the plenary's map. */
type StoredMessage = Record<string, unknown> & { id?: unknown };

/** Builds the hook; it watches every document a room loads. */
export function authorshipHook(): RelayHook {
  return {
    name: 'authorship',
    afterLoadDocument(room) {
      watchAuthorship(room);
    },
  };
}

/** Learns the authors already in `room` and keeps them right from now on. */
function watchAuthorship(room: Room): void {
  const authors = new Map<string, Author>();
  const artifacts = room.doc.getMap<unknown>(TableRoot.Artifacts);
  const feedback = room.doc.getMap<unknown>(TableRoot.Feedback);
  const harvest = room.doc.getMap<unknown>(PlenaryRoot.Harvest);
  const keyOf = (kind: MapKind | 'message' | 'card', id: string) => `${kind}:${id}`;
  const readAuthor = (source: { get(key: string): unknown }, fields: { id: string; name: string }): Author => ({
    id: String(source.get(fields.id) ?? ''),
    name: String(source.get(fields.name) ?? ''),
  });
  const messageSource = (message: StoredMessage) => ({ get: (key: string) => message[key] });
  for (const [id, value] of artifacts.entries())
    if (value instanceof Y.Map) authors.set(keyOf('artifact', id), readAuthor(value, MAP_FIELDS.artifact));
  for (const [id, card] of harvest.entries())
    if (isPlain(card)) authors.set(keyOf('card', id), readAuthor(messageSource(card), CARD_FIELDS));
  for (const [id, thread] of feedback.entries()) {
    if (!(thread instanceof Y.Map)) continue;
    authors.set(keyOf('thread', id), readAuthor(thread, MAP_FIELDS.thread));
    const messages = thread.get(ThreadField.Messages);
    if (messages instanceof Y.Array)
      for (const m of messages.toArray() as StoredMessage[])
        if (typeof m?.id === 'string') authors.set(keyOf('message', m.id), readAuthor(messageSource(m), MESSAGE_FIELDS));
  }

  /** The author `key` must have: the one it had, else (a new item) the connection's participant, else what it says. */
  const authorFor = (key: string, origin: unknown, claimed: Author): Author => {
    const known = authors.get(key);
    if (known) return known;
    const author = origin instanceof Connection ? { id: origin.principal.participantId, name: origin.principal.name } : claimed;
    authors.set(key, author);
    return author;
  };
  const fixes: (() => void)[] = [];
  const checkMap = (kind: MapKind, id: string, map: Y.Map<unknown>, origin: unknown) => {
    const fields = MAP_FIELDS[kind];
    const claimed = readAuthor(map, fields);
    const author = authorFor(keyOf(kind, id), origin, claimed);
    if (!(origin instanceof Connection) || (claimed.id === author.id && claimed.name === author.name)) return;
    fixes.push(() => {
      if (map.doc === null || map._item?.deleted === true) return;
      map.set(fields.id, author.id);
      map.set(fields.name, author.name);
    });
  };
  const checkMessages = (messages: Y.Array<StoredMessage>, inserted: readonly StoredMessage[], origin: unknown) => {
    for (const message of inserted) {
      if (typeof message?.id !== 'string') continue;
      const claimed = readAuthor(messageSource(message), MESSAGE_FIELDS);
      const author = authorFor(keyOf('message', message.id), origin, claimed);
      if (!(origin instanceof Connection) || (claimed.id === author.id && claimed.name === author.name)) continue;
      fixes.push(() => {
        const index = messages.toArray().indexOf(message);
        if (index === -1) return;
        messages.delete(index, 1);
        messages.insert(index, [{ ...message, [MESSAGE_FIELDS.id]: author.id, [MESSAGE_FIELDS.name]: author.name }]);
      });
    }
  };
  const checkCard = (id: string, card: StoredMessage, origin: unknown) => {
    const claimed = readAuthor(messageSource(card), CARD_FIELDS);
    const author = authorFor(keyOf('card', id), origin, claimed);
    if (!(origin instanceof Connection) || (claimed.id === author.id && claimed.name === author.name)) return;
    fixes.push(() => {
      if (harvest.get(id) === card) harvest.set(id, { ...card, [CARD_FIELDS.id]: author.id, [CARD_FIELDS.name]: author.name });
    });
  };
  // After the turn, so that a revert decided meanwhile (a silent presenter's feedback) goes first
  // and a corrected copy never brings back what was reverted.
  const applyFixesSoon = () => {
    if (fixes.length === 0) return;
    setImmediate(() => {
      const pending = fixes.splice(0);
      room.applyServerEdit(() => {
        for (const fix of pending) fix();
      });
    });
  };

  harvest.observe((event, transaction) => {
    for (const [id, change] of event.changes.keys) {
      const card = harvest.get(id);
      if (change.action !== 'delete' && isPlain(card)) checkCard(id, card, transaction.origin);
    }
    applyFixesSoon();
  });
  artifacts.observeDeep((events, transaction) => {
    for (const event of events) {
      if (event.target === artifacts) {
        for (const [id, change] of event.changes.keys) {
          const value = artifacts.get(id);
          if (change.action !== 'delete' && value instanceof Y.Map) checkMap('artifact', id, value, transaction.origin);
        }
      } else if (event.target instanceof Y.Map && event.target.parent === artifacts && touchesAuthor(event, MAP_FIELDS.artifact)) {
        checkMap('artifact', keyInParent(event.target), event.target, transaction.origin);
      }
    }
    applyFixesSoon();
  });
  feedback.observeDeep((events, transaction) => {
    for (const event of events) {
      const target = event.target;
      if (target === feedback) {
        for (const [id, change] of event.changes.keys) {
          const thread = feedback.get(id);
          if (change.action === 'delete' || !(thread instanceof Y.Map)) continue;
          checkMap('thread', id, thread, transaction.origin);
          const messages = thread.get(ThreadField.Messages);
          if (messages instanceof Y.Array)
            checkMessages(messages as Y.Array<StoredMessage>, messages.toArray() as StoredMessage[], transaction.origin);
        }
      } else if (target instanceof Y.Map && target.parent === feedback && touchesAuthor(event, MAP_FIELDS.thread)) {
        checkMap('thread', keyInParent(target), target, transaction.origin);
      } else if (target instanceof Y.Array && target.parent instanceof Y.Map && target.parent.parent === feedback) {
        const inserted = event.changes.delta.flatMap((part) => (Array.isArray(part.insert) ? (part.insert as StoredMessage[]) : []));
        checkMessages(target as Y.Array<StoredMessage>, inserted, transaction.origin);
      }
    }
    applyFixesSoon();
  });
}

/** Whether a value is a plain JSON object (a stored message or card). */
function isPlain(value: unknown): value is StoredMessage {
  return typeof value === 'object' && value !== null && !(value instanceof Y.AbstractType) && !Array.isArray(value);
}

/** Whether a change to an item's own map added or changed one of its author fields. */
function touchesAuthor(event: Y.YEvent<Y.AbstractType<unknown>>, fields: { id: string; name: string }): boolean {
  for (const [key, change] of event.changes.keys) if ((key === fields.id || key === fields.name) && change.action !== 'delete') return true;
  return false;
}

/** The key under which a nested map sits in its parent map. */
function keyInParent(child: Y.Map<unknown>): string {
  return child._item?.parentSub ?? '';
}
