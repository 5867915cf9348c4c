import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROTOCOLS } from '@worktable/shared';
import { joinRoles, memberGuidance, roleGuidance, rolesOf, roleTitle, SPEAKERS_LABEL } from './labels.js';

describe('labels', () => {
  it('tells each role what to do, by who speaks', () => {
    expect(roleGuidance('presenter', 'all-but-presenter')).toBe('Listen silently and take notes — you will respond in your reflection.');
    expect(roleGuidance('scribe', 'everyone')).toBe('Capture the key points of this phase in the notes document on the table.');
    expect(roleGuidance('facilitator', 'silent')).toBe('Keep the group to the protocol and the time.');
    expect(roleGuidance('timekeeper', 'presenter')).toBe('Give the group a one-minute warning.');
    expect(memberGuidance('presenter')).toMatch(/Listen to the presenter/);
  });

  it('says what to do in this phase, with this clock, for these newcomers', () => {
    expect(roleGuidance('presenter', 'presenter', { phaseId: 'reflection' })).toMatch(/^Reflect aloud/);
    expect(roleGuidance('presenter', 'presenter', { phaseId: 'presentation' })).toMatch(/present your work/);
    expect(roleGuidance('facilitator', 'everyone', { sharedClock: true })).toMatch(/the host keeps one clock/);
    expect(roleGuidance('tableHost', 'everyone', { round: 2, newcomers: 3 })).toMatch(/^Welcome the newcomers/);
    expect(roleGuidance('tableHost', 'everyone', { round: 1, newcomers: 0 })).toMatch(/open the question/);
  });

  it('names who speaks as the banner shows it', () => {
    expect(SPEAKERS_LABEL.everyone).toBe('Everyone');
    expect(SPEAKERS_LABEL.presenter).toBe('Presenter only — everyone else listens');
    expect(SPEAKERS_LABEL['all-but-presenter']).toBe('Everyone except the presenter — the presenter listens silently');
    expect(SPEAKERS_LABEL.silent).toBe('Silent individual work');
  });

  it('lists and joins roles', () => {
    expect(rolesOf({ scribe: 'a', facilitator: 'a', presenter: 'b' }, 'a')).toEqual(['facilitator', 'scribe']);
    expect(joinRoles(['facilitator'])).toBe('the facilitator');
    expect(joinRoles(['scribe', 'timekeeper', 'tableHost'])).toBe('the scribe, the timekeeper and the table host');
    expect(roleTitle('tableHost')).toBe('Table host');
  });

  it('gives every role of every built-in protocol guidance that fits each phase', () => {
    for (const protocol of BUILT_IN_PROTOCOLS) {
      const phases = [...protocol.opening, ...protocol.round, ...protocol.closing];
      for (const phase of phases) {
        for (const role of protocol.roles) {
          const said = roleGuidance(role, phase.speakers, { phaseId: phase.id });
          expect(said.length, `${protocol.id}/${phase.id}/${role}`).toBeGreaterThan(10);
          if (role !== 'presenter') continue;
          const where = `${protocol.id}/${phase.id}`;
          if (phase.speakers === 'all-but-presenter') expect(said, where).toMatch(/^Listen silently/);
          if (phase.speakers === 'presenter' && /reflect|respond/i.test(phase.title)) expect(said, where).toMatch(/^Reflect/);
          // "Present your work" only where the presenter really presents (shares, describes, talks).
          if (/present your work/.test(said)) expect(`${phase.title} ${phase.prompt}`, where).toMatch(/present|shares|describes|talk/i);
          if (phase.speakers === 'silent') expect(said, where).toMatch(/quietly/);
        }
      }
    }
  });
});
