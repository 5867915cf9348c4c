import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/testServer.js';
import { TokenSigner, resolveTokenSecret } from './tokens.js';

const SECRET = 'a'.repeat(32);
const claims = { sid: 'session1', pid: 'p_1', role: 'participant' as const };

describe('tokens', () => {
  it('T1 a signed token verifies and carries session, participant, role and expiry', () => {
    const signer = new TokenSigner(SECRET, 3600, () => 1_000_000);
    const check = signer.verify(signer.sign(claims));
    expect(check).toEqual({ ok: true, claims: { ...claims, iat: 1000, exp: 4600 } });
  });

  it('T2 refuses missing, malformed, forged, re-signed and expired tokens', () => {
    let now = 1_000_000;
    const signer = new TokenSigner(SECRET, 60, () => now);
    const token = signer.sign(claims);
    const [body, signature] = token.split('.') as [string, string];
    const other = new TokenSigner('b'.repeat(32), 60, () => now);
    expect(signer.verify(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(signer.verify('no-dot')).toEqual({ ok: false, reason: 'malformed' });
    expect(signer.verify('a.b.c')).toEqual({ ok: false, reason: 'malformed' });
    expect(signer.verify(`${body}x.${signature}`)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(signer.verify(other.sign({ ...claims, role: 'host' }))).toEqual({ ok: false, reason: 'bad_signature' });
    now += 61_000;
    expect(signer.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('T3 a generated secret is kept in the data folder and reused; a configured one wins', () => {
    const dir = tempDataDir();
    const first = resolveTokenSecret(undefined, dir);
    expect(first).toHaveLength(64);
    expect(resolveTokenSecret(undefined, dir)).toBe(first);
    expect(fs.statSync(path.join(dir, 'token-secret')).mode & 0o777).toBe(0o600);
    expect(resolveTokenSecret('c'.repeat(40), dir)).toBe('c'.repeat(40));
  });
});
