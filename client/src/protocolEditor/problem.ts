/**
 * Linking the first validation problem to the field it is about: every field gets an id derived
 * from its schema path, and the field at the problem's path is marked invalid and described by
 * the message.
 */
import type { ProtocolValidation } from '@worktable/shared';

/** The first problem of a definition, or null when it is valid. */
export type Problem = { path: string; message: string } | null;

/** The problem of a validation result. */
export function problemOf(result: ProtocolValidation): Problem {
  return result.ok ? null : { path: result.path, message: result.message };
}

/** Maps a problem's path to the path of the field that shows it (a phase id follows its title). */
export function fieldPathOf(path: string): string {
  return path
    .replace(/\.id$/, '.title')
    .replace(/^roles\.\d+$/, 'roles')
    .replace(/\.feedback\.\d+$/, '.feedback');
}

const FIELD_PATH =
  /^(title|summary|rounds|rotateAt|roles|opening|round|closing)$|^(opening|round|closing)\.\d+\.(title|prompt|durationMs|speakers|advance|feedback)$/;

/** Whether the editor has a field that shows a problem at `path` (otherwise the footer shows it). */
export function hasField(path: string): boolean {
  return FIELD_PATH.test(fieldPathOf(path));
}

/** DOM id of the field at `path` within the editor `base`. */
export function fieldId(base: string, path: string): string {
  return `${base}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** DOM id of the message describing the problem. */
export function problemId(base: string): string {
  return `${base}-problem`;
}

/** Props for the field at `path`: its id, and aria-invalid + aria-describedby when the problem is there. */
export function fieldProps(base: string, path: string, problem: Problem, hint?: string) {
  const invalid = problem !== null && fieldPathOf(problem.path) === path;
  const describedBy = [invalid ? problemId(base) : null, hint ?? null].filter(Boolean).join(' ');
  return {
    id: fieldId(base, path),
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
  };
}

/** Whether the problem belongs to the field at `path`. */
export function isProblemAt(problem: Problem, path: string): boolean {
  return problem !== null && fieldPathOf(problem.path) === path;
}
