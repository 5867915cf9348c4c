/**
 * Property-based checks (fast-check, fixed seed) of what socket.io control payloads can do:
 * any JSON at all is parsed without throwing; any sequence of well-formed actions by hosts,
 * participants and observers, with people coming and going, never throws, refusals change
 * nothing, and the seating stays sound (nobody at two tables, nobody twice at one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInProtocol } from '../protocols/builtins.js';
import type { Protocol } from '../protocols/definition.js';
import { controlActionSchema } from '../protocols/wireSchemas.js';
import {
  applySessionAction,
  initialSessionControl,
  seatArrival,
  tablesOf,
  type SessionAction,
  type SessionContext,
  type SessionPerson,
} from './index.js';
import { sessionStateFor } from './view.js';

const cafe = builtInProtocol('world-cafe') as Protocol;
const ids = ['host', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'obs'];
const roleOf = (id: string): SessionPerson['role'] => (id === 'host' ? 'host' : id === 'obs' ? 'observer' : 'participant');

const tableId = fc.constantFrom('table-1', 'table-2', 'table-3', 'table-9');
const person = fc.constantFrom(...ids);
const action: fc.Arbitrary<SessionAction> = fc.oneof(
  fc.record({ action: fc.constant('seat' as const), tableCount: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ action: 'startRound' as const }),
  fc.constant({ action: 'endRound' as const }),
  fc.record({ action: fc.constant('move' as const), participantId: person, tableId }),
  fc.record({ action: fc.constant('pin' as const), participantId: person, tableId: fc.option(tableId, { nil: null }), host: fc.boolean() }),
  fc.record({ action: fc.constant('summon' as const), to: fc.constantFrom('plenary' as const, 'tables' as const) }),
  fc.record({ action: fc.constant('broadcast' as const), message: fc.string({ maxLength: 600 }) }),
  fc.constantFrom(
    ...(
      ['start', 'pause', 'resume', 'next', 'back', 'rotate', 'accept', 'revealVote', 'closeVote', 'reveal', 'volunteerHost'] as const
    ).map((a) => ({ action: a })),
  ),
  fc.record({ action: fc.constant('extend' as const), ms: fc.integer({ min: 1, max: 3_600_000 }) }),
  fc.record({ action: fc.constant('ready' as const), ready: fc.boolean() }),
  fc.record({
    action: fc.constant('openVote' as const),
    items: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }),
    dots: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ action: fc.constant('vote' as const), itemId: fc.constantFrom('a', 'b', 'z'), count: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ action: fc.constant('startPrivate' as const), anonymous: fc.boolean() }),
) as fc.Arbitrary<SessionAction>;

const step = fc.record({ action, by: person, presence: fc.subarray(ids), dt: fc.integer({ min: 0, max: 30 * 60_000 }) });

describe('control payloads (property)', () => {
  it('any JSON is parsed without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = controlActionSchema.safeParse(value);
        expect(typeof parsed.success).toBe('boolean');
      }),
      { numRuns: 5_000, seed: 20261121 },
    );
  });

  it('any sequence of actions by anyone: no throw, refusals change nothing, the seating stays sound', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        let control = initialSessionControl(cafe, 7);
        let now = 1_000_000;
        for (const { action: a, by, presence, dt } of steps) {
          now += dt;
          const people: SessionPerson[] = ids.map((id, i) => ({
            id,
            role: roleOf(id),
            joinedAt: i,
            present: presence.includes(id),
            organization: `o${i % 3}`,
          }));
          const context: SessionContext = { now, protocol: cafe, people };
          for (const id of presence) control = seatArrival(control, context, id);
          const result = applySessionAction(control, a, { participantId: by, isHost: by === 'host', isObserver: by === 'obs' }, context);
          if (result.ok) {
            // Accepted: one version on, or the very same state when it changed nothing (ready twice).
            if (result.control !== control) expect(result.control.version).toBe(control.version + 1);
            control = result.control;
          } else {
            expect(['forbidden', 'bad_request', 'conflict']).toContain(result.error.code);
          }
          const seated = tablesOf(control, context).flatMap((t) => t.members);
          expect(new Set(seated).size).toBe(seated.length);
          expect(seated).not.toContain('obs');
          for (const table of tablesOf(control, context)) expect(() => sessionStateFor(control, context, table.id)).not.toThrow();
        }
      }),
      { numRuns: 400, seed: 20261121 },
    );
  });
});
