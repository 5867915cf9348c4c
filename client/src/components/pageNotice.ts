/**
 * A message carried to the next page of an in-app navigation ("Session deleted" on the home page
 * after the host deleted a session). Kept in memory only: a reload drops it.
 */
import { create } from 'zustand';

/** A notice for the next page. */
export interface PageNoticeMessage {
  /** The short line, e.g. "Session deleted". */
  title: string;
  /** One sentence more. */
  detail: string;
}

/** The notice waiting to be shown, or null. */
export const usePageNotice = create<{ notice: PageNoticeMessage | null }>(() => ({ notice: null }));

/** Leaves `notice` for the next page that shows notices (call just before `navigate`). */
export function leaveNotice(notice: PageNoticeMessage): void {
  usePageNotice.setState({ notice });
}

/** Takes the waiting notice (it is shown once), or null. */
export function takeNotice(): PageNoticeMessage | null {
  const { notice } = usePageNotice.getState();
  if (notice) usePageNotice.setState({ notice: null });
  return notice;
}
