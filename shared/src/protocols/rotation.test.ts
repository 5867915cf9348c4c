import { describe, expect, it } from 'vitest';
import { RoleName, type RoleName as Role } from './definition.js';
import { assignRoles, countAssignments, type RoleCounts } from './rotation.js';

const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

function rotate(
  roles: Role[],
  members: string[],
  k: number,
  seed: number,
): { counts: RoleCounts; history: ReturnType<typeof assignRoles>[] } {
  let counts: RoleCounts = {};
  const history = [];
  for (let rotation = 0; rotation < k; rotation++) {
    const holders = assignRoles({ roles, members, counts, locked: {}, seed, rotation });
    counts = countAssignments(counts, holders);
    history.push(holders);
  }
  return { counts, history };
}

describe('role rotation', () => {
  it('RT1 over k rotations among n people, each role’s counts differ by at most one', () => {
    const roleSets: Role[][] = [
      [RoleName.Facilitator],
      [RoleName.Facilitator, RoleName.Scribe],
      [RoleName.Facilitator, RoleName.Scribe, RoleName.Presenter, RoleName.Timekeeper],
    ];
    for (const roles of roleSets) {
      for (let n = 2; n <= 9; n++) {
        for (let k = 1; k <= 20; k++) {
          for (const seed of [1, 7, 42]) {
            const { counts } = rotate(roles, people(n), k, seed);
            for (const role of roles) {
              const perPerson = people(n).map((p) => counts[p]?.[role] ?? 0);
              expect(Math.max(...perPerson) - Math.min(...perPerson), `${role} n=${n} k=${k} seed=${seed}`).toBeLessThanOrEqual(1);
            }
          }
        }
      }
    }
  });

  it('RT2 never gives one person two roles when there are at least as many people as roles', () => {
    const roles = [RoleName.Facilitator, RoleName.Scribe, RoleName.Presenter];
    for (let n = 3; n <= 8; n++) {
      const { history } = rotate(roles, people(n), 15, 3);
      for (const holders of history) expect(new Set(Object.values(holders)).size).toBe(roles.length);
    }
    const two = rotate([RoleName.Facilitator, RoleName.Scribe], people(2), 5, 9).history;
    for (const holders of two) expect(holders.facilitator).not.toBe(holders.scribe);
  });

  it('RT3 is deterministic for a seed and differs across seeds', () => {
    const roles = [RoleName.Facilitator, RoleName.Scribe];
    expect(rotate(roles, people(6), 6, 11).history).toEqual(rotate(roles, people(6), 6, 11).history);
    const firsts = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => rotate(roles, people(6), 1, seed).history[0]?.facilitator));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('RT4 keeps a locked role with its holder while present, and fills it when they are gone', () => {
    const roles = [RoleName.Facilitator, RoleName.Scribe];
    const locked = { facilitator: 'p2' };
    for (let rotation = 0; rotation < 4; rotation++) {
      expect(assignRoles({ roles, members: people(4), counts: {}, locked, seed: 1, rotation }).facilitator).toBe('p2');
    }
    const without = assignRoles({ roles, members: ['p0', 'p1'], counts: {}, locked, seed: 1, rotation: 0 });
    expect(['p0', 'p1']).toContain(without.facilitator);
  });

  it('RT5 one person holds every role when alone, nobody holds any with no one present', () => {
    expect(
      assignRoles({ roles: [RoleName.Facilitator, RoleName.Scribe], members: ['solo'], counts: {}, locked: {}, seed: 1, rotation: 0 }),
    ).toEqual({
      facilitator: 'solo',
      scribe: 'solo',
    });
    expect(assignRoles({ roles: [RoleName.Facilitator], members: [], counts: {}, locked: {}, seed: 1, rotation: 0 })).toEqual({});
  });
});
