import { describe, expect, it } from 'vitest';
import { FEEDBACK_TYPES, type ParticipationRow } from '@worktable/shared';
import { artifactKinds, feedbackSummary, formatFloor, invitationHint, joinNames, orderRows, rolesSummary } from './participation.js';

const noFeedback = Object.fromEntries(FEEDBACK_TYPES.map((t) => [t, 0])) as ParticipationRow['feedback'];
const row = (name: string, over: Partial<ParticipationRow> = {}): ParticipationRow => ({
  participantId: `p_${name}`,
  name,
  artifacts: 0,
  artifactsByKind: {},
  feedback: noFeedback,
  replies: 0,
  dots: 0,
  rolePhases: {},
  tableHostRounds: 0,
  floorMs: 0,
  spokenMs: 0,
  quiet: false,
  ...over,
});

describe('orderRows', () => {
  it('puts the people not heard yet first and keeps the join order otherwise', () => {
    const rows = [row('Ana'), row('Ben', { quiet: true }), row('Cy'), row('Dee', { quiet: true })];
    expect(orderRows(rows).map((r) => r.name)).toEqual(['Ben', 'Dee', 'Ana', 'Cy']);
  });
});

describe('formatFloor', () => {
  it('shows minutes and seconds, padded, rounding to the second', () => {
    expect(formatFloor(0)).toBe('00:00');
    expect(formatFloor(245_400)).toBe('04:05');
    expect(formatFloor(75 * 60_000)).toBe('75:00');
    expect(formatFloor(-5)).toBe('00:00');
  });
});

describe('feedbackSummary', () => {
  it('lists the types given, compact and in full, in the menu order', () => {
    expect(feedbackSummary({ ...noFeedback, warm: 2, probing: 1 })).toEqual({
      short: 'Probing 1 · Warm 2',
      full: '1 probing question, 2 warm feedback',
    });
  });
  it('says so when there is none', () => {
    expect(feedbackSummary(noFeedback)).toEqual({ short: '—', full: 'No feedback' });
  });
});

describe('artifactKinds', () => {
  it('names each kind with its count, most first', () => {
    const label = (kind: string) => ({ sticky: 'Sticky note', document: 'Document' })[kind] ?? kind;
    expect(artifactKinds({ document: 1, sticky: 2, image: 0 }, label)).toBe('Sticky note ×2, Document ×1');
    expect(artifactKinds({}, label)).toBe('');
  });
});

describe('rolesSummary', () => {
  it('counts phases per role and rounds as table host', () => {
    expect(rolesSummary({ rolePhases: { facilitator: 3, scribe: 1 }, tableHostRounds: 2 })).toBe(
      'Facilitator 3 phases, Scribe 1 phase; table host 2 rounds',
    );
    expect(rolesSummary({ rolePhases: {}, tableHostRounds: 1 })).toBe('Table host 1 round');
    expect(rolesSummary({ rolePhases: {}, tableHostRounds: 0 })).toBe('—');
  });
});

describe('invitationHint', () => {
  it('names the people not heard yet, gently', () => {
    expect(joinNames(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy');
    expect(invitationHint([row('Ana'), row('Ben', { quiet: true })], 'p_Ana')).toMatch(
      /^Consider inviting Ben in: .* They have not put anything/,
    );
    expect(invitationHint([row('Ana', { quiet: true }), row('Ben', { quiet: true })], 'p_Cy')).toMatch(
      /^Consider inviting Ana and Ben in: .* None of them has/,
    );
  });
  it('says nothing when everyone has been heard, or only the viewer has not', () => {
    expect(invitationHint([row('Ana')], 'p_Cy')).toBeNull();
    expect(invitationHint([row('Ana', { quiet: true }), row('Ben')], 'p_Ana')).toBeNull();
  });
});
