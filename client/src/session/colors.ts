/** Presence colours: dark enough for white initials and to read on white, distinct from each other. */
const PALETTE = ['#3d5a98', '#b0472f', '#2f6f5e', '#8a4f9e', '#1f6f8b', '#a23b66', '#7a6418', '#4f6b2a'] as const;

/**
 * A participant's colour. With the session's participant list (in join order, the same for
 * everyone) the first eight people get eight different colours; otherwise the id is hashed.
 * Either way every browser computes the same colour for the same person.
 */
export function colorFor(participantId: string, participants: readonly { participantId: string }[] = []): string {
  const index = participants.findIndex((p) => p.participantId === participantId);
  if (index >= 0) return PALETTE[index % PALETTE.length] ?? PALETTE[0];
  let hash = 0;
  for (let i = 0; i < participantId.length; i++) hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? PALETTE[0];
}
