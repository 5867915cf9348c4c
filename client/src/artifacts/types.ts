/**
 * The contract between the canvas and the view of each artifact kind. The canvas lays out,
 * selects, moves and resizes artifacts; each kind renders its own body inside the frame the
 * canvas draws, from the artifact's Y.Map (field names in `ArtifactField`, shared/canvas/schema).
 */
import type { ComponentType } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { ArtifactKind, ArtifactMeta } from '@worktable/shared';

/** Who is using this browser, as the artifact views need it. */
export interface LocalUser {
  participantId: string;
  name: string;
  color: string;
}

/** Props every artifact body receives. */
export interface ArtifactBodyProps {
  /** The artifact's own Y.Map (read and write its kind's fields through it). */
  artifact: Y.Map<unknown>;
  /** Its common fields, already read. */
  meta: ArtifactMeta;
  /** The table document (for transactions and undo scope). */
  doc: Y.Doc;
  /** The table's awareness (carets of other people in documents). */
  awareness: Awareness;
  /** Observers, and anyone the protocol does not let edit, get a read-only view. */
  readOnly: boolean;
  /** Whether the artifact is selected on the canvas. */
  selected: boolean;
  /** Opened large (focus mode) rather than on the canvas. */
  expanded: boolean;
  /**
   * On the canvas, while this same artifact is also open large over it: the copy is covered by the
   * dialog, and a kind with a heavy view (a document's editor) shows a light read-only preview
   * instead of running a second editor of the same content.
   */
  openedLarge?: boolean;
  /** The session, and a token for authenticated fetches (uploads). */
  sessionId: string;
  token: string;
  user: LocalUser;
}

/** How one kind of artifact is shown and created. */
export interface ArtifactView {
  kind: ArtifactKind;
  /** Toolbar label, e.g. "Sticky note". */
  label: string;
  /** The body, rendered inside the canvas frame (and large when expanded). */
  Body: ComponentType<ArtifactBodyProps>;
  /** Fills a new artifact's kind-specific fields (called inside the creating transaction). */
  initialize(artifact: Y.Map<unknown>, options: { title?: string }): void;
}
