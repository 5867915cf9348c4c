/**
 * The call's peer links: one `PeerLink` per other person in the call, with the signals that came
 * for a peer before their link (kept a little while), their remote audio played through detached
 * audio elements (so the call goes on whatever the UI shows), and each link's state, stream and
 * transfer counters in the call store. Part of the page's call (meshCall.ts).
 */
import type { CallSettings, SignalIn, SignalOut } from '@worktable/shared';
import type { CallMeters } from './callMeters.js';
import { useCallStore, type CallPeerView } from './callStore.js';
import { PeerLink } from './peerLink.js';

/** Signals for a peer not known yet are kept this long (their `call:peers` may come just after). */
const PENDING_MS = 10_000;
/** At most this many signals are kept for a peer not known yet. */
const PENDING_MAX = 100;

/** What the links need from their call. */
export interface CallLinksEvents {
  /** Sends `signal` to `peerId` over the control channel. */
  send(signal: SignalOut): void;
  /** A link connected. */
  connected(): void;
}

/** What a new link is opened with. */
export interface LinkOpening {
  /** Your peer id in this call. */
  ownPeerId: string;
  settings: CallSettings;
  /** What peers receive: your microphone's track and, when on, your camera's. */
  outgoing: MediaStream;
  muted: boolean;
}

/** Changes what the call store shows of one peer. */
function updatePeer(peerId: string, change: Partial<CallPeerView>): void {
  useCallStore.setState((s) => ({ peers: s.peers.map((p) => (p.peerId === peerId ? { ...p, ...change } : p)) }));
}

/** The links to everyone else in the call. */
export class CallLinks {
  private readonly links = new Map<string, PeerLink>();
  private readonly audios = new Map<string, HTMLAudioElement>();
  private readonly pending = new Map<string, { at: number; signals: SignalIn[] }>();

  constructor(
    private readonly meters: CallMeters,
    private readonly events: CallLinksEvents,
  ) {}

  /** Every open link. */
  all(): IterableIterator<PeerLink> {
    return this.links.values();
  }

  /** Keeps the links to `peerIds` (opening the missing ones) and closes the others. */
  keepOnly(peerIds: readonly string[], opening: LinkOpening): void {
    const keep = new Set(peerIds);
    for (const peerId of [...this.links.keys()]) if (!keep.has(peerId)) this.drop(peerId);
    for (const peerId of peerIds) if (!this.links.has(peerId)) this.open(peerId, opening);
  }

  /** Hands `signal` to its link, or keeps it until the link opens. */
  receive(signal: SignalIn): void {
    const link = this.links.get(signal.from);
    if (link) {
      void link.receive(signal).catch(() => undefined);
      return;
    }
    const now = Date.now();
    for (const [id, p] of this.pending) if (now - p.at > PENDING_MS) this.pending.delete(id);
    const waiting = this.pending.get(signal.from) ?? { at: now, signals: [] };
    if (waiting.signals.length < PENDING_MAX) waiting.signals.push(signal);
    this.pending.set(signal.from, waiting);
  }

  private open(peerId: string, { ownPeerId, settings, outgoing, muted }: LinkOpening): void {
    const link = new PeerLink(
      peerId,
      ownPeerId < peerId,
      settings.iceServers,
      {
        send: (signal) => this.events.send({ ...signal, to: peerId }),
        remoteStream: (stream) => this.remoteStream(peerId, stream),
        state: (state) => {
          updatePeer(peerId, { link: state });
          if (state === 'connected') this.events.connected();
        },
      },
      settings.iceTransportPolicy,
    );
    this.links.set(peerId, link);
    for (const track of outgoing.getTracks()) link.setTrack(track.kind === 'video' ? 'video' : 'audio', track, outgoing);
    if (muted) link.holdAudio(true, null);
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
    this.meters.addPeer(peerId, stream);
    const hasVideo = stream.getVideoTracks().some((t) => t.readyState === 'live');
    updatePeer(peerId, { stream: hasVideo ? stream : null });
    stream.onremovetrack = () => updatePeer(peerId, { stream: stream.getVideoTracks().length > 0 ? stream : null });
    stream.onaddtrack = () => updatePeer(peerId, { stream: stream.getVideoTracks().length > 0 ? stream : null });
  }

  /** Closes the link to `peerId` and stops playing and measuring them. */
  private drop(peerId: string): void {
    this.links.get(peerId)?.close();
    this.links.delete(peerId);
    const audio = this.audios.get(peerId);
    if (audio) audio.srcObject = null;
    this.audios.delete(peerId);
    this.meters.dropPeer(peerId);
  }

  /** Closes every link and forgets the signals kept for peers not known yet. */
  closeAll(): void {
    for (const peerId of [...this.links.keys()]) this.drop(peerId);
    this.pending.clear();
  }

  /** Reads every link's transfer counters into the call store. */
  async readStats(): Promise<void> {
    for (const [peerId, link] of this.links) {
      const stats = await link.stats().catch(() => null);
      if (stats) updatePeer(peerId, { stats });
    }
  }
}
