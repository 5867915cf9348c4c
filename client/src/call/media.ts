/**
 * The microphone and camera: opening them (a chosen device or the default), listing devices, and
 * saying what went wrong in words that tell people what to do. The table works without a call.
 */

/** Opens the microphone (`deviceId`, or the default) with echo cancellation and noise suppression. */
export function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    },
    video: false,
  });
}

/** Opens the camera (`deviceId`, or the default) at a size a mesh of eight can carry. */
export function openCamera(deviceId: string | null): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      width: { ideal: 640 },
      height: { ideal: 360 },
      frameRate: { ideal: 15 },
    },
  });
}

/** The microphones and cameras the browser lets us see (labels appear once access is granted). */
export async function listDevices(): Promise<{ microphones: MediaDeviceInfo[]; cameras: MediaDeviceInfo[] }> {
  if (!navigator.mediaDevices?.enumerateDevices) return { microphones: [], cameras: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  return { microphones: devices.filter((d) => d.kind === 'audioinput'), cameras: devices.filter((d) => d.kind === 'videoinput') };
}

/** A failure to open a device, as people should read it (`what`: "microphone" or "camera"). */
export function explainMediaError(error: unknown, what: 'microphone' | 'camera'): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (typeof navigator !== 'undefined' && !navigator.mediaDevices)
    return 'This browser cannot open a microphone here (it needs https or localhost). The table works without the call.';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `The browser blocked your ${what}. Allow it for this site (the icon at the left of the address bar), then try again. The table works without the call.`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `No ${what} was found. Plug one in or choose another, then try again. The table works without the call.`;
    case 'NotReadableError':
    case 'AbortError':
      return `Your ${what} is busy in another program or tab. Close it there, then try again.`;
    default:
      return `Your ${what} could not be opened${name ? ` (${name})` : ''}. Try again, or use the table without the call.`;
  }
}
