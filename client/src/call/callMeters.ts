/**
 * The call's level meters: your microphone's level drives the meter and voice activity, each
 * peer's level their speaking ring. Speaking time (durations only, never audio) is reported with
 * the `spoke` action every few seconds. Part of the page's call (meshCall.ts).
 */
import { sendControl } from '../protocol/controlConnection.js';
import { useCallStore } from './callStore.js';
import { VoiceActivity, rmsOf } from './voiceActivity.js';

/** A level meter on one stream. */
interface Meter {
  analyser: AnalyserNode;
  source: MediaStreamAudioSourceNode;
  buffer: Float32Array<ArrayBuffer>;
  vad: VoiceActivity;
}

/** Reads the current level of `meter` (root mean square of its samples). */
function levelOf(meter: Meter): number {
  meter.analyser.getFloatTimeDomainData(meter.buffer);
  return rmsOf(meter.buffer);
}

/** Your meter and the peers', in one audio context while you are in the call. */
export class CallMeters {
  private context: AudioContext | null = null;
  private own: Meter | null = null;
  private readonly peers = new Map<string, Meter>();
  /** Speaking time measured and not yet accepted by the server. */
  private unreported = 0;

  /** Starts measuring, with `ownStream` (a copy of your microphone that stays on when you mute). */
  open(ownStream: MediaStream): void {
    this.context = new AudioContext();
    void this.context.resume().catch(() => undefined);
    this.own = this.meterOf(ownStream);
  }

  /** Measures another microphone of yours (a copy of its track: `ownStream`). */
  replaceOwn(ownStream: MediaStream): void {
    this.own?.source.disconnect();
    this.own = this.meterOf(ownStream);
  }

  /** Measures a peer's `stream` once it carries audio (a stream already measured stays as it is). */
  addPeer(peerId: string, stream: MediaStream): void {
    if (this.peers.has(peerId) || stream.getAudioTracks().length === 0) return;
    const meter = this.meterOf(stream);
    if (meter) this.peers.set(peerId, meter);
  }

  /** Stops measuring a peer who left. */
  dropPeer(peerId: string): void {
    this.peers.get(peerId)?.source.disconnect();
    this.peers.delete(peerId);
  }

  /** Stops measuring: lets go of your meter's copy of the microphone and of the audio context. */
  close(): void {
    for (const track of this.own?.source.mediaStream.getTracks() ?? []) track.stop();
    this.own = null;
    void this.context?.close().catch(() => undefined);
    this.context = null;
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
  sample(): void {
    const now = performance.now();
    const store = useCallStore.getState();
    const own = this.own;
    let level = 0;
    let speaking = false;
    if (own) {
      level = levelOf(own);
      speaking = own.vad.sample(level, now, !store.muted);
    }
    let ringsChanged = false;
    const rings = new Map<string, boolean>();
    for (const [peerId, meter] of this.peers) {
      const talking = meter.vad.sample(levelOf(meter), now, false);
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
  async report(): Promise<void> {
    this.unreported = Math.min(60_000, this.unreported + (this.own?.vad.take() ?? 0));
    if (this.unreported < 1) return;
    const ms = Math.round(this.unreported);
    const ack = await sendControl({ action: 'spoke', ms });
    if (ack.ok || ack.error.code === 'bad_request') this.unreported = Math.max(0, this.unreported - ms);
  }
}
