/**
 * The table's call as a full mesh: one `PeerLink` per other person in the call, signaled over the
 * control channel (`call:*` events). The server tells each table who is in its call
 * (`call:peers`); when that list names another table (a reseat, a host's visit), every link of the
 * old table is closed and the new table's people are called ("Moving to Table 5…"). After the
 * control connection comes back (a laptop woke up, the network changed), the call is joined
 * again under the new connection and the peers call it anew.
 *
 * This file holds the call's signaling and what you do with it (join, mute, camera, devices,
 * leave); the links to the peers are in callLinks.ts, your microphone and camera in localMedia.ts,
 * the level meters and speaking time in callMeters.ts.
 */
import { CallEvent, type CallPeers, type CallScope, type CallSettings, type SignalIn } from '@worktable/shared';
import { controlSocket, onControlSocketChanged, type ControlSocket } from '../protocol/controlConnection.js';
import { CallLinks } from './callLinks.js';
import { CallMeters } from './callMeters.js';
import { INITIAL_CALL, useCallStore, type CallPeerView } from './callStore.js';
import { LocalMedia } from './localMedia.js';
import { explainMediaError } from './media.js';
import { REPORT_MS } from './voiceActivity.js';

/** How often levels are sampled (voice activity, meter, speaking rings). */
const SAMPLE_MS = 100;
/** How often transfer counters are read. */
const STATS_MS = 2_000;
/** How long "Moving to…" shows at most when nobody else is in the new call yet. */
const MOVING_MS = 3_000;
/** How long to wait for `call:join`'s ack. */
const JOIN_TIMEOUT_MS = 5_000;

/** Options of a join. */
export interface JoinOptions {
  muted: boolean;
  /** Your table's call, or the plenary's (audio only). */
  scope: CallScope;
  /** `muted` is the phase's doing (the next phase may unmute), not the person's or the host's role. */
  byPolicy?: boolean;
}

/** The one call of the page. */
class MeshCall {
  private socket: ControlSocket | null = null;
  private peerId: string | null = null;
  private settings: CallSettings | null = null;
  private readonly media = new LocalMedia();
  private readonly meters = new CallMeters();
  private readonly links = new CallLinks(this.meters, {
    send: (signal) => this.socket?.emit(CallEvent.Signal, signal),
    connected: () => {
      window.clearTimeout(this.movingTimer);
      if (useCallStore.getState().movingTo !== null) useCallStore.setState({ movingTo: null });
    },
  });
  private timers: number[] = [];
  private movingTimer: number | undefined;
  private unsubscribe: (() => void) | null = null;
  private joinOptions: JoinOptions = { muted: false, scope: 'table' };
  /** You are muted because the phase asked for it (not by your own choice). */
  private mutedByPolicy = false;
  /** The last list of the call, kept until the join's answer says which entry is ours. */
  private lastPeers: CallPeers | null = null;

  /** Joins the call of the table the control connection sits at. */
  async join(options: JoinOptions): Promise<void> {
    const store = useCallStore.getState();
    if (store.status === 'in' || store.status === 'starting') return;
    this.joinOptions = options;
    this.mutedByPolicy = options.muted && options.byPolicy === true;
    const { muted, scope } = options;
    useCallStore.setState({ status: 'starting', error: null, muted, scope, videoCapped: scope === 'plenary' });
    let meterCopy: MediaStream;
    try {
      meterCopy = await this.media.openMicrophone(store.microphoneId, options.muted);
    } catch (error) {
      useCallStore.setState({ status: 'error', error: explainMediaError(error, 'microphone') });
      return;
    }
    this.meters.open(meterCopy);
    void this.media.refreshDevices();
    this.timers = [
      window.setInterval(() => this.meters.sample(), SAMPLE_MS),
      window.setInterval(() => void this.meters.report(), REPORT_MS),
      window.setInterval(() => void this.links.readStats(), STATS_MS),
    ];
    this.unsubscribe = onControlSocketChanged(() => this.bind(controlSocket()));
    this.bind(controlSocket());
    useCallStore.setState({ status: 'in' });
  }

  /** Attaches to a control socket (a new connection after the page reopened it). */
  private bind(socket: ControlSocket | null): void {
    if (socket === this.socket) return;
    this.unbindSocket();
    this.socket = socket;
    if (!socket) return;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on(CallEvent.Peers, this.onPeers);
    socket.on(CallEvent.Signal, this.onSignal);
    if (socket.connected) this.onConnect();
  }

  private unbindSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    socket.off('connect', this.onConnect);
    socket.off('disconnect', this.onDisconnect);
    socket.off(CallEvent.Peers, this.onPeers);
    socket.off(CallEvent.Signal, this.onSignal);
    this.socket = null;
  }

  /** (Re)joins under the current connection: a new connection is a new peer for everyone. */
  private readonly onConnect = (): void => {
    const socket = this.socket;
    if (!socket) return;
    const { muted, video } = useCallStore.getState();
    const { scope } = this.joinOptions;
    this.peerId = null;
    socket
      .timeout(JOIN_TIMEOUT_MS)
      .emitWithAck(CallEvent.Join, { muted, video: video && scope === 'table', scope })
      .then(
        (ack) => {
          if (socket !== this.socket || scope !== this.joinOptions.scope) return;
          if (!ack.ok) {
            useCallStore.setState({ error: `The call could not start: ${ack.error.message}` });
            return;
          }
          this.peerId = ack.peerId;
          this.settings = ack.settings;
          useCallStore.setState({ error: null });
          if (this.lastPeers) this.onPeers(this.lastPeers);
        },
        () => {
          if (socket !== this.socket || !socket.connected) return;
          useCallStore.setState({ error: 'The server did not answer the call; it tries again when the connection comes back.' });
        },
      );
  };

  /** The connection dropped: every link belongs to the old connection's peer id. */
  private readonly onDisconnect = (): void => {
    this.lastPeers = null;
    this.links.closeAll();
    useCallStore.setState({ peers: [] });
  };

  private readonly onPeers = (payload: CallPeers): void => {
    // Another call's list (the plenary's while you are at your table, or the other way round).
    if (payload.scope !== this.joinOptions.scope) return;
    this.lastPeers = payload;
    // Until the join is answered we do not know which entry is ours.
    if (!this.peerId || !this.settings) return;
    const store = useCallStore.getState();
    const moved = payload.tableId !== store.tableId;
    if (moved) {
      this.links.closeAll();
      window.clearTimeout(this.movingTimer);
      if (store.tableId !== null && payload.tableId !== null) {
        useCallStore.setState({ movingTo: payload.tableId });
        this.movingTimer = window.setTimeout(() => useCallStore.setState({ movingTo: null }), MOVING_MS);
      }
    }
    const others = payload.peers.filter((p) => p.peerId !== this.peerId);
    const opening = { ownPeerId: this.peerId, settings: this.settings, outgoing: this.media.outgoing, muted: store.muted };
    this.links.keepOnly(
      others.map((p) => p.peerId),
      opening,
    );
    const previous = new Map(store.peers.map((p) => [p.peerId, p]));
    const peers: CallPeerView[] = others.map((p) => {
      const was = moved ? undefined : previous.get(p.peerId);
      const link = was?.link ?? 'connecting';
      return { ...p, link, speaking: was?.speaking ?? false, stream: was?.stream ?? null, stats: was?.stats ?? null };
    });
    const capped = payload.scope === 'plenary' || payload.peers.length > this.settings.maxVideoPeers;
    useCallStore.setState({ tableId: payload.tableId, peers, videoCapped: capped });
    if (capped && store.video) void this.setVideo(false);
  };

  private readonly onSignal = (signal: SignalIn): void => {
    this.links.receive(signal);
  };

  /** Mutes or unmutes your microphone (unmuting while you listen asks to speak). */
  setMuted(muted: boolean): void {
    // Your own choice: the protocol will not undo it at the next phase.
    this.mutedByPolicy = false;
    this.mute(muted);
  }

  private mute(muted: boolean): void {
    const store = useCallStore.getState();
    this.media.setMicrophoneEnabled(!muted);
    const audio = this.media.microphoneTrack;
    for (const link of this.links.all()) link.holdAudio(muted, audio);
    const asksToSpeak = !muted && store.listening ? true : muted ? false : store.asksToSpeak;
    useCallStore.setState({ muted, asksToSpeak, speaking: store.speaking && !muted });
    this.socket?.emit(CallEvent.Update, { muted, asksToSpeak });
  }

  /** The protocol's microphone at a new phase: muted or not, and whether you listen. */
  applyPolicy(muted: boolean, listening: boolean, note: string | null): void {
    const store = useCallStore.getState();
    useCallStore.setState({ listening, policyNote: note });
    if (muted) {
      // Muted by the phase (unless you had muted yourself): the next phase gives the word back.
      if (!store.muted) {
        this.mute(true);
        this.mutedByPolicy = true;
      }
      return;
    }
    if (this.mutedByPolicy && store.muted) this.mute(false);
    else if (store.asksToSpeak) this.mute(store.muted);
    this.mutedByPolicy = false;
  }

  /** Turns your camera on or off; a camera that fails leaves the audio going. */
  async setVideo(on: boolean): Promise<void> {
    const store = useCallStore.getState();
    if (on && store.videoCapped) return;
    if (!on) {
      this.media.closeCamera();
      for (const link of this.links.all()) link.setTrack('video', null, this.media.outgoing);
      useCallStore.setState({ video: false, localVideo: null });
      this.socket?.emit(CallEvent.Update, { video: false });
      return;
    }
    let track: MediaStreamTrack | null;
    try {
      track = await this.media.openCamera(store.cameraId);
    } catch (error) {
      useCallStore.setState({ video: false, videoError: `${explainMediaError(error, 'camera')} Audio goes on.` });
      return;
    }
    if (!track) return;
    for (const link of this.links.all()) link.setTrack('video', track, this.media.outgoing);
    track.onended = () => void this.setVideo(false);
    useCallStore.setState({ video: true, videoError: null, localVideo: this.media.cameraStream });
    this.socket?.emit(CallEvent.Update, { video: true });
    void this.media.refreshDevices();
  }

  /** Moves to another call (your table's ↔ the plenary's) without letting go of the microphone. */
  moveTo(scope: CallScope, muted: boolean, byPolicy = false): void {
    if (scope === this.joinOptions.scope) return;
    this.joinOptions = { ...this.joinOptions, scope };
    this.lastPeers = null;
    this.links.closeAll();
    if (scope === 'plenary' && useCallStore.getState().video) void this.setVideo(false);
    useCallStore.setState({ scope, tableId: null, peers: [], movingTo: null, videoCapped: scope === 'plenary' });
    this.media.setMicrophoneEnabled(!muted);
    useCallStore.setState({ muted, asksToSpeak: false });
    this.mutedByPolicy = muted && byPolicy;
    if (this.socket?.connected) this.onConnect();
  }

  /** Switches to another microphone without leaving the call. */
  async switchMicrophone(deviceId: string): Promise<void> {
    useCallStore.setState({ microphoneId: deviceId });
    if (useCallStore.getState().status !== 'in') return;
    let track: MediaStreamTrack | null;
    try {
      track = await this.media.switchMicrophone(deviceId);
    } catch (error) {
      useCallStore.setState({ error: explainMediaError(error, 'microphone') });
      return;
    }
    if (!track) return;
    const muted = useCallStore.getState().muted;
    for (const link of this.links.all()) {
      link.setTrack('audio', track, this.media.outgoing);
      if (muted) link.holdAudio(true, null);
    }
    this.meters.replaceOwn(new MediaStream([track.clone()]));
    useCallStore.setState({ error: null });
  }

  /** Switches to another camera (turning video on when it was off). */
  async switchCamera(deviceId: string): Promise<void> {
    useCallStore.setState({ cameraId: deviceId });
    if (useCallStore.getState().video) await this.setVideo(false);
    if (useCallStore.getState().status === 'in') await this.setVideo(true);
  }

  /** Leaves the call: hangs up on everyone and lets go of the microphone and camera. */
  leave(): void {
    void this.meters.report();
    this.socket?.emit(CallEvent.Leave);
    this.unbindSocket();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.links.closeAll();
    for (const timer of this.timers) window.clearInterval(timer);
    this.timers = [];
    window.clearTimeout(this.movingTimer);
    this.media.close();
    this.meters.close();
    this.peerId = null;
    this.lastPeers = null;
    const { microphoneId, cameraId, microphones, cameras } = useCallStore.getState();
    useCallStore.setState({ ...INITIAL_CALL, microphoneId, cameraId, microphones, cameras });
  }

  /** Whether you joined (and have not left). */
  get joined(): boolean {
    const { status } = useCallStore.getState();
    return status === 'in' || status === 'starting';
  }

  /** The options of the last join. */
  get lastJoin(): JoinOptions {
    return this.joinOptions;
  }
}

/** The page's call. */
export const meshCall = new MeshCall();
