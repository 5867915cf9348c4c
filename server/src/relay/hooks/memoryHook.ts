/**
 * Memory: after documents unload, give their memory back to the operating system. An idle
 * server allocates nothing, so V8 would not collect garbage on its own and RSS would stay at its
 * peak; a while after the last unload (debounced, so a burst of unloads costs one collection)
 * this asks for one major collection. Needs `node --expose-gc` (set by `npm start` and the
 * Docker image); without it the hook does nothing.
 */
import type { RelayHook } from '../hooks.js';

/** Builds the memory hook; `delayMs` is the quiet time after the last unload before collecting. */
export function memoryHook(delayMs = 2000): RelayHook {
  const collect = globalThis.gc;
  let timer: NodeJS.Timeout | null = null;
  return {
    name: 'memory',
    afterUnloadDocument() {
      if (!collect) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        collect({ type: 'major', execution: 'async' });
      }, delayMs);
      timer.unref();
    },
  };
}
