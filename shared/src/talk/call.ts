/**
 * Calls at the table: the wire contract of a full-mesh WebRTC call per table, signaled over the
 * control channel. The server only relays offers, answers and ICE candidates between sockets at
 * the same table and tells each table who is in its call; audio and video go browser to browser
 * (or through TURN), never through the app server, and nothing is recorded.
 *
 * A call belongs to the table room a socket sits in, so it follows the seating by itself: when a
 * round reseats, the server moves sockets between table rooms and every table gets its new list
 * of peers (`call:peers`); each browser hangs up on peers that left and calls the ones that came.
 * While everyone is together, a convening without a call link of its own has one audio-only call
 * for the whole session (the plenary's), up to a cap a mesh carries. The schemas of what browsers
 * send are in callSchemas.ts.
 */
import { Speakers } from '../protocols/definition.js';
import type { SignalIn } from './callSchemas.js';

/** Event names of the call, on the control channel. */
export const CallEvent = {
  /** Client → server with ack: join your table's call (`CallJoin`) → `CallJoinAck`. */
  Join: 'call:join',
  /** Client → server: your microphone, camera or "I need to speak" changed (`CallUpdate`). */
  Update: 'call:update',
  /** Client → server: leave the call. */
  Leave: 'call:leave',
  /** Both ways: an offer, answer or ICE candidate for one peer (`SignalOut` up, `SignalIn` down). */
  Signal: 'call:signal',
  /** Server → the sockets of a table: who is in its call now (`CallPeers`). */
  Peers: 'call:peers',
} as const;

/** Someone in a table's call. */
export interface CallPeer {
  /** The connection's id (one person may have two tabs). */
  peerId: string;
  participantId: string;
  muted: boolean;
  video: boolean;
  /** Muted by the protocol (the presenter listens) and asking to speak. */
  asksToSpeak: boolean;
}

/** Which call: your table's, or everyone's in the plenary (audio only, up to `maxPlenaryPeers`). */
export type CallScope = 'table' | 'plenary';

/** Who is in a call: the table's a socket sits at (`tableId` null: at no table), or the plenary's. */
export interface CallPeers {
  scope: CallScope;
  tableId: string | null;
  peers: CallPeer[];
}

/** One ICE server as `RTCPeerConnection` takes it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** What a browser needs to call: ICE servers (TURN with short-lived credentials) and the mesh cap. */
export interface CallSettings {
  iceServers: IceServer[];
  /** Above this many people in a call, video is off (audio only) to spare everyone's uplink. */
  maxVideoPeers: number;
  /** `relay`: only through TURN (nobody learns another's address); `all`: direct when possible. */
  iceTransportPolicy: 'all' | 'relay';
  /** Most people in the plenary's audio call; beyond it the plenary needs the convening's call link. */
  maxPlenaryPeers: number;
}

/** The ack of `call:join`. */
export type CallJoinAck = { ok: true; peerId: string; settings: CallSettings } | { ok: false; error: { code: string; message: string } };

/** Server → client events of the call (socket.io typing). */
export interface CallServerEvents {
  [CallEvent.Peers]: (payload: CallPeers) => void;
  [CallEvent.Signal]: (payload: SignalIn) => void;
}

/** Client → server events of the call; payloads are `unknown` on purpose: the server validates them. */
export interface CallClientEvents {
  [CallEvent.Join]: (payload: unknown, ack: (result: CallJoinAck) => void) => void;
  [CallEvent.Update]: (payload: unknown) => void;
  [CallEvent.Leave]: () => void;
  [CallEvent.Signal]: (payload: unknown) => void;
}

/** How the protocol sets your microphone when a phase starts. */
export interface MicPolicy {
  /** Start the phase muted. */
  muted: boolean;
  /** Muted because you listen (the presenter): unmuting means asking to speak. */
  listening: boolean;
  /** What to tell the person, or null. */
  reason: string | null;
}

/**
 * The microphone a phase asks for: the presenter is muted while the group talks about their work
 * (`all-but-presenter`), everyone is muted in silent phases; otherwise the microphone is yours.
 */
export function micPolicy(speakers: Speakers | null, isPresenter: boolean): MicPolicy {
  if (speakers === Speakers.Silent)
    return { muted: true, listening: false, reason: 'A silent phase: everyone starts muted. Unmute when you need to.' };
  if (speakers === Speakers.AllButPresenter && isPresenter)
    return { muted: true, listening: true, reason: 'You listen silently while the group talks about your work.' };
  return { muted: false, listening: false, reason: null };
}
