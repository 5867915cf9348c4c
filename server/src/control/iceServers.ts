/**
 * ICE servers for the calls (`ICE_SERVERS`), and short-lived TURN credentials derived from a
 * secret shared with the TURN server (coturn's `use-auth-secret` / `static-auth-secret`): the
 * user name is `<expiry>:<label>` and the password the base64 HMAC-SHA1 of it under the secret,
 * so the TURN server checks them without asking us, and a leaked one stops working at its expiry.
 */
import crypto from 'node:crypto';
import type { IceServer } from '@worktable/shared';

/** Default of `CALL_SIGNAL_BURST`: call messages (signals, joins, updates) one socket may send at once. */
export const SIGNAL_BURST = 200;
/** Default of `CALL_SIGNALS_PER_SECOND` per socket after the burst (a mesh of 8 renegotiating needs far fewer). */
export const SIGNALS_PER_SECOND = 50;

/** The calls' ICE settings (from the configuration). */
export interface IceSettings {
  /** STUN and TURN addresses (`stun:host:3478`, `turn:host:3478?transport=udp`, `turns:…`). */
  urls: string[];
  /** The TURN server's shared secret; required when `urls` has a TURN address. */
  turnSecret: string | undefined;
  /** How long TURN credentials stay valid, in seconds. */
  turnTtlSeconds: number;
  /** Above this many people in a call, video is off. */
  maxVideoPeers: number;
  /** `relay`: calls only through TURN (hides addresses); `all`: direct when possible. */
  transportPolicy: 'all' | 'relay';
  /** Most people in a plenary's audio-only call. */
  maxPlenaryPeers: number;
  /** Call messages (signals, joins, updates) one connection may send at once, and per second after. */
  signalBurst: number;
  signalsPerSecond: number;
}

/** Whether an ICE address is a TURN server (which needs credentials). */
export function isTurnUrl(url: string): boolean {
  return /^turns?:/i.test(url);
}

/** The ICE servers for one person at `now`: STUN as is, TURN with credentials valid for the TTL. */
export function turnCredentials(settings: IceSettings, label: string, now: number): IceServer[] {
  const stun = settings.urls.filter((u) => !isTurnUrl(u));
  const turn = settings.urls.filter(isTurnUrl);
  const servers: IceServer[] = [];
  if (stun.length > 0) servers.push({ urls: stun });
  if (turn.length > 0 && settings.turnSecret) {
    const username = `${Math.floor(now / 1000) + settings.turnTtlSeconds}:${label}`;
    const credential = crypto.createHmac('sha1', settings.turnSecret).update(username).digest('base64');
    servers.push({ urls: turn, username, credential });
  }
  return servers;
}
