/** Every artifact kind mapped to its view. */
import type { ArtifactKind } from '@worktable/shared';
import { checklistView } from './checklist/index.js';
import { documentView } from './document/index.js';
import { frameView } from './frame/index.js';
import { imageView } from './image/index.js';
import { linkView } from './link/index.js';
import { pdfView } from './pdf/index.js';
import { stickyView } from './sticky/index.js';
import { dataTableView } from './table/index.js';
import type { ArtifactView } from './types.js';

/** The view of each kind. */
export const ARTIFACT_VIEWS: Readonly<Record<ArtifactKind, ArtifactView>> = {
  document: documentView,
  sticky: stickyView,
  image: imageView,
  pdf: pdfView,
  link: linkView,
  table: dataTableView,
  frame: frameView,
  checklist: checklistView,
};

/** The view of `kind`. */
export function viewOf(kind: ArtifactKind): ArtifactView {
  return ARTIFACT_VIEWS[kind];
}
