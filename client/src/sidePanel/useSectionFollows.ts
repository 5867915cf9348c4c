/**
 * The side panel comes forward for the group's moments: a dot vote opening or private writing
 * starting shows Notes, where they are; the end of the protocol shows Phase, with the summary. Each fires on the change only, so a person who then
 * opens another section keeps it. Phases do not move the panel: the call, your role and the
 * facilitator's controls stay where you left them; a phase that takes feedback shows its count
 * on the Feedback tab, and selecting an item's feedback badge (or F) opens it.
 */
import { useEffect } from 'react';
import type { SessionState } from '@worktable/shared';
import { showSection } from './sidePanelStore.js';

/** Follows `state` (the viewer's table); does nothing when `enabled` is false (phones). */
export function useSectionFollows(state: SessionState | null, enabled: boolean): void {
  const voteId = state?.vote?.status === 'open' ? state.vote.id : null;
  const writing = state?.privateWriting !== null && state?.privateWriting !== undefined;
  const done = state?.status === 'done';
  useEffect(() => {
    if (enabled && voteId !== null) showSection('notes');
  }, [enabled, voteId]);
  useEffect(() => {
    if (enabled && writing) showSection('notes');
  }, [enabled, writing]);
  useEffect(() => {
    if (enabled && done) showSection('phase');
  }, [enabled, done]);
}
