import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECORD_OPTIONS,
  canonicalTimeZone,
  parseRecordOptionsQuery,
  readRecordOptions,
  recordOptionsQuery,
} from './recordOptions.js';

describe('record options', () => {
  it('RO1 knows IANA time zones by their canonical name and refuses anything else', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(canonicalTimeZone('A'.repeat(65))).toBeNull();
  });

  it('RO2 a query round-trips, flags only when something is left out', () => {
    const options = { timeZone: 'America/New_York', names: false, organizations: true, systemRoles: false };
    expect(recordOptionsQuery(options)).toBe('tz=America%2FNew_York&names=0&systemRoles=0');
    const query = Object.fromEntries(
      recordOptionsQuery(options)
        .split('&')
        .map((p) => p.split('=').map(decodeURIComponent) as [string, string]),
    );
    expect(parseRecordOptionsQuery(query)).toEqual({ ok: true, options });
    expect(parseRecordOptionsQuery({})).toEqual({ ok: true, options: DEFAULT_RECORD_OPTIONS });
  });

  it('RO3 says which field is wrong', () => {
    expect(parseRecordOptionsQuery({ tz: 'Nowhere/Land' })).toEqual({
      ok: false,
      message: 'tz: "Nowhere/Land" is not a time zone; use an IANA name such as Europe/Paris or America/New_York',
    });
    expect(parseRecordOptionsQuery({ names: 'no' })).toEqual({ ok: false, message: 'names: must be 0 (leave out) or 1 (include)' });
  });

  it('RO4 options read back from storage leave out what cannot be read', () => {
    expect(readRecordOptions({ timeZone: 'Asia/Tokyo', names: true, organizations: false, systemRoles: true })).toEqual({
      timeZone: 'Asia/Tokyo',
      names: true,
      organizations: false,
      systemRoles: true,
    });
    expect(readRecordOptions({ timeZone: 'bad', names: 'yes' })).toEqual({
      timeZone: 'UTC',
      names: false,
      organizations: false,
      systemRoles: false,
    });
  });
});
