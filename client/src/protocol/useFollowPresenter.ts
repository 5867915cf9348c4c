/**
 * While the presenter has the floor (a presenter-only phase), everyone else follows the
 * presenter's view of the canvas, so the group looks at what is being shown; a pan or zoom steps
 * out (the canvas stops following on any manual change), and it starts again at the next
 * presenting phase. The presenter, observers of their own accord, and a page whose presenter is
 * not connected are left alone.
 */
import { useEffect, useRef } from 'react';
import { Speakers, type SessionState } from '@worktable/shared';
import { phaseKeyOf } from '../call/callPlace.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import type { PresentPeer } from '../session/tableConnection.js';

/** Follows the presenter at the start of each presenting phase. */
export function useFollowPresenter(state: SessionState | null, peers: readonly PresentPeer[], me: string): void {
  const presenter = state?.roles.presenter;
  const presenting =
    state?.status === 'running' && state.phase?.speakers === Speakers.PresenterOnly && presenter !== undefined && presenter !== me;
  const phaseKey = presenting ? phaseKeyOf(state) : null;
  const presenterClient = presenting ? (peers.find((p) => p.participantId === presenter && !p.isLocal)?.clientId ?? null) : null;
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (phaseKey === null || presenterClient === null || done.current === phaseKey) return;
    // Once per presenting phase: stepping out is respected until the next one.
    done.current = phaseKey;
    useCanvasUi.getState().follow(presenterClient);
  }, [phaseKey, presenterClient]);
}
