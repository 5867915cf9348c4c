/**
 * Session tokens: a compact HMAC-SHA256 signed payload (`<payload>.<signature>`, both base64url).
 * The server signs them at create/join and verifies them on every request and connection, in
 * constant time. They carry session, participant, role and expiry.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SessionRole } from '@worktable/shared';

/** What a valid token says about its bearer. */
export interface TokenClaims {
  /** Session id. */
  sid: string;
  /** Participant id. */
  pid: string;
  role: SessionRole;
  /** Issued at, epoch seconds. */
  iat: number;
  /** Expires at, epoch seconds. */
  exp: number;
}

/** Why a token was refused. */
export type TokenFailure = 'missing' | 'malformed' | 'bad_signature' | 'expired';

/** Result of verifying a token. */
export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenFailure };

const ROLES: ReadonlySet<string> = new Set(Object.values(SessionRole));

/** Signs and verifies tokens with one secret. */
export class TokenSigner {
  private readonly key: Buffer;

  constructor(
    secret: string,
    /** How long the tokens it signs stay valid. */
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  /** Issues a token for a participant of a session. */
  sign(claims: { sid: string; pid: string; role: SessionRole }, ttlSeconds = this.ttlSeconds): string {
    const iat = Math.floor(this.now() / 1000);
    const payload: TokenClaims = { ...claims, iat, exp: iat + ttlSeconds };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** Checks signature (constant time), shape and expiry. */
  verify(token: string | null | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    if (token.length > 2048) return { ok: false, reason: 'malformed' };
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = this.mac(body);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad_signature' };
    }
    const claims = parseClaims(body);
    if (!claims) return { ok: false, reason: 'malformed' };
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  /**
   * A stable, opaque stand-in for a participant in a session (anonymous reactions): nobody
   * without the server's secret can tell whose it is, and it is the same on every node.
   */
  pseudonym(sessionId: string, participantId: string): string {
    return crypto.createHmac('sha256', this.key).update(`pseudonym:${sessionId}:${participantId}`).digest('base64url').slice(0, 16);
  }

  private mac(body: string): Buffer {
    return crypto.createHmac('sha256', this.key).update(body).digest();
  }
}

function parseClaims(body: string): TokenClaims | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const c = value as Record<string, unknown>;
    if (typeof c.sid !== 'string' || typeof c.pid !== 'string' || typeof c.role !== 'string') return null;
    if (!ROLES.has(c.role) || typeof c.iat !== 'number' || typeof c.exp !== 'number') return null;
    return { sid: c.sid, pid: c.pid, role: c.role as SessionRole, iat: c.iat, exp: c.exp };
  } catch {
    return null;
  }
}

/**
 * The secret to sign with: `TOKEN_SECRET` when set, otherwise one generated on first start and
 * kept in `<dataDir>/token-secret` (mode 0600) so tokens survive restarts.
 */
export function resolveTokenSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'token-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('hex');
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs so both sign alike.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}
