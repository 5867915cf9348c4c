/** The canvas overlay for dot voting (`DotControl` in every frame) while a vote is open at the table the page shows (your own), else none. */
import type { ComponentType } from 'react';
import type { ArtifactAddonProps } from '../canvas/artifactAddon.js';
import { lazyPart } from '../components/Loading.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { votingAt } from './ballot.js';

// Loaded when a vote opens at your table.
const DotControl = lazyPart(() => import('./DotControl.js').then((m) => m.DotControl));

/** The component to provide as `ArtifactAddon` for the canvas of `docName`. */
export function useVoteAddon(docName: string): ComponentType<ArtifactAddonProps> | null {
  // Dots show only on items of a vote, so without one there is nothing to load or draw.
  const shown = useControlStore((s) => votingAt(s.state, docName) && s.state?.vote != null);
  return shown ? DotControl : null;
}
