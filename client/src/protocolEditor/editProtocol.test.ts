import { describe, expect, it } from 'vitest';
import { FEEDBACK_TYPES, ROLE_NAMES, builtInProtocol, plannedDurationMs, validateProtocol, type Protocol } from '@worktable/shared';
import {
  addPhase,
  cleanProtocol,
  copyProtocol,
  formatMinutes,
  movePhase,
  parseProtocolJson,
  protocolFileName,
  removePhase,
  serializeProtocol,
  setPhaseField,
  setPhaseMinutes,
  setProtocolField,
  slugify,
  togglePhaseFeedback,
  toggleRole,
  uniquePhaseId,
} from './editProtocol.js';

function builtin(id: string): Protocol {
  const protocol = builtInProtocol(id);
  if (!protocol) throw new Error(`no ${id}`);
  return protocol;
}

describe('editProtocol', () => {
  it('copies a built-in as a valid, renamed definition without extra fields', () => {
    const withExtra = { ...builtin('tuning'), plannedDurationMs: 1 } as Protocol;
    const copy = copyProtocol(withExtra);
    expect(copy.id).toBe('tuning-custom');
    expect(copy.title).toBe('Tuning Protocol (adapted)');
    expect('plannedDurationMs' in copy).toBe(false);
    expect(validateProtocol(copy).ok).toBe(true);
    expect(copyProtocol(copy).title).toBe('Tuning Protocol (adapted)');
  });

  it('slugifies titles into valid, unique phase ids', () => {
    expect(slugify('  Clarifying Questions!  ')).toBe('clarifying-questions');
    expect(slugify('Café — round 2')).toBe('cafe-round-2');
    expect(slugify('???')).toBe('phase');
    expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(60);
    const consultancy = copyProtocol(builtin('consultancy'));
    expect(uniquePhaseId(consultancy, 'Debrief')).toBe('debrief-2');
    expect(uniquePhaseId(consultancy, 'Debrief', { list: 'round', index: 5 })).toBe('debrief');
  });

  it('renames a phase and derives its id from the title', () => {
    let p = copyProtocol(builtin('consultancy'));
    p = setPhaseField(p, 'round', 1, 'title', 'Quick questions');
    expect(p.round[1]).toMatchObject({ id: 'quick-questions', title: 'Quick questions' });
    p = setPhaseField(p, 'round', 1, 'title', 'Debrief');
    expect(p.round[1]?.id).toBe('debrief-2');
    expect(validateProtocol(p).ok).toBe(true);
  });

  it('sets minutes with decimals, and refuses too short or not-a-number', () => {
    let p = copyProtocol(builtin('consultancy'));
    p = setPhaseMinutes(p, 'round', 1, 7.5);
    expect(p.round[1]?.durationMs).toBe(450_000);
    expect(setPhaseMinutes(p, 'round', 1, Number.NaN).round[1]?.durationMs).toBe(0);
    const bad = validateProtocol(setPhaseMinutes(p, 'round', 2, 0.1));
    expect(bad).toEqual({ ok: false, path: 'round.2.durationMs', message: 'must be at least 15 seconds' });
  });

  it('adds, removes and moves phases without touching the original', () => {
    const original = copyProtocol(builtin('consultancy'));
    const added = addPhase(addPhase(original, 'closing'), 'closing');
    expect(added.closing.map((phase) => phase.id)).toEqual(['new-phase', 'new-phase-2']);
    expect(original.closing).toEqual([]);
    expect(validateProtocol(added).ok).toBe(true);
    const moved = movePhase(original, 'round', 0, 1);
    expect(moved.round.slice(0, 2).map((phase) => phase.id)).toEqual(['clarifying', 'overview']);
    expect(movePhase(original, 'round', 0, -1)).toBe(original);
    expect(movePhase(original, 'round', 5, 1)).toBe(original);
    expect(removePhase(original, 'round', 0).round.map((phase) => phase.id)[0]).toBe('clarifying');
    const empty = original.round.reduce((p) => removePhase(p, 'round', 0), original);
    expect(validateProtocol(empty)).toMatchObject({ ok: false, path: 'round' });
  });

  it('sets top-level fields and toggles roles and feedback in canonical order', () => {
    let p = copyProtocol(builtin('consultancy'));
    p = setProtocolField(p, 'rounds', 3);
    p = setProtocolField(p, 'rotateAt', 'run');
    expect(plannedDurationMs(p)).toBe(3 * plannedDurationMs(builtin('consultancy')));
    p = toggleRole(p, 'reporter', true, ROLE_NAMES);
    expect(p.roles).toEqual(['facilitator', 'scribe', 'presenter', 'timekeeper', 'reporter']);
    const noFacilitator = toggleRole(p, 'facilitator', false, ROLE_NAMES);
    expect(validateProtocol(noFacilitator)).toEqual({ ok: false, path: 'roles', message: 'must include "facilitator"' });
    p = togglePhaseFeedback(p, 'round', 1, 'comment', true, FEEDBACK_TYPES);
    p = togglePhaseFeedback(p, 'round', 1, 'warm', true, FEEDBACK_TYPES);
    expect(p.round[1]?.feedback).toEqual(['clarifying', 'warm', 'comment']);
    p = togglePhaseFeedback(p, 'round', 1, 'clarifying', false, FEEDBACK_TYPES);
    expect(p.round[1]?.feedback).toEqual(['warm', 'comment']);
    expect(setProtocolField(p, 'title', '  ').title).toBe('  ');
    expect(validateProtocol(setProtocolField(p, 'title', '  '))).toMatchObject({ ok: false, path: 'title' });
  });

  it('exports an edited protocol to JSON that re-imports to the same definition', () => {
    let p = copyProtocol(builtin('knowledge-cafe'));
    p = setPhaseMinutes(p, 'round', 0, 12.5);
    p = setPhaseField(p, 'round', 0, 'prompt', 'Talk in threes.');
    p = addPhase(p, 'opening');
    const text = serializeProtocol(p);
    expect(protocolFileName(p)).toBe('knowledge-cafe-custom.protocol.json');
    const back = parseProtocolJson(text);
    expect(back).toEqual({ ok: true, protocol: cleanProtocol(p) });
    expect(back.ok && back.protocol).toEqual(p);
  });

  it('reports broken imports with their path', () => {
    expect(parseProtocolJson('{ nope')).toMatchObject({ ok: false, path: '(json)' });
    const p = copyProtocol(builtin('tuning'));
    const broken = { ...p, round: p.round.map((phase, i) => (i === 2 ? { ...phase, durationMs: 1000 } : phase)) };
    expect(parseProtocolJson(JSON.stringify(broken))).toEqual({
      ok: false,
      path: 'round.2.durationMs',
      message: 'must be at least 15 seconds',
    });
  });

  it('formats minutes', () => {
    expect(formatMinutes(55 * 60_000)).toBe('55 min');
    expect(formatMinutes(450_000)).toBe('7.5 min');
  });
});
