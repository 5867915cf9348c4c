/**
 * The table's call as a full mesh: one `PeerLink` per other person in the call, signaled over the
 * control channel (`call:*` events). The server tells each table who is in its call
 * (`call:peers`); when that list names another table (a reseat, a host's visit), every link of the
 * old table is closed and the new table's people are called ("Moving to Table 5…"). After the
 * control connection comes back (a laptop woke up, the network changed), the call is joined
 * again under the new connection and the peers call it anew.
 *
 * Your microphone is measured here: its level drives the meter and voice activity; speaking time
 * (durations only, never audio) is reported with the `spoke` action every few seconds. Remote
 * audio plays through detached audio elements, so the call goes on whatever the UI shows.
 */
import { CallEvent, type CallPeers, type CallScope, type CallSettings, type SignalIn } from '@worktable/shared';
import { controlSocket, onControlSocketChanged, sendControl, type ControlSocket } from '../protocol/controlConnection.js';
import { INITIAL_CALL, useCallStore, type CallPeerView } from './callStore.js';
import { explainMediaError, listDevices, openCamera, openMicrophone } from './media.js';
import { PeerLink } from './peerLink.js';
import { REPORT_MS, VoiceActivity, rmsOf } from './voiceActivity.js';

/** How often levels are sampled (voice activity, meter, speaking rings). */
const SAMPLE_MS = 100;
/** How often transfer counters are read. */
const STATS_MS = 2_000;
/** Signals for a peer not known yet are kept this long (their `call:peers` may come just after). */
const PENDING_MS = 10_000;
/** How long "Moving to…" shows at most when nobody else is in the new call yet. */
const MOVING_MS = 3_000;
/** How long to wait for `call:join`'s ack. */
const JOIN_TIMEOUT_MS = 5_000;

/** A level meter on one stream. */
interface Meter {
  analyser: AnalyserNode;
  source: MediaStreamAudioSourceNode;
  buffer: Float32Array<ArrayBuffer>;
  vad: VoiceActivity;
}

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
  private microphone: MediaStream | null = null;
  private camera: MediaStream | null = null;
  /** What peers receive: the microphone's track and, when on, the camera's. */
  private outgoing = new MediaStream();
  private readonly links = new Map<string, PeerLink>();
  private readonly audios = new Map<string, HTMLAudioElement>();
  private readonly meters = new Map<string, Meter>();
  private readonly pending = new Map<string, { at: number; signals: SignalIn[] }>();
  private context: AudioContext | null = null;
  private ownMeter: Meter | null = null;
  private timers: number[] = [];
  private movingTimer: number | undefined;
  private unsubscribe: (() => void) | null = null;
  private joinOptions: JoinOptions = { muted: false, scope: 'table' };
  /** Speaking time measured and not yet accepted by the server. */
  private unreported = 0;
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
    useCallStore.setState({ status: 'starting', error: null, muted: options.muted, scope: options.scope, videoCapped: options.scope === 'plenary' });
    try {
      this.microphone = await openMicrophone(store.microphoneId);
    } catch (error) {
      useCallStore.setState({ status: 'error', error: explainMediaError(error, 'microphone') });
      return;
    }
    const track = this.microphone.getAudioTracks()[0];
    if (track) {
      track.enabled = !options.muted;
      this.outgoing.addTrack(track);
    }
    this.context = new AudioContext();
    void this.context.resume().catch(() => undefined);
    // The meter listens to a copy that stays on when you mute, so the meter still shows your voice.
    this.ownMeter = this.meterOf(new MediaStream(this.microphone.getAudioTracks().map((t) => t.clone())));
    void this.refreshDevices();
    this.timers = [window.setInterval(() => this.sample(), SAMPLE_MS), window.setInterval(() => void this.report(), REPORT_MS), window.setInterval(() => void this.readStats(), STATS_MS)];
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
          if (socket === this.socket && socket.connected) useCallStore.setState({ error: 'The server did not answer the call; it tries again when the connection comes back.' });
        },
      );
  };

  /** The connection dropped: every link belongs to the old connection's peer id. */
  private readonly onDisconnect = (): void => {
    this.lastPeers = null;
    this.closeLinks();
    useCallStore.setState({ peers: [] });
  };

  private readonly onPeers = (payload: CallPeers): void => {
    // Another call's list (the plenary's while you are at your table, or the other way round).
    if (payload.scope !== this.joinOptions.scope) return;
    this.lastPeers = payload;
    // Until the join is answered we do not know which entry is ours.
    if (!this.peerId) return;
    const store = useCallStore.getState();
    const moved = payload.tableId !== store.tableId;
    if (moved) {
      this.closeLinks();
      window.clearTimeout(this.movingTimer);
      if (store.tableId !== null && payload.tableId !== null) {
        useCallStore.setState({ movingTo: payload.tableId });
        this.movingTimer = window.setTimeout(() => useCallStore.setState({ movingTo: null }), MOVING_MS);
      }
    }
    const others = payload.peers.filter((p) => p.peerId !== this.peerId);
    const keep = new Set(others.map((p) => p.peerId));
    for (const peerId of [...this.links.keys()]) if (!keep.has(peerId)) this.dropLink(peerId);
    for (const peer of others) if (!this.links.has(peer.peerId)) this.openLink(peer.peerId);
    const previous = new Map(store.peers.map((p) => [p.peerId, p]));
    const peers: CallPeerView[] = others.map((p) => {
      const was = moved ? undefined : previous.get(p.peerId);
      return { ...p, link: was?.link ?? 'connecting', speaking: was?.speaking ?? false, stream: was?.stream ?? null, stats: was?.stats ?? null };
    });
    const capped = payload.scope === 'plenary' || (this.settings !== null && payload.peers.length > this.settings.maxVideoPeers);
    useCallStore.setState({ tableId: payload.tableId, peers, videoCapped: capped });
    if (capped && store.video) void this.setVideo(false);
  };

  private readonly onSignal = (signal: SignalIn): void => {
    const link = this.links.get(signal.from);
    if (link) {
      void link.receive(signal).catch(() => undefined);
      return;
    }
    const now = Date.now();
    for (const [id, p] of this.pending) if (now - p.at > PENDING_MS) this.pending.delete(id);
    const waiting = this.pending.get(signal.from) ?? { at: now, signals: [] };
    if (waiting.signals.length < 100) waiting.signals.push(signal);
    this.pending.set(signal.from, waiting);
  };

  private openLink(peerId: string): void {
    if (!this.peerId || !this.settings) return;
    const link = new PeerLink(
      peerId,
      this.peerId < peerId,
      this.settings.iceServers,
      {
        send: (signal) => this.socket?.emit(CallEvent.Signal, { ...signal, to: peerId }),
        remoteStream: (stream) => this.remoteStream(peerId, stream),
        state: (state) => {
          this.updatePeer(peerId, { link: state });
          if (state === 'connected') {
            window.clearTimeout(this.movingTimer);
            if (useCallStore.getState().movingTo !== null) useCallStore.setState({ movingTo: null });
          }
        },
      },
      this.settings.iceTransportPolicy,
    );
    this.links.set(peerId, link);
    for (const track of this.outgoing.getTracks()) link.setTrack(track.kind === 'video' ? 'video' : 'audio', track, this.outgoing);
    if (useCallStore.getState().muted) link.holdAudio(true, null);
    const waiting = this.pending.get(peerId);
    this.pending.delete(peerId);
    void (async () => {
      for (const signal of waiting?.signals ?? []) await link.receive(signal).catch(() => undefined);
    })();
  }

  private remoteStream(peerId: string, stream: MediaStream): void {
    let audio = this.audios.get(peerId);
    if (!audio) {
      audio = new Audio();
      audio.autoplay = true;
      this.audios.set(peerId, audio);
    }
    if (audio.srcObject !== stream) {
      audio.srcObject = stream;
      void audio.play().catch(() => undefined);
    }
    if (!this.meters.has(peerId) && stream.getAudioTracks().length > 0) {
      const meter = this.meterOf(stream);
      if (meter) this.meters.set(peerId, meter);
    }
    const hasVideo = stream.getVideoTracks().some((t) => t.readyState === 'live');
    this.updatePeer(peerId, { stream: hasVideo ? stream : null });
    stream.onremovetrack = () => this.updatePeer(peerId, { stream: stream.getVideoTracks().length > 0 ? stream : null });
    stream.onaddtrack = () => this.updatePeer(peerId, { stream: stream.getVideoTracks().length > 0 ? stream : null });
  }

  private updatePeer(peerId: string, change: Partial<CallPeerView>): void {
    useCallStore.setState((s) => ({ peers: s.peers.map((p) => (p.peerId === peerId ? { ...p, ...change } : p)) }));
  }

  private dropLink(peerId: string): void {
    this.links.get(peerId)?.close();
    this.links.delete(peerId);
    const audio = this.audios.get(peerId);
    if (audio) audio.srcObject = null;
    this.audios.delete(peerId);
    const meter = this.meters.get(peerId);
    meter?.source.disconnect();
    this.meters.delete(peerId);
  }

  private closeLinks(): void {
    for (const peerId of [...this.links.keys()]) this.dropLink(peerId);
    this.pending.clear();
  }

  private meterOf(stream: MediaStream): Meter | null {
    if (!this.context) return null;
    const source = this.context.createMediaStreamSource(stream);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    return { analyser, source, buffer: new Float32Array(analyser.fftSize), vad: new VoiceActivity() };
  }

  /** Samples every level: your meter and voice activity, and each peer's speaking ring. */
  private sample(): void {
    const now = performance.now();
    const store = useCallStore.getState();
    const own = this.ownMeter;
    let level = 0;
    let speaking = false;
    if (own) {
      own.analyser.getFloatTimeDomainData(own.buffer);
      level = rmsOf(own.buffer);
      speaking = own.vad.sample(level, now, !store.muted);
    }
    let ringsChanged = false;
    const rings = new Map<string, boolean>();
    for (const [peerId, meter] of this.meters) {
      meter.analyser.getFloatTimeDomainData(meter.buffer);
      const talking = meter.vad.sample(rmsOf(meter.buffer), now, false);
      rings.set(peerId, talking);
      if (store.peers.find((p) => p.peerId === peerId)?.speaking !== talking) ringsChanged = true;
    }
    const shownLevel = Math.min(1, level * 8);
    if (Math.abs(shownLevel - store.level) > 0.02 || speaking !== store.speaking || ringsChanged) {
      useCallStore.setState((s) => ({
        level: shownLevel,
        speaking: speaking && !s.muted,
        peers: ringsChanged ? s.peers.map((p) => ({ ...p, speaking: rings.get(p.peerId) ?? false })) : s.peers,
      }));
    }
  }

  /** Sends the speaking time measured since the last report (kept when the server cannot take it). */
  private async report(): Promise<void> {
    this.unreported = Math.min(60_000, this.unreported + (this.ownMeter?.vad.take() ?? 0));
    if (this.unreported < 1) return;
    const ms = Math.round(this.unreported);
    const ack = await sendControl({ action: 'spoke', ms });
    if (ack.ok || ack.error.code === 'bad_request') this.unreported = Math.max(0, this.unreported - ms);
  }

  private async readStats(): Promise<void> {
    for (const [peerId, link] of this.links) {
      const stats = await link.stats().catch(() => null);
      if (stats) this.updatePeer(peerId, { stats });
    }
  }

  private async refreshDevices(): Promise<void> {
    const { microphones, cameras } = await listDevices().catch(() => ({ microphones: [], cameras: [] }));
    const micId = this.microphone?.getAudioTracks()[0]?.getSettings().deviceId ?? null;
    useCallStore.setState((s) => ({ microphones, cameras, microphoneId: s.microphoneId ?? micId }));
  }

  /** Mutes or unmutes your microphone (unmuting while you listen asks to speak). */
  setMuted(muted: boolean): void {
    // Your own choice: the protocol will not undo it at the next phase.
    this.mutedByPolicy = false;
    this.mute(muted);
  }

  private mute(muted: boolean): void {
    const store = useCallStore.getState();
    for (const track of this.microphone?.getAudioTracks() ?? []) track.enabled = !muted;
    const audio = this.microphone?.getAudioTracks()[0] ?? null;
    for (const link of this.links.values()) link.holdAudio(muted, audio);
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
      for (const track of this.camera?.getTracks() ?? []) {
        track.stop();
        this.outgoing.removeTrack(track);
      }
      this.camera = null;
      for (const link of this.links.values()) link.setTrack('video', null, this.outgoing);
      useCallStore.setState({ video: false, localVideo: null });
      this.socket?.emit(CallEvent.Update, { video: false });
      return;
    }
    try {
      this.camera = await openCamera(store.cameraId);
    } catch (error) {
      useCallStore.setState({ video: false, videoError: `${explainMediaError(error, 'camera')} Audio goes on.` });
      return;
    }
    const track = this.camera.getVideoTracks()[0];
    if (!track) return;
    this.outgoing.addTrack(track);
    for (const link of this.links.values()) link.setTrack('video', track, this.outgoing);
    track.onended = () => void this.setVideo(false);
    useCallStore.setState({ video: true, videoError: null, localVideo: this.camera });
    this.socket?.emit(CallEvent.Update, { video: true });
    void this.refreshDevices();
  }

  /** Moves to another call (your table's ↔ the plenary's) without letting go of the microphone. */
  moveTo(scope: CallScope, muted: boolean, byPolicy = false): void {
    if (scope === this.joinOptions.scope) return;
    this.joinOptions = { ...this.joinOptions, scope };
    this.lastPeers = null;
    this.closeLinks();
    if (scope === 'plenary' && useCallStore.getState().video) void this.setVideo(false);
    useCallStore.setState({ scope, tableId: null, peers: [], movingTo: null, videoCapped: scope === 'plenary' });
    for (const track of this.microphone?.getAudioTracks() ?? []) track.enabled = !muted;
    useCallStore.setState({ muted, asksToSpeak: false });
    this.mutedByPolicy = muted && byPolicy;
    if (this.socket?.connected) this.onConnect();
  }

  /** Switches to another microphone without leaving the call. */
  async useMicrophone(deviceId: string): Promise<void> {
    useCallStore.setState({ microphoneId: deviceId });
    if (useCallStore.getState().status !== 'in') return;
    let next: MediaStream;
    try {
      next = await openMicrophone(deviceId);
    } catch (error) {
      useCallStore.setState({ error: explainMediaError(error, 'microphone') });
      return;
    }
    const track = next.getAudioTracks()[0];
    if (!track) return;
    track.enabled = !useCallStore.getState().muted;
    for (const old of this.microphone?.getTracks() ?? []) {
      old.stop();
      this.outgoing.removeTrack(old);
    }
    this.microphone = next;
    this.outgoing.addTrack(track);
    const muted = useCallStore.getState().muted;
    for (const link of this.links.values()) {
      link.setTrack('audio', track, this.outgoing);
      if (muted) link.holdAudio(true, null);
    }
    this.ownMeter?.source.disconnect();
    this.ownMeter = this.meterOf(new MediaStream([track.clone()]));
    useCallStore.setState({ error: null });
  }

  /** Switches to another camera (turning video on when it was off). */
  async useCamera(deviceId: string): Promise<void> {
    useCallStore.setState({ cameraId: deviceId });
    if (useCallStore.getState().video) await this.setVideo(false);
    if (useCallStore.getState().status === 'in') await this.setVideo(true);
  }

  /** Leaves the call: hangs up on everyone and lets go of the microphone and camera. */
  leave(): void {
    void this.report();
    this.socket?.emit(CallEvent.Leave);
    this.unbindSocket();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.closeLinks();
    for (const timer of this.timers) window.clearInterval(timer);
    this.timers = [];
    window.clearTimeout(this.movingTimer);
    for (const stream of [this.microphone, this.camera, this.ownMeter?.source.mediaStream ?? null]) for (const track of stream?.getTracks() ?? []) track.stop();
    this.microphone = null;
    this.camera = null;
    this.outgoing = new MediaStream();
    this.ownMeter = null;
    void this.context?.close().catch(() => undefined);
    this.context = null;
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
