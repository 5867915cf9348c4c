/**
 * Reactions on an artifact, as a canvas overlay (`ArtifactAddon`) just under its frame: the full
 * bar of toggles while it alone is selected, a compact summary otherwise (nothing when it has none).
 * Observers only read. A named reaction is written here, an anonymous one by the server (`toggleReaction`).
 */
import type { ArtifactAddonProps } from '../canvas/artifactAddon.js';
import { ReactionBar } from './ReactionBar.js';
import { toggleArtifactReaction } from './reactionModel.js';
import { useReactionViewer } from './reactionViewer.js';
import { useReactionKeys } from './useReactionKeys.js';

/** The reactions overlay of one artifact frame. */
export function ArtifactReactions({ artifact, selectedAlone, readOnly }: ArtifactAddonProps) {
  const viewer = useReactionViewer();
  const keys = useReactionKeys(artifact);
  const doc = artifact.doc;
  if (!viewer || !doc || (keys.length === 0 && (!selectedAlone || readOnly))) return null;
  return (
    <ReactionBar
      keys={keys}
      viewer={viewer}
      compact={!selectedAlone || readOnly}
      onToggle={(reaction) => (viewer.self ? toggleArtifactReaction(doc, artifact, reaction, viewer.self) : null)}
      className="artifact-reactions"
    />
  );
}
