/**
 * The call signaling benchmark's simulated browser (`callSignalingBench.ts`): one participant's
 * call negotiated over the server's signaling the way `client/src/call/meshCall.ts` does, without
 * media, counting the traffic it sends and receives.
 */
import type { Socket } from 'socket.io-client';
import { CallEvent, type CallJoinAck, type CallPeers, type SignalIn, type SignalOut } from '@worktable/shared';
import { CANDIDATES_PER_SIDE, fakeCandidates, fakeSdp } from './callBenchPayloads.js';

/** One side of a peer connection: what it sent and received so far. */
export interface Link {
  offerer: boolean;
  sentDescription: boolean;
  receivedDescription: boolean;
  candidatesSent: number;
  candidatesReceived: number;
  /** When this side had sent and received everything (`performance.now()`), if it has. */
  completedAt: number | null;
}

/** Signaling traffic one client saw (cumulative; windows are differences). */
export interface Traffic {
  descriptionsSent: number;
  candidatesSent: number;
  signalsReceived: number;
  bytesSent: number;
  peersReceived: number;
}

/** A `call:peers` as one client received it. */
export interface PeersReceipt {
  at: number;
  tableId: string | null;
  participantIds: string[];
}

/** One participant's call, negotiated the way a browser would, without media. */
export class SimulatedCall {
  peerId: string | null = null;
  tableId: string | null = null;
  /** The other peers of the latest `call:peers`: peer id → participant id. */
  readonly listed = new Map<string, string>();
  readonly links = new Map<string, Link>();
  readonly receipts: PeersReceipt[] = [];
  readonly traffic: Traffic = { descriptionsSent: 0, candidatesSent: 0, signalsReceived: 0, bytesSent: 0, peersReceived: 0 };
  private readonly pending = new Map<string, SignalIn[]>();
  /** This browser's offer, answer and candidates, made once (the generator shares the cores with the server). */
  private readonly descriptions: Record<'offer' | 'answer', string>;
  private readonly candidates: NonNullable<SignalOut['candidate']>[];

  constructor(
    private readonly socket: Socket,
    readonly participantId: string,
    seed: number,
  ) {
    const ufrag = `u${seed.toString(36).padStart(3, '0')}`;
    this.descriptions = { offer: fakeSdp('offer', ufrag), answer: fakeSdp('answer', ufrag) };
    this.candidates = fakeCandidates(ufrag, seed);
    socket.on(CallEvent.Peers, (payload: CallPeers) => this.onPeers(payload));
    socket.on(CallEvent.Signal, (signal: SignalIn) => this.onSignal(signal));
  }

  /**
   * Joins the call of the table the socket sits at (microphone on, camera off). The peer id is
   * taken in the ack's callback, not after an `await`: a browser dispatches each WebSocket message
   * as its own task (the ack's promise settles before the next message), but the ws client in Node
   * emits every message of one read at once, so a `call:peers` right behind the ack would
   * otherwise be handled before the peer id is known.
   */
  join(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.timeout(10_000).emit(CallEvent.Join, { muted: false, video: false }, (error: Error | null, ack: CallJoinAck) => {
        if (error) return reject(error);
        if (!ack.ok) return reject(new Error(`call:join refused: ${ack.error.message}`));
        this.peerId = ack.peerId;
        resolve();
      });
    });
  }

  /** A new list of the table's call: a new table hangs up on everyone; then drop the gone, call the new. */
  private onPeers(payload: CallPeers): void {
    this.traffic.peersReceived++;
    if (payload.tableId !== this.tableId) this.closeLinks();
    this.tableId = payload.tableId;
    const others = payload.peers.filter((p) => p.peerId !== this.peerId);
    this.receipts.push({ at: performance.now(), tableId: payload.tableId, participantIds: others.map((p) => p.participantId) });
    this.listed.clear();
    for (const peer of others) this.listed.set(peer.peerId, peer.participantId);
    for (const peerId of [...this.links.keys()]) if (!this.listed.has(peerId)) this.links.delete(peerId);
    for (const peerId of this.listed.keys()) if (!this.links.has(peerId)) this.openLink(peerId);
  }

  /** A signal for a linked peer goes to its link; one from a peer not linked yet waits for its link. */
  private onSignal(signal: SignalIn): void {
    this.traffic.signalsReceived++;
    const link = this.links.get(signal.from);
    if (link) {
      this.receive(signal.from, link, signal);
      return;
    }
    const waiting = this.pending.get(signal.from) ?? [];
    waiting.push(signal);
    this.pending.set(signal.from, waiting);
  }

  /** Hangs up on everyone (and forgets what was waiting). */
  private closeLinks(): void {
    this.links.clear();
    this.pending.clear();
  }

  /** Opens a link to a newly listed peer; the larger peer id offers at once. */
  private openLink(peerId: string): void {
    if (this.peerId === null) return;
    const link: Link = {
      offerer: this.peerId > peerId,
      sentDescription: false,
      receivedDescription: false,
      candidatesSent: 0,
      candidatesReceived: 0,
      completedAt: null,
    };
    this.links.set(peerId, link);
    if (link.offerer) this.sendDescriptionAndCandidates(peerId, link, 'offer');
    const waiting = this.pending.get(peerId) ?? [];
    this.pending.delete(peerId);
    for (const signal of waiting) this.receive(peerId, link, signal);
  }

  /** Takes a description (answering an offer) or a candidate. */
  private receive(peerId: string, link: Link, signal: SignalIn): void {
    if (signal.description) {
      link.receivedDescription = true;
      if (signal.description.type === 'offer' && !link.sentDescription) this.sendDescriptionAndCandidates(peerId, link, 'answer');
    } else if (signal.candidate) {
      link.candidatesReceived++;
    }
    this.markIfComplete(link);
  }

  /** Sends this side's offer or answer, then trickles its candidates. */
  private sendDescriptionAndCandidates(peerId: string, link: Link, type: 'offer' | 'answer'): void {
    this.send({ to: peerId, description: { type, sdp: this.descriptions[type] } });
    link.sentDescription = true;
    this.traffic.descriptionsSent++;
    for (const candidate of this.candidates) {
      this.send({ to: peerId, candidate });
      link.candidatesSent++;
      this.traffic.candidatesSent++;
    }
    this.markIfComplete(link);
  }

  /** Emits one `call:signal`, counting its bytes. */
  private send(signal: SignalOut): void {
    this.traffic.bytesSent += JSON.stringify(signal).length;
    this.socket.emit(CallEvent.Signal, signal);
  }

  /** Stamps the moment this side has sent and received everything. */
  private markIfComplete(link: Link): void {
    if (link.completedAt !== null) return;
    if (
      link.sentDescription &&
      link.receivedDescription &&
      link.candidatesSent >= CANDIDATES_PER_SIDE &&
      link.candidatesReceived >= CANDIDATES_PER_SIDE
    )
      link.completedAt = performance.now();
  }
}
