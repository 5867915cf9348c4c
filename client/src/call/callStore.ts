/**
 * What the call UI reads: whether you are in your table's call, your microphone and camera, the
 * peers with their connection, speaking and transfer state, and what went wrong. Written only by
 * the mesh call (meshCall.ts).
 */
import { create } from 'zustand';
import type { CallPeer, CallScope } from '@worktable/shared';
import type { LinkState, LinkStats } from './peerLink.js';

/** One person in the call as the UI shows them. */
export interface CallPeerView extends CallPeer {
  link: LinkState;
  speaking: boolean;
  /** Their camera, when they send video. */
  stream: MediaStream | null;
  stats: LinkStats | null;
}

/** Where the call is. */
export type CallStatus = 'off' | 'starting' | 'in' | 'error';

/** The call's state. */
export interface CallStoreState {
  status: CallStatus;
  /** Your table's call or the plenary's. */
  scope: CallScope;
  /** The table whose call you are in (null: none now, e.g. in the plenary). */
  tableId: string | null;
  /** The table you are moving to after a reseat, until its call connects; null otherwise. */
  movingTo: string | null;
  peers: CallPeerView[];
  muted: boolean;
  video: boolean;
  /** Muted by the protocol because you listen (the presenter); unmuting asks to speak. */
  listening: boolean;
  asksToSpeak: boolean;
  /** Your microphone's level now (0–1), for the meter. */
  level: number;
  speaking: boolean;
  /** Your camera (for the self view), or null. */
  localVideo: MediaStream | null;
  /** Why the call could not start, in words that say what to do. */
  error: string | null;
  /** Why video failed (audio goes on), or null. */
  videoError: string | null;
  /** Video is off because the table has more people than a mesh carries with video. */
  videoCapped: boolean;
  microphones: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
  microphoneId: string | null;
  cameraId: string | null;
  /** What the protocol did to your microphone at this phase (announced), or null. */
  policyNote: string | null;
}

/** The call before anyone joins. */
export const INITIAL_CALL: CallStoreState = {
  status: 'off',
  scope: 'table',
  tableId: null,
  movingTo: null,
  peers: [],
  muted: false,
  video: false,
  listening: false,
  asksToSpeak: false,
  level: 0,
  speaking: false,
  localVideo: null,
  error: null,
  videoError: null,
  videoCapped: false,
  microphones: [],
  cameras: [],
  microphoneId: null,
  cameraId: null,
  policyNote: null,
};

/** The call's store. */
export const useCallStore = create<CallStoreState>(() => INITIAL_CALL);

/** Participant ids speaking in your call now (you as `me` included), as a stable key "a,b". */
export function speakingKey(state: CallStoreState, me: string): string {
  const ids = state.peers.filter((p) => p.speaking && !p.muted).map((p) => p.participantId);
  if (state.speaking && !state.muted) ids.push(me);
  return [...new Set(ids)].sort().join(',');
}
