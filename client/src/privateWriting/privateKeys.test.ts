import { describe, expect, it } from 'vitest';
import { privateKeyAction, type KeyPress } from './privateKeys.js';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('privateKeyAction', () => {
  it('moves with the arrows, ten times as far with shift', () => {
    expect(privateKeyAction(press('ArrowLeft'))).toEqual({ kind: 'nudge', dx: -1, dy: 0 });
    expect(privateKeyAction(press('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'nudge', dx: 0, dy: 10 });
  });
  it('deletes, undoes, redoes and lets go like the table does', () => {
    expect(privateKeyAction(press('Delete'))).toEqual({ kind: 'delete' });
    expect(privateKeyAction(press('Backspace'))).toEqual({ kind: 'delete' });
    expect(privateKeyAction(press('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(privateKeyAction(press('Z', { metaKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(privateKeyAction(press('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(privateKeyAction(press('Escape'))).toEqual({ kind: 'release' });
  });
  it('leaves the canvas its own keys (zoom, fit, select all) and AltGr combinations alone', () => {
    for (const key of ['+', '-', '0', 'Enter', 'a']) expect(privateKeyAction(press(key))).toBeNull();
    expect(privateKeyAction(press('a', { ctrlKey: true }))).toBeNull();
    expect(privateKeyAction(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
