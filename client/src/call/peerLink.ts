/**
 * One peer connection of the table's mesh call, negotiated the "perfect negotiation" way: either
 * side may offer (when it adds a track, or after a network change restarts ICE); when both offer
 * at once, the polite side (the smaller peer id) rolls its own offer back and answers. The first
 * offer is always the impolite side's: the polite side waits for it (its microphone joins the
 * answer), because a first offer rolled back in Chromium can leave the link without candidates.
 * Signals go through `send` (the control channel); what arrives goes to `receive`.
 */
import type { IceServer, SignalIn, SignalOut } from '@worktable/shared';

/** How a peer connection is doing, in words the UI can show. */
export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** What a link reports to its call. */
export interface LinkEvents {
  send(signal: Omit<SignalOut, 'to'>): void;
  remoteStream(stream: MediaStream): void;
  state(state: LinkState): void;
}

/** Transfer counters of one link (from `getStats`). */
export interface LinkStats {
  inboundAudioBytes: number;
  outboundAudioBytes: number;
  inboundVideoBytes: number;
  /** `host`, `srflx` or `relay` (through TURN) for the candidate pair in use, or null. */
  localCandidateType: string | null;
}

/** A link not connected after this long negotiates again (ICE restart). */
const STUCK_MS = 10_000;

/** Maps a connection state to what people are told. */
function linkStateOf(pc: RTCPeerConnection): LinkState {
  switch (pc.connectionState) {
    case 'connected':
      return 'connected';
    case 'disconnected':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    default:
      return 'connecting';
  }
}

/** One RTCPeerConnection to one peer. */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private closed = false;
  private readonly senders = new Map<string, RTCRtpSender>();
  private watchdog: number | undefined;
  /** Whether this side may offer: the impolite side at once, the polite side after the first offer it got. */
  private mayOffer: boolean;

  constructor(
    readonly peerId: string,
    private readonly polite: boolean,
    iceServers: IceServer[],
    private readonly events: LinkEvents,
    iceTransportPolicy: RTCIceTransportPolicy = 'all',
  ) {
    this.mayOffer = !polite;
    this.pc = new RTCPeerConnection({ iceServers, iceTransportPolicy });
    this.pc.onnegotiationneeded = () => {
      if (this.mayOffer) void this.offer();
    };
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) events.send({ candidate: candidate.toJSON() as NonNullable<SignalOut['candidate']> });
    };
    this.pc.ontrack = ({ streams, track }) => events.remoteStream(streams[0] ?? new MediaStream([track]));
    this.pc.onconnectionstatechange = () => {
      if (this.closed) return;
      events.state(linkStateOf(this.pc));
      // A network change or a laptop waking up: look for a new path (the other side answers).
      if (this.pc.connectionState === 'failed') this.pc.restartIce();
      if (this.pc.connectionState === 'connected') window.clearTimeout(this.watchdog);
    };
    // A signal lost on the way (a reconnect in between) would leave the link waiting forever.
    this.watchdog = window.setTimeout(() => {
      if (this.closed || this.pc.connectionState === 'connected') return;
      this.mayOffer = true;
      this.pc.restartIce();
    }, STUCK_MS);
  }

  /** Sends `track` (from `stream`) to the peer, replacing the one of the same kind. */
  setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null, stream: MediaStream): void {
    if (this.closed) return;
    const sender = this.senders.get(kind);
    if (sender && track) {
      void sender.replaceTrack(track);
      return;
    }
    if (sender && !track) {
      this.pc.removeTrack(sender);
      this.senders.delete(kind);
      return;
    }
    if (track) this.senders.set(kind, this.pc.addTrack(track, stream));
  }

  /**
   * Stops or resumes sending the microphone without renegotiating: a muted microphone sends
   * nothing at all (no encoder runs), which matters in a plenary where most people listen.
   */
  holdAudio(held: boolean, track: MediaStreamTrack | null): void {
    const sender = this.senders.get('audio');
    if (!sender || this.closed) return;
    const next = held ? null : track;
    if (sender.track !== next) void sender.replaceTrack(next).catch(() => undefined);
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      if (this.pc.localDescription)
        this.events.send({ description: this.pc.localDescription.toJSON() as NonNullable<SignalOut['description']> });
    } catch {
      // The state moved on (a rollback, a close): the next negotiation starts over.
    } finally {
      this.makingOffer = false;
    }
  }

  /** Handles an offer, answer or candidate from the peer. */
  async receive(signal: SignalIn): Promise<void> {
    if (this.closed) return;
    const { description, candidate } = signal;
    if (description) {
      if (description.type === 'offer') this.mayOffer = true;
      const collision = description.type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await this.pc.setRemoteDescription(description as RTCSessionDescriptionInit);
      if (description.type === 'offer') {
        await this.pc.setLocalDescription();
        if (this.pc.localDescription)
          this.events.send({ description: this.pc.localDescription.toJSON() as NonNullable<SignalOut['description']> });
      }
      return;
    }
    if (candidate) {
      try {
        await this.pc.addIceCandidate(candidate as RTCIceCandidateInit);
      } catch (error) {
        if (!this.ignoreOffer) throw error;
      }
    }
  }

  /** Bytes received and sent so far, and the kind of path in use. */
  async stats(): Promise<LinkStats> {
    const result: LinkStats = { inboundAudioBytes: 0, outboundAudioBytes: 0, inboundVideoBytes: 0, localCandidateType: null };
    const report = await this.pc.getStats();
    const byId = new Map<string, Record<string, unknown>>();
    report.forEach((entry: Record<string, unknown>) => {
      byId.set(String(entry.id), entry);
    });
    for (const entry of byId.values()) {
      const bytes = typeof entry.bytesReceived === 'number' ? entry.bytesReceived : 0;
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') result.inboundAudioBytes += bytes;
      if (entry.type === 'inbound-rtp' && entry.kind === 'video') result.inboundVideoBytes += bytes;
      if (entry.type === 'outbound-rtp' && entry.kind === 'audio' && typeof entry.bytesSent === 'number')
        result.outboundAudioBytes += entry.bytesSent;
      if (entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string') {
        const pair = byId.get(entry.selectedCandidatePairId);
        const local = pair ? byId.get(String(pair.localCandidateId)) : undefined;
        if (local && typeof local.candidateType === 'string') result.localCandidateType = local.candidateType;
      }
    }
    return result;
  }

  /** Hangs up. */
  close(): void {
    this.closed = true;
    window.clearTimeout(this.watchdog);
    this.pc.close();
  }
}
