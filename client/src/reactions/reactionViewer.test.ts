import { describe, expect, it } from 'vitest';
import { viewerOf } from './reactionViewer.js';

const nameOf = () => null;
const place = { participantId: 'p_ana', pseudonym: 'ps_ana', anonymous: false, canReact: true, docName: 'table-2' };

describe('reaction viewer', () => {
  it('reacts by name, or anonymously through the server while the session says so; both ids are yours', () => {
    expect(viewerOf(place, nameOf)).toMatchObject({
      selves: ['p_ana', 'ps_ana'],
      anonymous: false,
      self: { participantId: 'p_ana', pseudonym: 'ps_ana', anonymous: false, docName: 'table-2' },
    });
    expect(viewerOf({ ...place, anonymous: true }, nameOf).self).toEqual({
      participantId: 'p_ana',
      pseudonym: 'ps_ana',
      anonymous: true,
      docName: 'table-2',
    });
  });

  it('cannot react as an observer, nor anonymously before the pseudonym arrived', () => {
    expect(viewerOf({ ...place, canReact: false }, nameOf).self).toBeNull();
    expect(viewerOf({ ...place, pseudonym: null, anonymous: true }, nameOf).self).toBeNull();
    expect(viewerOf({ ...place, pseudonym: null }, nameOf)).toMatchObject({
      selves: ['p_ana'],
      self: { participantId: 'p_ana', pseudonym: null },
    });
  });
});
