import { describe, expect, it } from 'vitest';
import { builtInProtocol } from '../protocols/builtins.js';
import type { Protocol } from '../protocols/definition.js';
import type { HistoryLabel } from './history.js';
import { computeParticipation } from './participation.js';

const tuning = builtInProtocol('tuning') as Protocol;
const people = [
  { id: 'h', name: 'Host', role: 'host' },
  { id: 'a', name: 'Ana', role: 'participant' },
  { id: 'b', name: 'Ben', role: 'participant' },
  { id: 'c', name: 'Cy', role: 'participant' },
  { id: 'o', name: 'Obs', role: 'observer' },
];
const label = (phaseIndex: number, endedAt: number, roles: HistoryLabel['roles']): HistoryLabel => ({
  tableId: 'table-1',
  protocolId: 'tuning',
  protocolTitle: 'Tuning',
  phaseId: `p${phaseIndex}`,
  phaseTitle: `P${phaseIndex}`,
  phaseIndex,
  phaseCount: 8,
  protocolRound: 1,
  round: 0,
  roles,
  endedAt,
});

describe('participation', () => {
  it('counts artifacts by kind, feedback by type and replies, dots, role phases, table hosting and floor time; flags the quiet', () => {
    const rows = computeParticipation({
      people,
      artifacts: [
        { createdBy: 'a', kind: 'sticky' },
        { createdBy: 'a', kind: 'sticky' },
        { createdBy: 'a', kind: 'document' },
        { createdBy: 'o', kind: 'sticky' },
      ],
      threads: [
        {
          id: 't1',
          artifactId: 'x',
          type: 'warm',
          quote: null,
          createdBy: 'b',
          createdByName: 'Ben',
          createdAt: 1,
          phase: null,
          resolved: false,
          messages: [
            { id: 'm1', authorId: 'b', authorName: 'Ben', text: 'nice', at: 1 },
            { id: 'm2', authorId: 'a', authorName: 'Ana', text: 'thanks', at: 2 },
            { id: 'm3', authorId: 'b', authorName: 'Ben', text: 'more', at: 3 },
          ],
        },
        {
          id: 't2',
          artifactId: 'x',
          type: 'probing',
          quote: null,
          createdBy: 'b',
          createdByName: 'Ben',
          createdAt: 2,
          phase: null,
          resolved: false,
          messages: [{ id: 'm4', authorId: 'b', authorName: 'Ben', text: 'why?', at: 4 }],
        },
      ],
      dotsBy: [{ a: 3, b: 1 }, { a: 2 }],
      // Introduction (5 min) ends at 300 000; Presentation (presenter only) then runs 10 minutes.
      phases: [
        label(0, 300_000, { facilitator: 'h', presenter: 'a', scribe: 'b' }),
        label(1, 900_000, { facilitator: 'h', presenter: 'a', scribe: 'b' }),
      ],
      tableHosts: [
        { round: 1, host: 'b' },
        { round: 2, host: 'b' },
      ],
      protocol: tuning,
    });
    expect(rows.map((r) => r.participantId)).toEqual(['h', 'a', 'b', 'c']); // observers are not rated
    const [host, ana, ben, cy] = rows;
    expect(ana).toMatchObject({
      artifacts: 3,
      artifactsByKind: { sticky: 2, document: 1 },
      replies: 1,
      dots: 5,
      rolePhases: { presenter: 2 },
      floorMs: 600_000,
      quiet: false,
    });
    expect(ben).toMatchObject({
      artifacts: 0,
      replies: 1,
      dots: 1,
      rolePhases: { scribe: 2 },
      tableHostRounds: 2,
      floorMs: 0,
      quiet: false,
    });
    expect(ben!.feedback).toMatchObject({ warm: 1, probing: 1, cool: 0 });
    expect(host).toMatchObject({ rolePhases: { facilitator: 2 }, quiet: false });
    expect(cy).toMatchObject({ artifacts: 0, dots: 0, replies: 0, rolePhases: {}, quiet: true });
  });
});
