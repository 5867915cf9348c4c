import { describe, expect, it } from 'vitest';
import { pairRoundsOf, repeatedPairs, sharedOrganizations, withRound } from './planDetails.js';

describe('plan details', () => {
  it('PD1 names the organizations two or more people at a table share', () => {
    const org: Record<string, string | null> = { a: 'Lincoln', b: 'Roosevelt', c: 'Lincoln', d: null, e: 'Roosevelt', f: 'East' };
    expect(sharedOrganizations(['a', 'b', 'c', 'd', 'e', 'f'], (id) => org[id])).toEqual([
      { organization: 'Lincoln', members: ['a', 'c'] },
      { organization: 'Roosevelt', members: ['b', 'e'] },
    ]);
    expect(sharedOrganizations(['a', 'b', 'd'], (id) => org[id])).toEqual([]);
  });

  it('PD2 names the pairs who sat together before, with the rounds', () => {
    const met = pairRoundsOf([
      { round: 1, tables: [{ members: ['a', 'b', 'c'] }, { members: ['d', 'e'] }] },
      { round: 2, tables: [{ members: ['a', 'b'] }, { members: ['c', 'd', 'e'] }] },
    ]);
    expect(repeatedPairs(['b', 'a', 'd'], met)).toEqual([{ a: 'b', b: 'a', rounds: [1, 2] }]);
    expect(repeatedPairs(['c', 'e', 'd'], met)).toEqual([
      { a: 'c', b: 'e', rounds: [2] },
      { a: 'c', b: 'd', rounds: [2] },
      { a: 'e', b: 'd', rounds: [1, 2] },
    ]);
    expect(repeatedPairs(['a', 'b'], withRound(new Map(), 3, []))).toEqual([]);
  });
});
