import { describe, expect, it } from 'vitest';
import { firstNames, tablePlaques } from './tableMap.js';

const names: Record<string, string> = {
  ana: 'Ana Alvarez',
  anb: 'Ana Brook',
  ben: 'Ben Brook',
  cy: 'Cy',
  dee: '  Dee Diaz ',
  ana2: 'Ana Bell',
};
const nameOf = (id: string) => names[id] ?? null;

describe('firstNames', () => {
  it('uses first names, told apart by the last name’s initial when they clash', () => {
    expect(Object.fromEntries(firstNames(['ana', 'anb', 'ben', 'cy', 'dee'], nameOf))).toEqual({
      ana: 'Ana A.',
      anb: 'Ana B.',
      ben: 'Ben',
      cy: 'Cy',
      dee: 'Dee',
    });
  });

  it('falls back to the full name when the initial clashes too', () => {
    expect(Object.fromEntries(firstNames(['ana', 'anb', 'ana2'], nameOf))).toEqual({ ana: 'Ana A.', anb: 'Ana Brook', ana2: 'Ana Bell' });
  });

  it('says “Someone” for a name not loaded yet', () => {
    expect(firstNames(['zed'], nameOf).get('zed')).toBe('Someone');
  });
});

describe('tablePlaques', () => {
  it('gives each table its host’s full name and the others by first name', () => {
    const plaques = tablePlaques(
      [
        { id: 'table-1', name: 'Table 1', members: ['ben', 'ana', 'cy'], host: 'ben', newcomers: [] },
        { id: 'table-2', name: 'Table 2', members: ['dee', 'anb'], host: null, newcomers: [] },
      ],
      nameOf,
    );
    expect(plaques).toEqual([
      { id: 'table-1', name: 'Table 1', host: 'Ben Brook', others: ['Ana A.', 'Cy'] },
      { id: 'table-2', name: 'Table 2', host: null, others: ['Dee', 'Ana B.'] },
    ]);
  });
});
