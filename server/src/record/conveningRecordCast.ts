/**
 * Who and what the convening record tests run: a café in miniature and six people from three
 * organizations, with system roles none of the record's own words use. Test data only.
 */
import { RoleName, RotateAt } from '@worktable/shared';
import { testPhase, testProtocol } from '../testing/fixtures.js';

/** A ten-minute phase. */
const phase = (id: string, title: string) => testPhase(id, { title, durationMs: 10 * 60_000 });

/** A café in miniature: a welcome, two rounds of two phases with their questions, a harvest. */
export const miniCafe = testProtocol('mini-cafe', [phase('talk', 'Talk'), phase('gather', 'Gather')], {
  title: 'Mini café',
  summary: 'Two rounds at two tables.',
  groupSize: { min: 2, max: 50 },
  roles: [RoleName.Facilitator, RoleName.TableHost, RoleName.Reporter],
  rotateAt: RotateAt.Round,
  opening: [phase('welcome', 'Welcome')],
  rounds: 2,
  closing: [phase('harvest', 'Harvest')],
  reseat: true,
  roundQuestions: ['What matters most to us?', 'What did we notice across tables?'],
});

/** The people, with organizations and system roles none of the record's own words use. */
export const PEOPLE = [
  { name: 'Ana Alvarez', organization: 'Northside District', systemRole: 'instructional coach' },
  { name: 'Ben Brook', organization: 'Northside District', systemRole: 'principal' },
  { name: 'Chloé Chen', organization: 'Riverside Schools', systemRole: 'instructional coach' },
  { name: 'Dev Dutta', organization: 'Riverside Schools', systemRole: 'superintendent' },
  { name: 'Eve Evans', organization: 'State Office', systemRole: 'researcher' },
  { name: 'Finn Fox', organization: 'State Office', systemRole: 'instructional coach' },
];
/** The host's name. */
export const HOST_NAME = 'Hana Host';
/** Everyone's name, the host first. */
export const ALL_NAMES = [HOST_NAME, ...PEOPLE.map((p) => p.name)];
