/**
 * Text people type that others will see (names, titles, file names): without control characters
 * or the bidirectional overrides that make "gpj.exe" read "exe.jpg" or a name read as another's.
 */

// Control characters, and the bidirectional marks, embeddings, overrides and isolates.
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with control and bidirectional-override characters removed. */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}
