/**
 * Issue #16: 20 people of five organizations (5/4/4/4/3) at 5 tables over 3 rounds, seated one
 * round at a time as the server does. Round 3 used to put colleagues together at two or more
 * tables for most seeds although seatings with at most one such table exist.
 */
import { describe, expect, it } from 'vitest';
import { mixSeed } from '../protocols/random.js';
import { seatRound } from './seating.js';
import type { SeatingPerson } from './types.js';

/** 20 people: organization A has 5, B, C and D have 4, E has 3. */
const people: SeatingPerson[] = [5, 4, 4, 4, 3].flatMap((size, org) =>
  Array.from({ length: size }, (_, i) => ({ id: `${'ABCDE'[org]}${i}`, organization: `org-${'ABCDE'[org]}` })),
);
const organizationOf = new Map(people.map((p) => [p.id, p.organization]));

describe('seating 20 people of 5/4/4/4/3 at 5 tables', () => {
  it('chooses hosts of five different organizations (a host of each), for 50 seeds', () => {
    for (let seed = 0; seed < 50; seed++) {
      const plan = seatRound({ people, tableCount: 5, chooseHosts: true, seed: mixSeed(seed, 1) });
      expect(new Set(plan.hosts.map((h) => organizationOf.get(h ?? ''))).size).toBe(5);
    }
  });
});
