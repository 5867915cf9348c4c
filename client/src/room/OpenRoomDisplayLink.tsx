/**
 * "Open room display": the host's way to the projector view, in a window of its own (drag it to
 * the projector and make it full screen). A real link, so it also opens with the keyboard, a
 * middle click or "open in new window"; when the browser refuses the window it opens as a tab.
 */
import type { MouseEvent } from 'react';
import { roomPath } from '../router.js';

/** Props of `OpenRoomDisplayLink`. */
export interface OpenRoomDisplayLinkProps {
  sessionId: string;
  className?: string;
}

/** Size of the window the room display opens in (a projector's 16:9). */
const WINDOW_FEATURES = 'popup,width=1280,height=720';

/** The link. */
export function OpenRoomDisplayLink({ sessionId, className = 'button secondary' }: OpenRoomDisplayLinkProps) {
  const path = roomPath(sessionId);
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const opened = window.open(path, `worktable-room-${sessionId}`, WINDOW_FEATURES);
    if (opened) {
      event.preventDefault();
      opened.focus();
    }
  };
  return (
    <a className={className} href={path} target="_blank" rel="noopener" onClick={open}>
      Open room display<span className="visually-hidden"> (opens in a new window)</span>
    </a>
  );
}
