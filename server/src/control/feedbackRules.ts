/**
 * The control plane's answer to the relay's feedback rules: who listens silently at a table now,
 * read from the session's runtime on this node (loaded on demand).
 */
import { listensSilently } from '@worktable/shared';
import type { FeedbackRules } from '../relay/hooks/feedbackRulesHook.js';
import type { ControlPlane } from './controlPlane.js';
import type { SessionRuntime } from './sessionRuntime.js';

/** Whether `participantId` listens silently at the table `tableId` of the runtime's session. */
export function silentAt(runtime: SessionRuntime, tableId: string, participantId: string): boolean {
  // Cheap first: only the table's presenter can be silenced (most updates stop here).
  if (runtime.control.runs[tableId]?.roles.presenter !== participantId) return false;
  const view = runtime.runView(tableId);
  return view !== null && listensSilently(view, participantId);
}

/** Feedback rules answered by `plane`; `reverted` counts what was taken back. */
export function controlFeedbackRules(plane: ControlPlane, reverted?: (sessionId: string) => void): FeedbackRules {
  return {
    listensSilently(sessionId, docName, participantId) {
      const runtime = plane.loadedRuntime(sessionId);
      return runtime ? silentAt(runtime, docName, participantId) : undefined;
    },
    async listensSilentlyLater(sessionId, docName, participantId) {
      return silentAt(await plane.runtime(sessionId), docName, participantId);
    },
    prepare(sessionId) {
      void plane.runtime(sessionId).catch(() => undefined);
    },
    reverted,
  };
}
