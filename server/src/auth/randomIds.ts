/** Unguessable identifiers, from the OS's cryptographic random source. */
import crypto from 'node:crypto';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@worktable/shared';

/** A new session id: 16 URL-safe characters (96 random bits). */
export function newSessionId(): string {
  return crypto.randomBytes(12).toString('base64url');
}

/** A new participant id, prefixed so it is recognisable in logs. */
export function newParticipantId(): string {
  return `p_${crypto.randomBytes(12).toString('base64url')}`;
}

/** A new record link id: `r_` and 24 URL-safe characters (144 random bits), see `RECORD_LINK_ID_PATTERN`. */
export function newRecordLinkId(): string {
  return `r_${crypto.randomBytes(18).toString('base64url')}`;
}

/** A new invite code: 8 characters from an alphabet without look-alikes (40 bits). */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_CODE_ALPHABET[crypto.randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

/** Compares two secrets in constant time; their digests are compared, so not even the length shows. */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
  return crypto.timingSafeEqual(digest(a), digest(b));
}
