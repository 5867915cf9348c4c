/** Whether the window is phone-narrow (≤ 400 CSS px), kept current as it turns or resizes. */
import { useSyncExternalStore } from 'react';

/** Widest window, in CSS px, that gets the phone layout. */
export const PHONE_MAX_WIDTH = 400;

const QUERY = `(max-width: ${PHONE_MAX_WIDTH}px)`;

function subscribe(listener: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

/** True while the window is at most `PHONE_MAX_WIDTH` wide. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
