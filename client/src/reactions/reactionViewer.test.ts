import { describe, expect, it } from 'vitest';
import { viewerOf } from './reactionViewer.js';

const nameOf = () => null;

describe('reaction viewer', () => {
  it('writes under the participant id, or the pseudonym while anonymous; both are yours', () => {
    expect(viewerOf('p_ana', 'ps_ana', false, true, nameOf).self).toEqual({ who: 'p_ana', selves: ['p_ana', 'ps_ana'] });
    expect(viewerOf('p_ana', 'ps_ana', true, true, nameOf).self).toEqual({ who: 'ps_ana', selves: ['p_ana', 'ps_ana'] });
  });

  it('cannot react as an observer, nor anonymously before the pseudonym arrived', () => {
    expect(viewerOf('p_obs', 'ps_obs', false, false, nameOf).self).toBeNull();
    expect(viewerOf('p_ana', null, true, true, nameOf).self).toBeNull();
    expect(viewerOf('p_ana', null, false, true, nameOf).self).toEqual({ who: 'p_ana', selves: ['p_ana'] });
  });
});
