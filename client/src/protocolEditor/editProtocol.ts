/**
 * The protocol editor's state is a plain `Protocol`; these pure functions make the edits (copy a
 * built-in, set a field, add / remove / move a phase, toggle roles and feedback types) and keep
 * phase ids derived from titles, slugified and unique across the whole protocol.
 */
import {
  Advance,
  RoleName,
  Speakers,
  minutes,
  validateProtocol,
  type FeedbackType,
  type Phase,
  type Protocol,
  type ProtocolValidation,
} from '@worktable/shared';

/** The three phase lists of a protocol. */
export type PhaseList = 'opening' | 'round' | 'closing';
/** The phase lists, in the order they run. */
export const PHASE_LISTS: readonly PhaseList[] = ['opening', 'round', 'closing'];

/** Fields of a protocol the editor sets directly. */
export type ProtocolField = 'title' | 'summary' | 'rounds' | 'rotateAt';
/** Fields of a phase the editor sets directly (the id follows the title). */
export type PhaseField = 'title' | 'prompt' | 'durationMs' | 'speakers' | 'advance';

const MAX_ID = 64;

/** A phase-id slug of `text`: lowercase letters, digits and single dashes; "phase" when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID - 4)
    .replace(/-+$/, '');
  return slug || 'phase';
}

function allPhaseIds(protocol: Protocol, except?: { list: PhaseList; index: number }): Set<string> {
  const ids = new Set<string>();
  for (const list of PHASE_LISTS) {
    protocol[list].forEach((phase, index) => {
      if (except && except.list === list && except.index === index) return;
      ids.add(phase.id);
    });
  }
  return ids;
}

/** A phase id for `title` not used by any phase of `protocol` (other than the one at `except`). */
export function uniquePhaseId(protocol: Protocol, title: string, except?: { list: PhaseList; index: number }): string {
  const taken = allPhaseIds(protocol, except);
  const base = slugify(title);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function cleanPhase(phase: Phase): Phase {
  const { id, title, prompt, durationMs, speakers, feedback, advance } = phase;
  return { id, title, prompt, durationMs, speakers, feedback: [...feedback], advance };
}

/** Only the definition's own fields (drops e.g. `plannedDurationMs` that `GET /api/protocols` adds). */
export function cleanProtocol(protocol: Protocol): Protocol {
  const { id, title, summary, groupSize, roles, rotateAt, opening, round, rounds, closing, source } = protocol;
  return {
    id,
    title,
    summary,
    groupSize: { min: groupSize.min, max: groupSize.max },
    roles: [...roles],
    rotateAt,
    opening: opening.map(cleanPhase),
    round: round.map(cleanPhase),
    rounds,
    closing: closing.map(cleanPhase),
    ...(source === undefined ? {} : { source }),
  };
}

/** An editable copy of a built-in: id `<id>-custom`, title "<title> (adapted)". */
export function copyProtocol(builtin: Protocol): Protocol {
  const copy = cleanProtocol(builtin);
  const id = builtin.id.endsWith('-custom') ? builtin.id : `${builtin.id.slice(0, MAX_ID - 7)}-custom`;
  const title = builtin.title.endsWith('(adapted)') ? builtin.title : `${builtin.title} (adapted)`;
  return { ...copy, id, title };
}

/** Sets one top-level field. */
export function setProtocolField<K extends ProtocolField>(protocol: Protocol, field: K, value: Protocol[K]): Protocol {
  return { ...protocol, [field]: value };
}

function replacePhase(protocol: Protocol, list: PhaseList, index: number, phase: Phase): Protocol {
  return { ...protocol, [list]: protocol[list].map((p, i) => (i === index ? phase : p)) };
}

/** Sets one field of a phase; a new title also gives the phase a new (unique) id. */
export function setPhaseField<K extends PhaseField>(
  protocol: Protocol,
  list: PhaseList,
  index: number,
  field: K,
  value: Phase[K],
): Protocol {
  const phase = protocol[list][index];
  if (!phase) return protocol;
  const next: Phase = { ...phase, [field]: value };
  if (field === 'title') next.id = uniquePhaseId(protocol, String(value), { list, index });
  return replacePhase(protocol, list, index, next);
}

/** Sets a phase's length from minutes (decimals allowed; not a number → 0, which validation refuses). */
export function setPhaseMinutes(protocol: Protocol, list: PhaseList, index: number, count: number): Protocol {
  return setPhaseField(protocol, list, index, 'durationMs', Number.isFinite(count) ? minutes(count) : 0);
}

/** Opens or closes one feedback type in a phase (kept in the order of `order`). */
export function togglePhaseFeedback(
  protocol: Protocol,
  list: PhaseList,
  index: number,
  type: FeedbackType,
  on: boolean,
  order: readonly FeedbackType[],
): Protocol {
  const phase = protocol[list][index];
  if (!phase) return protocol;
  const chosen = new Set<string>(phase.feedback);
  if (on) chosen.add(type);
  else chosen.delete(type);
  return replacePhase(protocol, list, index, { ...phase, feedback: order.filter((t) => chosen.has(t)) });
}

/** Adds or removes a role, keeping `order` (the facilitator can be removed here; validation refuses it). */
export function toggleRole(protocol: Protocol, role: RoleName, on: boolean, order: readonly RoleName[]): Protocol {
  const chosen = new Set<RoleName>(protocol.roles);
  if (on) chosen.add(role);
  else chosen.delete(role);
  return { ...protocol, roles: order.filter((r) => chosen.has(r)) };
}

/** A new phase for `list`, titled "New phase" (numbered when taken), 5 minutes, everyone speaks. */
export function newPhase(protocol: Protocol): Phase {
  const title = 'New phase';
  return {
    id: uniquePhaseId(protocol, title),
    title,
    prompt: '',
    durationMs: minutes(5),
    speakers: Speakers.Everyone,
    feedback: [],
    advance: Advance.Facilitator,
  };
}

/** Appends a new phase to `list`. */
export function addPhase(protocol: Protocol, list: PhaseList): Protocol {
  return { ...protocol, [list]: [...protocol[list], newPhase(protocol)] };
}

/** Removes the phase at `index` of `list`. */
export function removePhase(protocol: Protocol, list: PhaseList, index: number): Protocol {
  return { ...protocol, [list]: protocol[list].filter((_, i) => i !== index) };
}

/** Moves the phase at `index` of `list` by `delta` places (−1 up, +1 down); no-op at the ends. */
export function movePhase(protocol: Protocol, list: PhaseList, index: number, delta: -1 | 1): Protocol {
  const phases = [...protocol[list]];
  const target = index + delta;
  const phase = phases[index];
  const other = phases[target];
  if (!phase || !other) return protocol;
  phases[index] = other;
  phases[target] = phase;
  return { ...protocol, [list]: phases };
}

/** The definition as an exported file's text. */
export function serializeProtocol(protocol: Protocol): string {
  return `${JSON.stringify(cleanProtocol(protocol), null, 2)}\n`;
}

/** The name of an exported file: `<id>.protocol.json`. */
export function protocolFileName(protocol: Protocol): string {
  return `${protocol.id}.protocol.json`;
}

/** Parses and validates an imported file; a refusal names the path (`(json)` when it is not JSON). */
export function parseProtocolJson(text: string): ProtocolValidation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, path: '(json)', message: `not valid JSON (${error instanceof Error ? error.message : 'parse error'})` };
  }
  const result = validateProtocol(data);
  return result.ok ? { ok: true, protocol: cleanProtocol(result.protocol) } : result;
}

/** "62 min" or "7.5 min": a length in ms as minutes, one decimal at most. */
export function formatMinutes(ms: number): string {
  return `${Math.round((ms / 60_000) * 10) / 10} min`;
}

/** The facilitator role, which every protocol must keep. */
export const REQUIRED_ROLE: RoleName = RoleName.Facilitator;
