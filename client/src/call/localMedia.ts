/**
 * Your side of the call's media: the microphone and camera you opened, the outgoing stream peers
 * receive (the microphone's track and, when on, the camera's), and the devices you can choose
 * from. Part of the page's call (meshCall.ts); opening a device throws as `getUserMedia` does.
 */
import { useCallStore } from './callStore.js';
import { listDevices, openCamera, openMicrophone } from './media.js';

/** Stops every track of `stream`, taking each out of `outgoing`. */
function stopTracks(stream: MediaStream | null, outgoing: MediaStream): void {
  for (const track of stream?.getTracks() ?? []) {
    track.stop();
    outgoing.removeTrack(track);
  }
}

/** Your microphone, camera and outgoing stream. */
export class LocalMedia {
  private microphone: MediaStream | null = null;
  private camera: MediaStream | null = null;
  /** What peers receive: the microphone's track and, when on, the camera's. */
  outgoing = new MediaStream();

  /** Your microphone's track, if it is open. */
  get microphoneTrack(): MediaStreamTrack | null {
    return this.microphone?.getAudioTracks()[0] ?? null;
  }

  /** The camera you opened, if it is on. */
  get cameraStream(): MediaStream | null {
    return this.camera;
  }

  /** Opens microphone `deviceId` (null: the default) and sends it, on or muted; returns a copy of its tracks for the meter. */
  async openMicrophone(deviceId: string | null, muted: boolean): Promise<MediaStream> {
    const microphone = await openMicrophone(deviceId);
    this.microphone = microphone;
    const track = microphone.getAudioTracks()[0];
    if (track) {
      track.enabled = !muted;
      this.outgoing.addTrack(track);
    }
    // The meter listens to a copy that stays on when you mute, so the meter still shows your voice.
    return new MediaStream(microphone.getAudioTracks().map((t) => t.clone()));
  }

  /** Switches to microphone `deviceId` (muted if you are): its track (now sent), or null when it has none. */
  async switchMicrophone(deviceId: string): Promise<MediaStreamTrack | null> {
    const next = await openMicrophone(deviceId);
    const track = next.getAudioTracks()[0];
    if (!track) return null;
    track.enabled = !useCallStore.getState().muted;
    stopTracks(this.microphone, this.outgoing);
    this.microphone = next;
    this.outgoing.addTrack(track);
    return track;
  }

  /** Turns your microphone's tracks on or off. */
  setMicrophoneEnabled(enabled: boolean): void {
    for (const track of this.microphone?.getAudioTracks() ?? []) track.enabled = enabled;
  }

  /** Opens camera `deviceId` (null: the default) and sends it: its track, or null when it has none. */
  async openCamera(deviceId: string | null): Promise<MediaStreamTrack | null> {
    this.camera = await openCamera(deviceId);
    const track = this.camera.getVideoTracks()[0];
    if (!track) return null;
    this.outgoing.addTrack(track);
    return track;
  }

  /** Turns the camera off. */
  closeCamera(): void {
    stopTracks(this.camera, this.outgoing);
    this.camera = null;
  }

  /** Lets go of the microphone and the camera, and starts a new outgoing stream for the next call. */
  close(): void {
    for (const stream of [this.microphone, this.camera]) for (const track of stream?.getTracks() ?? []) track.stop();
    this.microphone = null;
    this.camera = null;
    this.outgoing = new MediaStream();
  }

  /** Lists the microphones and cameras into the call store (the one in use is chosen when nothing was). */
  async refreshDevices(): Promise<void> {
    const { microphones, cameras } = await listDevices().catch(() => ({ microphones: [], cameras: [] }));
    const micId = this.microphoneTrack?.getSettings().deviceId ?? null;
    useCallStore.setState((s) => ({ microphones, cameras, microphoneId: s.microphoneId ?? micId }));
  }
}
