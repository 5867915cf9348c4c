import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_HARVEST_CHARS } from '@worktable/shared';
import { stateFixture } from '../protocol/fixtures.js';
import {
  canPostHarvest,
  checkHarvestDraft,
  harvestCardFrom,
  harvestMapOf,
  postHarvest,
  readHarvest,
  tableHarvest,
} from './harvestModel.js';

const origin = { tableId: 'table-2', tableName: 'Table 2', round: 1, by: 'p_r', byName: 'Rae' };

describe('harvest cards', () => {
  it('H1 posts cards into the plenary document and reads them back, skipping malformed ones', () => {
    const doc = new Y.Doc();
    postHarvest(doc, harvestCardFrom({ kind: 'insight', text: '  Time matters.  ', turnsOut: 'ignored' }, origin, 10, 'a'));
    postHarvest(
      doc,
      harvestCardFrom({ kind: 'shift', text: 'Grades motivate', turnsOut: 'Feedback does' }, { ...origin, round: 2 }, 20, 'b'),
    );
    harvestMapOf(doc).set('junk', { id: 'junk', kind: 'rant' });
    const cards = readHarvest(doc);
    expect(cards).toHaveLength(2);
    expect(cards.find((c) => c.id === 'a')).toEqual({ id: 'a', ...origin, kind: 'insight', text: 'Time matters.', at: 10 });
    expect(cards.find((c) => c.id === 'b')?.turnsOut).toBe('Feedback does');
    expect(tableHarvest(cards, 'table-2', 2).map((c) => c.id)).toEqual(['b']);
    expect(tableHarvest(cards, 'table-2').map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('H2 checks the text, and "it turns out" for a shift, against the length limit', () => {
    expect(checkHarvestDraft({ kind: 'insight', text: 'ok', turnsOut: '' })).toEqual({});
    expect(checkHarvestDraft({ kind: 'question', text: '   ', turnsOut: '' })).toEqual({ text: 'Write something first.' });
    expect(checkHarvestDraft({ kind: 'shift', text: 'x'.repeat(MAX_HARVEST_CHARS + 1), turnsOut: '' })).toEqual({
      text: `Keep it to ${MAX_HARVEST_CHARS} characters (now ${MAX_HARVEST_CHARS + 1}).`,
      turnsOut: 'Write something first.',
    });
  });

  it('H3 lets the reporter (else the scribe) of a convening table and the host post', () => {
    const seated = stateFixture({ convening: true, tableId: 'table-2', roles: { facilitator: 'fa', reporter: 're', scribe: 'sc' } });
    expect(canPostHarvest(seated, { participantId: 're', role: 'participant' })).toBe(true);
    expect(canPostHarvest(seated, { participantId: 'sc', role: 'participant' })).toBe(false);
    expect(canPostHarvest({ ...seated, roles: { facilitator: 'fa', scribe: 'sc' } }, { participantId: 'sc', role: 'participant' })).toBe(
      true,
    );
    expect(canPostHarvest({ ...seated, tableId: null }, { participantId: 'h', role: 'host' })).toBe(true);
    expect(canPostHarvest({ ...seated, convening: false }, { participantId: 'h', role: 'host' })).toBe(false);
    expect(canPostHarvest(seated, { participantId: 're', role: 'observer' })).toBe(false);
  });
});
