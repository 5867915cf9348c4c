/**
 * The schema protocol definitions are validated with (see definition.ts), and the validation:
 * a bad definition is refused with the path of the bad field. Apart from the definitions' types
 * and names so that a bundle needing only those (the browser's table) leaves zod out.
 */
import { z } from 'zod';
import { FEEDBACK_TYPES } from '../feedback.js';
import { Advance, ROLE_NAMES, RoleName, RotateAt, Speakers, minutes, type Protocol } from './definition.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes');

/** Schema of one phase. */
export const phaseSchema = z.strictObject({
  id,
  title: z.string().trim().min(1, 'must not be empty').max(120),
  prompt: z.string().trim().max(2000),
  durationMs: z
    .number()
    .int('must be whole milliseconds')
    .min(15_000, 'must be at least 15 seconds')
    .max(minutes(240), 'must be at most 4 hours'),
  speakers: z.enum([Speakers.Everyone, Speakers.PresenterOnly, Speakers.AllButPresenter, Speakers.Silent]),
  feedback: z.array(z.enum(FEEDBACK_TYPES as [string, ...string[]])).max(FEEDBACK_TYPES.length),
  advance: z.enum([Advance.Auto, Advance.Facilitator]),
});
/** Schema of a protocol definition. */
export const protocolSchema = z
  .strictObject({
    id,
    title: z.string().trim().min(1, 'must not be empty').max(120),
    summary: z.string().trim().max(1000),
    /** Recommended group size. */
    groupSize: z.strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) }),
    /** Roles this protocol uses, filled in this order. */
    roles: z.array(z.enum(ROLE_NAMES as [string, ...string[]])).min(1, 'must name at least the facilitator'),
    rotateAt: z.enum([RotateAt.Run, RotateAt.Round]),
    /** Phases before the first round (welcome, opening talk). */
    opening: z.array(phaseSchema),
    /** Phases of one round, run `rounds` times. */
    round: z.array(phaseSchema).min(1, 'must have at least one phase'),
    rounds: z.number().int().min(1).max(12),
    /** Phases after the last round (harvest, debrief). */
    closing: z.array(phaseSchema),
    /** Where the structure comes from, for people who want to read more. */
    source: z.string().max(300).optional(),
    /**
     * In a convening, whether travelers move to new tables between rounds (World Café, Knowledge
     * Café). Otherwise groups stay together and the roles rotate (Tuning, Consultancy, Troika).
     */
    reseat: z.boolean().optional(),
    /** The question that opens each round, in order (a host can change them for a session). */
    roundQuestions: z.array(z.string().trim().max(500)).max(12).optional(),
  })
  .superRefine((protocol, ctx) => {
    if (!protocol.roles.includes(RoleName.Facilitator)) {
      ctx.addIssue({ code: 'custom', path: ['roles'], message: 'must include "facilitator"' });
    }
    if (protocol.groupSize.min > protocol.groupSize.max) {
      ctx.addIssue({ code: 'custom', path: ['groupSize', 'min'], message: 'must not exceed max' });
    }
    const seen = new Set<string>();
    for (const part of ['opening', 'round', 'closing'] as const) {
      protocol[part].forEach((phase, index) => {
        if (seen.has(phase.id)) ctx.addIssue({ code: 'custom', path: [part, index, 'id'], message: `"${phase.id}" is used twice` });
        seen.add(phase.id);
      });
    }
  });

/** The outcome of validating a definition. */
export type ProtocolValidation = { ok: true; protocol: Protocol } | { ok: false; path: string; message: string };

/** Validates a definition (e.g. imported JSON); a refusal names the path of the first bad field. */
export function validateProtocol(input: unknown): ProtocolValidation {
  const parsed = protocolSchema.safeParse(input);
  if (parsed.success) return { ok: true, protocol: parsed.data as Protocol };
  const issue = parsed.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  return { ok: false, path: path || '(root)', message: issue?.message ?? 'invalid protocol' };
}
