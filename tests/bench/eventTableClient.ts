/**
 * A participant's connection to its table's document in the event bench: a y-websocket client
 * with presence (a cursor in awareness, `YWebsocketCursorClient`) that can put a sticky on the
 * table and type into its Y.Text. Each insert is a stamp `<monotonic ms>;` (one decimal), so a
 * table-mate in any process of the machine times it on arrival, and counting the `;` of a sticky
 * counts the inserts it holds.
 */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, DEFAULT_ARTIFACT_SIZE, TableRoot } from '@worktable/shared';
import { YWebsocketCursorClient } from './cursorClients.js';
import { monotonicMs } from './time.js';

const STAMP = /(\d+\.\d);/g;

/** Stamps in a sticky's text. */
export function stampCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf(';'); i !== -1; i = text.indexOf(';', i + 1)) count++;
  return count;
}

/** The id of the sticky `participantId` types into in `round` (the round is its prefix, so a round's stickies can be found). */
export function stickyIdOf(round: number, participantId: string): string {
  return `r${round}-${participantId}`;
}

/** One connection to a table document. */
export class TableClient extends YWebsocketCursorClient {
  private readonly artifacts: Y.Map<unknown>;
  /** Edits sent before this moment may have come with the first sync, so they are not timed. */
  private readonly openedAt = monotonicMs();

  /** Connects to `url`; `onEdit` gets the latency (ms) of every insert by someone else sent since. */
  constructor(url: string, onEdit: (latencyMs: number) => void) {
    super(url, false, true);
    this.artifacts = this.doc.getMap<unknown>(TableRoot.Artifacts);
    this.artifacts.observeDeep((events, transaction) => {
      if (transaction.local) return;
      const now = monotonicMs();
      const timeStamps = (inserted: string): void => {
        for (const match of inserted.matchAll(STAMP)) {
          const sentAt = Number(match[1]);
          if (sentAt >= this.openedAt) onEdit(now - sentAt);
        }
      };
      for (const event of events) {
        if (event.target instanceof Y.Text) {
          for (const op of event.delta) if (typeof op.insert === 'string') timeStamps(op.insert);
        } else if (event instanceof Y.YMapEvent && event.target === this.artifacts) {
          // A sticky new in this transaction brings its text with it (Yjs gives it no event of its own).
          for (const key of event.keysChanged) {
            const text = this.stickyText(key);
            if (text) timeStamps(text.toString());
          }
        }
      }
    });
  }

  /** Puts a sticky with an empty text on the table, written by `author`; returns its text. */
  putSticky(stickyId: string, author: { id: string; name: string }): Y.Text {
    const text = new Y.Text();
    const { w, h } = DEFAULT_ARTIFACT_SIZE.sticky;
    this.doc.transact(() => {
      const sticky = new Y.Map<unknown>();
      const fields: Array<[string, unknown]> = [
        [ArtifactField.Id, stickyId],
        [ArtifactField.Kind, ArtifactKind.Sticky],
        [ArtifactField.X, Math.round(Math.random() * 2000)],
        [ArtifactField.Y, Math.round(Math.random() * 1200)],
        [ArtifactField.W, w],
        [ArtifactField.H, h],
        [ArtifactField.Z, this.artifacts.size + 1],
        [ArtifactField.CreatedBy, author.id],
        [ArtifactField.CreatedByName, author.name],
        [ArtifactField.CreatedAt, Date.now()],
        [ArtifactField.Draft, false],
        [ArtifactField.Color, 'yellow'],
        [ArtifactField.Text, text],
      ];
      for (const [field, value] of fields) sticky.set(field, value);
      this.artifacts.set(stickyId, sticky);
    });
    return text;
  }

  /** Appends one stamp to `text` (the change goes to the server at once); returns it. */
  type(text: Y.Text): string {
    const stamp = `${monotonicMs().toFixed(1)};`;
    text.insert(text.length, stamp);
    return stamp;
  }

  /** Stamps held by each sticky whose id starts with `prefix`. */
  stampsOf(prefix: string): Array<[stickyId: string, stamps: number]> {
    const counts: Array<[string, number]> = [];
    for (const key of this.artifacts.keys()) {
      if (!key.startsWith(prefix)) continue;
      counts.push([key, stampCount(this.stickyText(key)?.toString() ?? '')]);
    }
    return counts;
  }

  private stickyText(stickyId: string): Y.Text | null {
    const sticky = this.artifacts.get(stickyId);
    const text = sticky instanceof Y.Map ? sticky.get(ArtifactField.Text) : null;
    return text instanceof Y.Text ? text : null;
  }
}
