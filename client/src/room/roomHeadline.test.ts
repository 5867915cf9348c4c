import { describe, expect, it } from 'vitest';
import type { WireAgenda } from '@worktable/shared';
import { phaseFixture, stateFixture } from '../protocol/fixtures.js';
import { isWelcome, roomClockOf, roomHeadline } from './roomHeadline.js';

const blocks: WireAgenda['blocks'] = [
  { id: 'opening', kind: 'plenary', title: 'Welcome and café etiquette', round: 0, question: null, durationMs: 600_000, reseat: false },
  {
    id: 'round-1',
    kind: 'tables',
    title: 'Round 1',
    round: 1,
    question: 'What question could make the most difference?',
    durationMs: 1_200_000,
    reseat: false,
  },
  { id: 'round-2', kind: 'tables', title: 'Round 2', round: 2, question: 'What is taking shape?', durationMs: 1_200_000, reseat: true },
  { id: 'closing', kind: 'plenary', title: 'Harvest', round: 0, question: null, durationMs: 1_800_000, reseat: false },
];
const at = (index: number, overrides: Parameters<typeof stateFixture>[0] = {}) =>
  stateFixture({
    convening: true,
    agenda: { blocks, index, rounds: 2, held: false, waiting: false, roundStartedAt: null },
    phase: phaseFixture({
      title: index === 0 ? 'Welcome and café etiquette' : 'Café round',
      prompt: 'Welcome, the purpose of the café and its etiquette.',
    }),
    ...overrides,
  });

describe('roomHeadline', () => {
  it('welcomes the room before the start, and says what comes first', () => {
    expect(roomHeadline(at(-1))).toEqual({
      eyebrow: 'Starting soon',
      headline: 'Welcome — find your table',
      long: false,
      note: 'Up first: Welcome and café etiquette',
    });
    expect(roomHeadline(at(-1, { tableCount: 0, tables: [] })).headline).toBe('Welcome — scan the code to join');
  });

  it('shows the round and its question at the tables', () => {
    expect(roomHeadline(at(1))).toEqual({
      eyebrow: 'Round 1 of 2 · Café round',
      headline: 'What question could make the most difference?',
      long: false,
      note: 'Next: Round 2',
    });
  });

  it('shows everyone together with the prompt in the plenary', () => {
    const headline = roomHeadline(at(0));
    expect(headline.eyebrow).toBe('Everyone together · Welcome and café etiquette');
    expect(headline.headline).toBe('Welcome, the purpose of the café and its etiquette.');
    expect(headline.long).toBe(false);
    expect(headline.note).toBe('Next: Round 1');
  });

  it('says when the agenda waits for the host, and thanks the room at the end', () => {
    expect(roomHeadline(at(1, { agenda: { blocks, index: 1, rounds: 2, held: true, waiting: true, roundStartedAt: null } })).note).toBe(
      'Waiting for the host to go on',
    );
    expect(roomHeadline(at(4))).toEqual({ eyebrow: 'The end', headline: 'Thank you — the convening is over', long: false, note: null });
  });

  it('marks long prompts', () => {
    expect(roomHeadline(at(0, { phase: phaseFixture({ prompt: 'word '.repeat(40) }) })).long).toBe(true);
  });

  it('reads a session with one table from its run', () => {
    expect(roomHeadline(stateFixture())).toMatchObject({
      eyebrow: 'Clarifying questions',
      headline: 'Ask brief, factual questions.',
      note: null,
    });
  });
});

describe('roomClockOf', () => {
  it('shows one timer while a block goes on', () => {
    expect(roomClockOf(at(1))).toBe('one');
    expect(roomClockOf(at(-1))).toBe('none');
    expect(roomClockOf(at(4))).toBe('none');
  });

  it('leaves the time to each table when every table keeps its own, except in the plenary', () => {
    expect(roomClockOf(at(1, { clock: 'perTable' }))).toBe('each-table');
    expect(roomClockOf(at(0, { clock: 'perTable' }))).toBe('one');
  });
});

describe('isWelcome', () => {
  it('welcomes until people are seated at tables', () => {
    expect(isWelcome(stateFixture({ status: 'lobby' }))).toBe(true);
    expect(isWelcome(at(-1, { tableCount: 0, tables: [] }))).toBe(true);
    expect(isWelcome(at(-1))).toBe(false);
    expect(isWelcome(at(0))).toBe(false);
  });
});
