/** What a `ControlPlane` is built with: its collaborators, limits and hooks, and the default of no ICE servers. */
import type { Protocol } from '@worktable/shared';
import type { HistoryRecorder } from '../history/historyRecorder.js';
import type { RelayLogger } from '../relay/relay.js';
import type { Leases } from '../scaleout/sessionLeases.js';
import type { SocketRate } from '../security/socketRateLimit.js';
import type { AnonymousReactions } from './anonymousReactions.js';
import type { CallCounters } from './callSignaling.js';
import type { ControlCounters } from './controlRate.js';
import type { DocumentActivity } from './dashboard.js';
import { SIGNALS_PER_SECOND, SIGNAL_BURST, type IceSettings } from './iceServers.js';
import type { PrivateReveal } from './privateReveal.js';

/** Control plane settings. */
export interface ControlPlaneOptions {
  facilitatorGraceMs: number;
  logger: RelayLogger;
  /** Looks up a protocol by id (built-ins, plus whatever tests inject). */
  findProtocol: (id: string) => Protocol | undefined;
  /** Document activity for the host dashboard. */
  activity: DocumentActivity;
  /** Keeps the tables' history at phase boundaries. */
  history?: HistoryRecorder;
  /** Reveals private writing when it ends. */
  privateReveal?: PrivateReveal;
  /** Writes anonymous reactions (`react`); without it they are refused. */
  anonymousReactions?: AnonymousReactions;
  /** ICE servers and mesh cap for the calls at the tables (none: browsers connect directly). */
  ice?: IceSettings;
  /** Counts call signals for `/metrics`. */
  callCounters?: CallCounters;
  /** Control actions one socket may send at once and per second (defaults: `CONTROL_ACTION_BURST`, `CONTROL_ACTIONS_PER_SECOND`). */
  actionRate?: SocketRate;
  /** Counts control actions for `/metrics`. */
  controlCounters?: ControlCounters;
  /** Who keeps each session's timers (one node: this one; with Redis: leases). */
  leases?: Leases;
  /** A participant was removed (here or on another node): close their document connections on this node. */
  onForgetParticipant?: (sessionId: string, participantId: string) => void;
  /** A session was deleted (here or on another node): drop its documents on this node without storing. */
  onForgetSession?: (sessionId: string) => void;
  now?: () => number;
}

/** No ICE servers (browsers on one network reach each other directly) and the default mesh cap. */
export const NO_ICE: IceSettings = {
  urls: [],
  turnSecret: undefined,
  turnTtlSeconds: 3600,
  maxVideoPeers: 8,
  transportPolicy: 'all',
  maxPlenaryPeers: 24,
  signalBurst: SIGNAL_BURST,
  signalsPerSecond: SIGNALS_PER_SECOND,
};
