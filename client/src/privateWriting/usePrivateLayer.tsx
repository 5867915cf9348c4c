/**
 * The canvas layer of private writing for the table page: while private writing is on at your
 * table (and a moment after the reveal, see `usePrivateDoc`), your private document drawn over
 * the table, and new sticky notes sent to it instead of the table.
 */
import { useEffect, useMemo } from 'react';
import type { LocalUser } from '../artifacts/types.js';
import type { CanvasLayer } from '../canvas/canvasLayer.js';
import { readArtifacts } from '../canvas/tableModel.js';
import { lazyPart, preloadWhenIdle } from '../components/Loading.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { useTableStore } from '../session/tableConnection.js';
import { goesPrivate, privateDocOf } from './privateWriting.js';
import { usePrivateDoc } from './usePrivateDoc.js';

// Drawn only while private writing is on. Its code comes once the table has synced and the page
// is idle (not competing with the table on a slow network), so it is here when private writing
// starts: a note made before the layer is drawn would not get the focus.
const PrivateLayer = lazyPart(() => import('./PrivateLayer.js').then((m) => m.PrivateLayer));

/** What `usePrivateLayer` needs. */
export interface PrivateLayerOptions {
  sessionId: string;
  token: string;
  /** The document the page shows (`table-2`, `plenary`). */
  docName: string;
  user: LocalUser;
  canWrite: boolean;
}

/** The layer to pass to the table's `Canvas`, or undefined when there is none. */
export function usePrivateLayer({ sessionId, token, docName, user, canWrite }: PrivateLayerOptions): CanvasLayer | undefined {
  const wanted = useControlStore((s) => privateDocOf(s.state, docName, { participantId: user.participantId, canWrite }));
  const connection = usePrivateDoc(sessionId, token, wanted);
  const synced = useTableStore((s) => s.synced);
  useEffect(() => (canWrite && synced ? preloadWhenIdle(PrivateLayer) : undefined), [canWrite, synced]);
  return useMemo(() => {
    if (!connection) return undefined;
    const taking = wanted === connection.docName;
    return {
      content: <PrivateLayer key={connection.docName} connection={connection} sessionId={sessionId} token={token} user={user} />,
      docFor: (kind) => (taking && goesPrivate(kind) ? connection.doc : null),
      artifacts: () => readArtifacts(connection.doc),
    };
  }, [connection, wanted, sessionId, token, user]);
}
