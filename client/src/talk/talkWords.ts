/** Words for the speaking queue and the talking piece: what the live region says when they change. Pure. */
import { pieceHolder, type SpeakingQueue } from '@worktable/shared';

/** What to announce between two queues (null for nothing): a new speaker called, the piece moving on, a go round starting or ending. */
export function talkAnnouncement(
  previous: SpeakingQueue | null,
  next: SpeakingQueue | null,
  nameOf: (participantId: string) => string,
): string | null {
  const before = previous ?? null;
  if (!next) return null;
  const holder = pieceHolder(next);
  if (next.piece && !before?.piece) return `Go round: ${nameOf(holder ?? '')} holds the talking piece first.`;
  if (!next.piece && before?.piece) return 'The go round is over.';
  if (holder && holder !== pieceHolder(before)) return `${nameOf(holder)} holds the talking piece now.`;
  if (next.speaker && next.speaker.participantId !== before?.speaker?.participantId)
    return `${nameOf(next.speaker.participantId)} has the floor.`;
  return null;
}
