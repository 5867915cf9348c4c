import { describe, expect, it } from 'vitest';
import { createSessionBody, describeIssue, joinSessionBody } from './apiSchemas.js';
import { isRetryableClose, CloseCode, closeCodeReasons } from './closeCodes.js';
import { docKey, parseDocKey } from './ids.js';

describe('wire contract', () => {
  it('W1 trims titles and names, upper-cases invite codes', () => {
    expect(createSessionBody.parse({ title: '  Hi  ' })).toEqual({ title: 'Hi' });
    expect(joinSessionBody.parse({ inviteCode: ' abcd2345 ', name: ' Ana ' })).toEqual({ inviteCode: 'ABCD2345', name: 'Ana' });
  });

  it('W1b strips control and bidi-override characters from names and titles (#19); nothing left is empty', () => {
    const joined = joinSessionBody.parse({ inviteCode: 'ABCDEFGH', name: ' Hana\u202e tsoH\u0007 ', organization: 'North\u2066 High' });
    expect(joined.name).toBe('Hana tsoH');
    expect(joined.organization).toBe('North High');
    expect(createSessionBody.parse({ title: '\u200fTuning\u0000 day' }).title).toBe('Tuning day');
    const blank = joinSessionBody.safeParse({ inviteCode: 'ABCDEFGH', name: '\u202e\u0007 ' });
    expect(blank.success || describeIssue(blank.error)).toBe('name: must not be empty');
  });

  it('W2 describes the first problem with the field name', () => {
    const missing = createSessionBody.safeParse({});
    expect(missing.success || describeIssue(missing.error)).toBe('title: is required');
    const extra = createSessionBody.safeParse({ title: 'x', nope: 1 });
    expect(extra.success || describeIssue(extra.error)).toBe('unknown field "nope"');
    const lookAlike = joinSessionBody.safeParse({ inviteCode: 'ABCD0123', name: 'x' });
    expect(lookAlike.success || describeIssue(lookAlike.error)).toMatch(/^inviteCode: has characters/);
  });

  it('W3 document keys round-trip and reject bad parts', () => {
    expect(parseDocKey(docKey('abcdefgh12345678', 'table-1'))).toEqual({ sessionId: 'abcdefgh12345678', docName: 'table-1' });
    expect(parseDocKey('abcdefgh12345678')).toBeNull();
    expect(parseDocKey('abcdefgh12345678/a/b')).toBeNull();
    expect(parseDocKey('short/table-1')).toBeNull();
  });

  it('W4 every close code is in the 4xxx range and has a reason', () => {
    for (const code of Object.values(CloseCode)) {
      expect(code).toBeGreaterThanOrEqual(4000);
      expect(code).toBeLessThan(5000);
      expect(closeCodeReasons[code]).toBeTruthy();
    }
    expect(isRetryableClose(CloseCode.Unavailable)).toBe(true);
    expect(isRetryableClose(CloseCode.Unauthorized)).toBe(false);
  });
});
