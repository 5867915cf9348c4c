/**
 * The reveal of private writing: every private document of a table is copied onto the table
 * document (the artifacts keep their ids; names removed when the reveal is anonymous), then the
 * private document is emptied. Copy first, empty after: a crash in between can only leave a copy
 * behind, never lose a note; copying again skips ids already on the table. Revealed notes come on
 * top of what is on the table, where their authors put them unless that would cover something
 * (then the nearest free spot): everyone's notes stay visible.
 */
import * as Y from 'yjs';
import {
  ArtifactField,
  ArtifactKind,
  TableRoot,
  cloneArtifact,
  docKey,
  freeSpotNear,
  parseDocKey,
  privateDocName,
  readArtifactMeta,
  type ArtifactMeta,
} from '@worktable/shared';
import type { DocumentAddress } from '../relay/hooks.js';
import type { Relay, RelayLogger } from '../relay/relay.js';

const address = (sessionId: string, docName: string): DocumentAddress => {
  const key = docKey(sessionId, docName);
  if (!parseDocKey(key)) throw new Error(`bad document name ${docName}`);
  return { sessionId, docName, docKey: key };
};

/** The items on a table that a revealed note must not cover (frames group items and may hold notes). */
function tableItems(artifacts: Y.Map<unknown>): ArtifactMeta[] {
  const items: ArtifactMeta[] = [];
  for (const value of artifacts.values()) {
    const meta = value instanceof Y.Map ? readArtifactMeta(value) : null;
    if (meta && meta.kind !== ArtifactKind.Frame) items.push(meta);
  }
  return items;
}

/** Reveals private writing through the relay (so connected people see it at once). */
export class PrivateReveal {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly relay: Pick<Relay, 'editDocument'>,
    private readonly logger: RelayLogger,
  ) {}

  /** Copies every listed person's private notes at `tableId` onto the table, then empties them. */
  reveal(sessionId: string, tableId: string, anonymous: boolean, participantIds: readonly string[]): Promise<number> {
    const run = this.queue.then(async () => {
      let revealed = 0;
      for (const participantId of participantIds) {
        const privateAddress = address(sessionId, privateDocName(tableId, participantId));
        const copies: { id: string; artifact: Y.Map<unknown> }[] = [];
        await this.relay.editDocument(privateAddress, (doc) => {
          for (const [id, value] of doc.getMap<unknown>(TableRoot.Artifacts).entries()) {
            if (!(value instanceof Y.Map)) continue;
            const overrides: Record<string, unknown> = { [ArtifactField.Draft]: false };
            if (anonymous) Object.assign(overrides, { [ArtifactField.CreatedBy]: '', [ArtifactField.CreatedByName]: 'Anonymous' });
            copies.push({ id, artifact: cloneArtifact(value, overrides) });
          }
        });
        if (copies.length === 0) continue;
        await this.relay.editDocument(address(sessionId, tableId), (doc) => {
          const artifacts = doc.getMap<unknown>(TableRoot.Artifacts);
          const onTable = tableItems(artifacts);
          let z = Math.max(0, ...onTable.map((m) => m.z));
          for (const { id, artifact } of copies) {
            if (artifacts.has(id)) continue;
            artifacts.set(id, artifact);
            // On top of what is there, where its author put it unless that covers something
            // (read once it is in the document: a Y.Map outside one cannot be read).
            const placed = artifacts.get(id);
            const meta = placed instanceof Y.Map ? readArtifactMeta(placed) : null;
            if (!(placed instanceof Y.Map) || !meta) continue;
            const spot = freeSpotNear(meta, onTable);
            if (spot.x !== meta.x) placed.set(ArtifactField.X, spot.x);
            if (spot.y !== meta.y) placed.set(ArtifactField.Y, spot.y);
            placed.set(ArtifactField.Z, ++z);
            onTable.push({ ...meta, ...spot });
          }
        });
        await this.relay.editDocument(privateAddress, (doc) => {
          const artifacts = doc.getMap<unknown>(TableRoot.Artifacts);
          for (const { id } of copies) artifacts.delete(id);
        });
        revealed += copies.length;
      }
      return revealed;
    });
    this.queue = run.catch((error: unknown) =>
      this.logger.error({ err: error, session: sessionId, table: tableId }, 'private reveal failed; the notes stay private, reveal again'),
    );
    return run;
  }

  /** Resolves when every reveal asked for so far is done. */
  flush(): Promise<unknown> {
    return this.queue;
  }
}
