/** The canvas overlay for dot voting (`DotControl` in every frame) when the page shows your own table, else none. */
import type { ComponentType } from 'react';
import type { ArtifactAddonProps } from '../canvas/artifactAddon.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { votingAt } from './ballot.js';
import { DotControl } from './DotControl.js';

/** The component to provide as `ArtifactAddon` for the canvas of `docName`. */
export function useVoteAddon(docName: string): ComponentType<ArtifactAddonProps> | null {
  const shown = useControlStore((s) => votingAt(s.state, docName));
  return shown ? DotControl : null;
}
