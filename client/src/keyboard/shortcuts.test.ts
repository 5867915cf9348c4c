import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutOf, type KeyPress } from './shortcuts.js';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  typing: false,
  ...extra,
});

describe('shortcuts', () => {
  it('KS1 letters act only outside text fields; the facilitator’s need Alt+Shift, which work anywhere', () => {
    expect(shortcutOf(press('n'))).toBe('sticky');
    expect(shortcutOf(press('D'))).toBe('document');
    expect(shortcutOf(press('f'))).toBe('feedback');
    expect(shortcutOf(press('b'))).toBe('board');
    expect(shortcutOf(press('b', { typing: true }))).toBeNull();
    expect(shortcutOf(press('?', { shiftKey: true }))).toBe('help');
    expect(shortcutOf(press('n', { typing: true }))).toBeNull();
    expect(shortcutOf(press('n', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press('N', { shiftKey: true }))).toBeNull();
    // Alt+Shift+N types "˜" on a Mac keyboard: the key code decides.
    expect(shortcutOf(press('˜', { altKey: true, shiftKey: true, code: 'KeyN', typing: true }))).toBe('next');
    expect(shortcutOf(press('P', { altKey: true, shiftKey: true, code: 'KeyP' }))).toBe('pause');
    expect(shortcutOf(press('x'))).toBeNull();
  });

  it('KS2 the help sheet lists every shortcut the matcher knows', () => {
    const listed = new Set(SHORTCUTS.map((s) => s.action).filter(Boolean));
    for (const action of ['help', 'sticky', 'document', 'feedback', 'board', 'next', 'pause', 'mute'])
      expect(listed.has(action as never)).toBe(true);
  });
});
