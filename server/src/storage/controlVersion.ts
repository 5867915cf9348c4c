/** The `version` of a control state, kept beside it by every adapter for compare-and-set. */

/** The state's integer `version`, or null when it has none. */
export function versionOf(state: unknown): number | null {
  const version = typeof state === 'object' && state !== null ? (state as { version?: unknown }).version : undefined;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}
