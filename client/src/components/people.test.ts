import { describe, expect, it } from 'vitest';
import { initials } from './People.js';

describe('initials', () => {
  it('IN1 takes the first letters of the first and last words that start with a letter', () => {
    expect(initials('Hana (host)')).toBe('HA');
    expect(initials('Hana Host (facilitator)')).toBe('HH');
    expect(initials('Ana Alvarez')).toBe('AA');
    expect(initials('ana')).toBe('AN');
    expect(initials('Élodie Ñúñez')).toBe('ÉÑ');
    expect(initials('(42)')).toBe('');
    expect(initials('  ')).toBe('');
  });
});
