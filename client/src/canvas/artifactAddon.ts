/**
 * A slot in every artifact frame for another feature's overlay (dot voting's − count + control,
 * for one): the page provides a component around the canvas; each frame renders it with its
 * artifact. No provider, no overlay.
 */
import { createContext, type ComponentType } from 'react';
import type * as Y from 'yjs';
import type { ArtifactMeta } from '@worktable/shared';

/** What the overlay of one frame receives. */
export interface ArtifactAddonProps {
  meta: ArtifactMeta;
  artifact: Y.Map<unknown>;
}

/** The overlay component every artifact frame renders, or null. */
export const ArtifactAddon = createContext<ComponentType<ArtifactAddonProps> | null>(null);
