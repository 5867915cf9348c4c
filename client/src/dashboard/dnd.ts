/** Dragging a member chip onto a table card: the drag data type and reading it back. Pure. */

/** The drag data type of a participant being moved (only our chips set it). */
export const PARTICIPANT_DRAG_TYPE = 'application/x-worktable-participant';

/** Whether a drag carries a participant (readable during dragover, when only the types are). */
export function carriesParticipant(types: readonly string[]): boolean {
  return types.includes(PARTICIPANT_DRAG_TYPE);
}

/** The participant id dropped, or null when the data is not one of ours. */
export function droppedParticipant(data: string): string | null {
  const id = data.trim();
  return id.length > 0 && id.length <= 64 ? id : null;
}
