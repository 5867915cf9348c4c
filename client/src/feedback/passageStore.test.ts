import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MAX_QUOTE_LENGTH,
  clearPendingPassage,
  registerPassageEditor,
  revealPassage,
  setPendingPassage,
  usePassageStore,
} from './passageStore.js';

const anchor = { start: { a: 1 }, end: { a: 2 } };

describe('passageStore', () => {
  afterEach(() => usePassageStore.setState({ pending: {} }));

  it('keeps one pending passage per artifact, its quote tidied and cut', () => {
    setPendingPassage('d1', { quote: '  two\n reports ', anchor });
    setPendingPassage('d2', { quote: 'x'.repeat(400), anchor });
    expect(usePassageStore.getState().pending.d1).toEqual({ quote: 'two reports', anchor });
    expect(usePassageStore.getState().pending.d2?.quote).toHaveLength(MAX_QUOTE_LENGTH);
    clearPendingPassage('d1');
    expect(usePassageStore.getState().pending.d1).toBeUndefined();
    expect(usePassageStore.getState().pending.d2).toBeDefined();
  });

  it('reveals in the most recently mounted editor of the fragment', () => {
    const fragment = new Y.XmlFragment();
    expect(revealPassage(fragment, anchor)).toBe('unavailable');
    const calls: string[] = [];
    const offCanvas = registerPassageEditor(fragment, () => {
      calls.push('canvas');
      return true;
    });
    const offLarge = registerPassageEditor(fragment, () => {
      calls.push('large');
      return false;
    });
    expect(revealPassage(fragment, anchor)).toBe('removed');
    offLarge();
    expect(revealPassage(fragment, anchor)).toBe('shown');
    expect(calls).toEqual(['large', 'canvas']);
    offCanvas();
    expect(revealPassage(fragment, anchor)).toBe('unavailable');
  });
});
