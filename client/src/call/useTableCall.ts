/**
 * Keeps the page's call where you are: once you joined, it follows your table (a reseat, a
 * host's visit), moves to the plenary's audio call while everyone is together (everyone but the
 * host arrives muted there) — or leaves while the plenary is on the convening's call link — and
 * comes back to your table at the next round; a reload rejoins (the choice is kept for the
 * session in this tab). At each new phase the protocol sets your microphone (the presenter
 * listens; silent phases start muted); a host who visits a table arrives muted. Ctrl+D (⌘D)
 * mutes and unmutes, as in other call tools.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionState } from '@worktable/shared';
import { useCallStore } from './callStore.js';
import { callKeyOf, callPlaceOf, phaseKeyOf, phaseMicPolicy, type CallPlace } from './callPlace.js';
import { meshCall } from './meshCall.js';

/** What the panel can do with the call. */
export interface TableCall {
  /** You want to be in your table's call (kept across reloads of this tab). */
  wanted: boolean;
  /** The call you would be in now (null: none here). */
  place: CallPlace | null;
  start(): void;
  stop(): void;
}

const wantKey = (sessionId: string) => `worktable:call:${sessionId}`;

function readWanted(sessionId: string): boolean {
  try {
    return sessionStorage.getItem(wantKey(sessionId)) === '1';
  } catch {
    return false;
  }
}

function writeWanted(sessionId: string, wanted: boolean): void {
  try {
    if (wanted) sessionStorage.setItem(wantKey(sessionId), '1');
    else sessionStorage.removeItem(wantKey(sessionId));
  } catch {
    // Private mode without storage: the choice lasts until the page closes.
  }
}

/** The call of `me` in `sessionId`, following `state`. */
export function useTableCall(sessionId: string, state: SessionState | null, me: { participantId: string; role: string }): TableCall {
  const [wanted, setWanted] = useState(() => readWanted(sessionId));
  const place = callPlaceOf(state);
  const key = callKeyOf(place);
  const status = useCallStore((s) => s.status);
  const policy = phaseMicPolicy(state, me.participantId);
  const phaseKey = phaseKeyOf(state);
  const isHost = me.role === 'host';
  // In the plenary the host speaks and everyone else starts muted; a host arrives at tables muted.
  const arriveMuted = place?.scope === 'plenary' ? !isHost : isHost || policy.muted;
  const mutedByPhase = place?.scope === 'table' && !isHost && policy.muted;

  // biome-ignore lint/correctness/useExhaustiveDependencies: joining depends on where you are (its key), not on every state
  useEffect(() => {
    if (!place) {
      if (status === 'in' || status === 'starting') meshCall.leave();
      return;
    }
    if (!wanted) return;
    if (status === 'off') void meshCall.join({ muted: arriveMuted, scope: place.scope, byPolicy: mutedByPhase });
    else if (status === 'in') meshCall.moveTo(place.scope, arriveMuted, mutedByPhase);
  }, [wanted, key, status]);

  // The protocol sets microphones when a phase starts at your table (when you join mid-phase it
  // only mutes: a host or someone who arrives muted stays so until they unmute).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a phase starting (its key) is the trigger, not every state
  useEffect(() => {
    if (status !== 'in' || phaseKey === '' || place?.scope !== 'table') return;
    meshCall.applyPolicy(policy.muted, policy.listening, policy.reason);
  }, [phaseKey, status]);

  // A host arriving at another table's call comes in muted.
  const tableKey = place?.scope === 'table' ? place.tableId : null;
  const arrived = useRef<string | null>(null);
  useEffect(() => {
    if (status !== 'in') {
      arrived.current = null;
      return;
    }
    if (isHost && tableKey !== null && arrived.current !== null && arrived.current !== tableKey) meshCall.setMuted(true);
    arrived.current = tableKey;
  }, [isHost, tableKey, status]);

  useEffect(() => () => meshCall.leave(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'd') return;
      if (useCallStore.getState().status !== 'in') return;
      event.preventDefault();
      meshCall.setMuted(!useCallStore.getState().muted);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const start = useCallback(() => {
    writeWanted(sessionId, true);
    setWanted(true);
    if (useCallStore.getState().status === 'error') useCallStore.setState({ status: 'off', error: null });
  }, [sessionId]);
  const stop = useCallback(() => {
    writeWanted(sessionId, false);
    setWanted(false);
    meshCall.leave();
  }, [sessionId]);

  return { wanted, place, start, stop };
}
