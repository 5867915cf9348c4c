/** Who speaks in your call now, for the speaking rings on avatars outside the call card. */
import { useMemo } from 'react';
import { speakingKey, useCallStore } from './callStore.js';

/** Participant ids speaking in your call now (you included, as `me`). */
export function useSpeaking(me: string): ReadonlySet<string> {
  const key = useCallStore((s) => speakingKey(s, me));
  return useMemo(() => new Set(key === '' ? [] : key.split(',')), [key]);
}
