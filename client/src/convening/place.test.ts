import { describe, expect, it } from 'vitest';
import { stateFixture } from '../protocol/fixtures.js';
import { conveningAnnouncement, docNameFor, joinNames, newcomerPrompt, ownPlace, placeLabel, visitTarget } from './place.js';

const seating = [
  { id: 'table-1', name: 'Table 1', members: ['ana', 'ben'], host: 'ana', newcomers: [] },
  { id: 'table-3', name: 'Table 3', members: ['cy', 'dee', 'eve'], host: 'cy', newcomers: ['dee', 'eve'] },
];
/** A convening's state as the server sends it for `tableId`: that table in full, the others by name. */
const convening = (overrides: Parameters<typeof stateFixture>[0] = {}) => {
  const tableId = overrides.tableId === undefined ? 'table-1' : overrides.tableId;
  const table = seating.find((t) => t.id === tableId) ?? null;
  return stateFixture({
    convening: true,
    round: 1,
    tableId,
    table,
    tableCount: seating.length,
    tables: seating.map(({ id, name }) => ({ id, name })),
    ...overrides,
  });
};

describe('docNameFor', () => {
  it('opens the single table outside convenings, and the own table in one', () => {
    expect(docNameFor(stateFixture())).toBe('table-1');
    expect(docNameFor(stateFixture({ tableId: null }))).toBe('table-1');
    expect(docNameFor(convening({ tableId: 'table-3' }))).toBe('table-3');
  });

  it('opens the plenary for everyone summoned, and for people at no table', () => {
    expect(docNameFor(convening({ gathering: 'plenary' }))).toBe('plenary');
    expect(docNameFor(convening({ tableId: null }))).toBe('plenary');
  });

  it('lets the host visit a table of this round, even while everyone is in the plenary', () => {
    expect(docNameFor(convening({ tableId: null }), 'table-3')).toBe('table-3');
    expect(docNameFor(convening({ tableId: null }), 'table-9')).toBe('plenary');
    expect(docNameFor(convening({ tableId: null, gathering: 'plenary' }), 'table-3')).toBe('table-3');
    expect(docNameFor(convening({ tableId: 'table-1' }), 'table-3')).toBe('table-3');
  });

  it('brings everyone to the table the host shows, wherever they sit', () => {
    expect(docNameFor(convening({ tableId: 'table-1', spotlight: 'table-3' }))).toBe('table-3');
    expect(docNameFor(convening({ gathering: 'plenary', spotlight: 'table-3' }), 'table-1')).toBe('table-3');
    expect(docNameFor(convening({ spotlight: 'table-9' }))).toBe('table-1');
  });
});

describe('ownPlace', () => {
  it('keeps the seat of someone sitting at the table', () => {
    const state = convening({ tableId: 'table-3' });
    expect(ownPlace(state, 'cy')).toBe(state);
  });

  it('takes a visited table away from a host who does not sit there', () => {
    expect(ownPlace(convening({ tableId: 'table-3' }), 'host').tableId).toBeNull();
    expect(
      conveningAnnouncement(ownPlace(convening({ tableId: null }), 'host'), ownPlace(convening({ tableId: 'table-3' }), 'host')),
    ).toBeNull();
  });

  it('leaves states without a known table alone', () => {
    const single = stateFixture();
    expect(ownPlace(single, 'someone')).toBe(single);
    const unseated = convening({ tableId: null });
    expect(ownPlace(unseated, 'host')).toBe(unseated);
  });
});

describe('visitTarget', () => {
  const host = { participantId: 'host', role: 'host' };
  it('is the chosen table of a host at no table while people sit at tables', () => {
    expect(visitTarget(convening({ tableId: null }), host, 'table-3')).toBe('table-3');
    // The server already sends the visited table's state: still a visit.
    expect(visitTarget(convening({ tableId: 'table-3' }), host, 'table-3')).toBe('table-3');
  });

  it('is null at the plenary, for the plenary, for unknown tables, seated hosts and everyone else', () => {
    expect(visitTarget(convening({ tableId: null }), host, null)).toBeNull();
    expect(visitTarget(convening({ tableId: null, gathering: 'plenary' }), host, 'table-3')).toBeNull();
    expect(visitTarget(convening({ tableId: null }), host, 'table-9')).toBeNull();
    expect(visitTarget(convening({ tableId: 'table-1' }), { participantId: 'ana', role: 'host' }, 'table-3')).toBeNull();
    expect(visitTarget(convening({ tableId: 'table-1' }), { participantId: 'ana', role: 'participant' }, 'table-3')).toBeNull();
    expect(visitTarget(stateFixture(), host, 'table-1')).toBeNull();
    expect(visitTarget(null, host, 'table-3')).toBeNull();
  });
});

describe('placeLabel', () => {
  it('names the table and the round in a convening only', () => {
    expect(placeLabel(stateFixture(), 'table-1')).toBeNull();
    expect(placeLabel(convening({ round: 2 }), 'table-3')).toBe('Table 3 · Round 2');
    expect(placeLabel(convening({ round: 2 }), 'plenary')).toBe('Plenary · Round 2');
    expect(placeLabel(convening({ round: 0 }), 'table-7')).toBe('Table 7');
  });
});

describe('conveningAnnouncement', () => {
  it('tells someone arriving where they sit; says nothing for unchanged places', () => {
    expect(conveningAnnouncement(null, convening())).toBe('You sit at Table 1 for round 1.');
    expect(conveningAnnouncement(null, convening({ tableId: null }))).toBeNull();
    expect(conveningAnnouncement(convening(), convening({ spotlight: 'table-3' }))).toBe('The host is showing Table 3 to everyone.');
    expect(conveningAnnouncement(convening(), convening({ version: 11 }))).toBeNull();
    expect(conveningAnnouncement(stateFixture(), stateFixture({ version: 11 }))).toBeNull();
  });

  it('announces the first seat, a move and staying for a new round', () => {
    expect(conveningAnnouncement(stateFixture(), convening())).toBe('You are seated at Table 1 for round 1.');
    expect(conveningAnnouncement(convening(), convening({ round: 2, tableId: 'table-3' }))).toBe('You moved to Table 3 for round 2.');
    expect(conveningAnnouncement(convening(), convening({ round: 2 }))).toBe('Round 2: you stay at Table 1.');
  });

  it('announces the summon to the plenary and the way back', () => {
    expect(conveningAnnouncement(convening(), convening({ gathering: 'plenary' }))).toBe('The host called everyone to the plenary.');
    expect(conveningAnnouncement(convening({ gathering: 'plenary' }), convening())).toBe('Back to your tables.');
  });
});

describe('newcomerPrompt', () => {
  const names: Record<string, string> = { dee: 'Dee', eve: 'Eve' };
  const nameOf = (id: string) => names[id] ?? 'someone';
  it('welcomes the newcomers for the table host only', () => {
    expect(newcomerPrompt(convening({ tableId: 'table-3' }), 'cy', nameOf)).toBe(
      'Welcome Dee and Eve: brief them on what this table discussed',
    );
    expect(newcomerPrompt(convening({ tableId: 'table-3' }), 'dee', nameOf)).toBeNull();
    expect(newcomerPrompt(convening(), 'ana', nameOf)).toBeNull();
  });

  it('joins names like a sentence', () => {
    expect(joinNames(['Ana'])).toBe('Ana');
    expect(joinNames(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy');
  });
});
