/**
 * A second document drawn over the table's artifacts, in the same world coordinates (your private
 * notes during private writing, for one): the canvas renders its content above the table's frames
 * and sends new artifacts of the kinds it takes to its document instead of the table's. The layer
 * draws, selects, moves and focuses its own artifacts.
 */
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import type { ArtifactKind, ArtifactMeta } from '@worktable/shared';

/** A document layered over the canvas. */
export interface CanvasLayer {
  /** Rendered inside the canvas world, above the table's artifacts. */
  content: ReactNode;
  /** The document a new artifact of `kind` goes to instead of the table, or null for the table. */
  docFor(kind: ArtifactKind): Y.Doc | null;
  /** The layer's artifacts now (new artifacts are placed clear of them as well). */
  artifacts(): readonly ArtifactMeta[];
}
