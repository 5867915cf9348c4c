/**
 * Chromium with fake media for the call tests: a fake camera and a microphone that plays a WAV
 * file we write (a steady tone, so voice activity sees someone speaking the whole time), with the
 * permission prompt answered "allow".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';

/** Writes `seconds` of a 16-bit mono 48 kHz tone (an amplitude-modulated 220 Hz voice stand-in) to a temp WAV file. */
export function writeToneWav(seconds = 10): string {
  const rate = 48_000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const envelope = 0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t);
    data.writeInt16LE(Math.round(0.3 * envelope * Math.sin(2 * Math.PI * 220 * t) * 32_767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wt-voice-')), 'voice.wav');
  fs.writeFileSync(file, Buffer.concat([header, data]));
  return file;
}

/** Launches Chromium whose microphone plays `wav` and whose camera is Chromium's test pattern. */
export function launchWithFakeMedia(wav: string): Promise<Browser> {
  return launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`,
    '--autoplay-policy=no-user-gesture-required',
  ]);
}
