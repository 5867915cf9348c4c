import { describe, expect, it } from 'vitest';
import { ArtifactKind } from '@worktable/shared';
import { goesPrivate, privateAnnouncement, privateBannerText, privateChange, privateDocOf } from './privateWriting.js';

const on = { since: 1, anonymous: false };
const me = { participantId: 'p_ana', canWrite: true };

describe('privateDocOf', () => {
  it('is your private document at your own table while private writing is on', () => {
    expect(privateDocOf({ tableId: 'table-2', privateWriting: on }, 'table-2', me)).toBe('private-table-2-p_ana');
  });
  it('is null when off, before the first state, for observers, at no table, or on a table you visit', () => {
    expect(privateDocOf({ tableId: 'table-2', privateWriting: null }, 'table-2', me)).toBeNull();
    expect(privateDocOf(null, 'table-1', me)).toBeNull();
    expect(privateDocOf({ tableId: 'table-2', privateWriting: on }, 'table-2', { ...me, canWrite: false })).toBeNull();
    expect(privateDocOf({ tableId: null, privateWriting: on }, 'table-1', me)).toBeNull();
    expect(privateDocOf({ tableId: 'table-2', privateWriting: on }, 'table-3', me)).toBeNull();
    expect(privateDocOf({ tableId: 'table-2', privateWriting: on }, 'plenary', me)).toBeNull();
  });
});

describe('goesPrivate', () => {
  it('sends stickies to the private document and keeps everything else on the table', () => {
    expect(goesPrivate(ArtifactKind.Sticky)).toBe(true);
    expect(goesPrivate(ArtifactKind.Document)).toBe(false);
    expect(goesPrivate(ArtifactKind.Image)).toBe(false);
  });
});

describe('privateChange and its words', () => {
  it('tells a start from a reveal, and nothing from no change', () => {
    expect(privateChange(null, on)).toBe('started');
    expect(privateChange(on, null)).toBe('revealed');
    expect(privateChange(on, { ...on })).toBeNull();
    expect(privateChange(null, null)).toBeNull();
  });
  it('announces politely what happened, mentioning an anonymous reveal', () => {
    expect(privateAnnouncement('revealed', null)).toMatch(/^Private notes revealed/);
    expect(privateAnnouncement('started', on)).toMatch(/^Private writing started: your new sticky notes are only yours/);
    expect(privateAnnouncement('started', { ...on, anonymous: true })).toContain('without names');
    expect(privateAnnouncement(null, on)).toBeNull();
  });
  it('words the banner for writers and for observers', () => {
    expect(privateBannerText(on, true)).toBe('Private writing: your new notes are only yours until the facilitator reveals them.');
    expect(privateBannerText({ ...on, anonymous: true }, true)).toContain('Names are left off at the reveal.');
    expect(privateBannerText(on, false)).toContain('people’s new notes stay private');
  });
});
