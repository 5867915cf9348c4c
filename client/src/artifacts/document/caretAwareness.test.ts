import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { DOC_CARET_FIELD, caretAwareness } from './caretAwareness.js';

function awarenessWithUser(): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalStateField('user', { name: 'Ana', color: '#112233', participantId: 'p1', role: 'host' });
  awareness.setLocalStateField('cursor', { x: 10, y: 20 });
  return awareness;
}

describe('caretAwareness', () => {
  it('merges the caret extension’s user into the existing one', () => {
    const awareness = awarenessWithUser();
    caretAwareness(awareness).setLocalStateField('user', { name: 'Ana B', color: '#445566' });
    expect(awareness.getLocalState()?.user).toEqual({ name: 'Ana B', color: '#445566', participantId: 'p1', role: 'host' });
  });

  it('keeps the canvas pointer in `cursor` and the text caret in its own field', () => {
    const awareness = awarenessWithUser();
    const adapter = caretAwareness(awareness);
    adapter.setLocalStateField('cursor', { anchor: 'a', head: 'h' });
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 10, y: 20 });
    expect(awareness.getLocalState()?.[DOC_CARET_FIELD]).toEqual({ anchor: 'a', head: 'h' });
    expect(adapter.getLocalState()?.cursor).toEqual({ anchor: 'a', head: 'h' });
    expect(adapter.getStates().get(awareness.clientID)?.cursor).toEqual({ anchor: 'a', head: 'h' });
  });

  it('forwards changes only when a caret, name or colour changed', () => {
    const local = awarenessWithUser();
    const remote = new Awareness(new Y.Doc());
    const adapter = caretAwareness(local);
    const listener = vi.fn();
    adapter.on('change', listener);
    const push = () => applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');

    remote.setLocalStateField('user', { name: 'Bo', color: '#000000' });
    push();
    expect(listener).toHaveBeenCalledTimes(1);
    remote.setLocalStateField('cursor', { x: 1, y: 2 });
    push();
    expect(listener).toHaveBeenCalledTimes(1);
    remote.setLocalStateField(DOC_CARET_FIELD, { anchor: 1, head: 1 });
    push();
    expect(listener).toHaveBeenCalledTimes(2);
    adapter.off('change', listener);
    remote.setLocalStateField(DOC_CARET_FIELD, { anchor: 2, head: 2 });
    push();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('lets each editor clear only the caret it published', () => {
    const awareness = awarenessWithUser();
    const canvasEditor = caretAwareness(awareness);
    const expandedEditor = caretAwareness(awareness);
    expandedEditor.setLocalStateField('cursor', { anchor: 'x', head: 'x' });
    expect(canvasEditor.getLocalState()?.cursor).toBeNull();
    canvasEditor.setLocalStateField('cursor', null);
    expect(awareness.getLocalState()?.[DOC_CARET_FIELD]).toEqual({ anchor: 'x', head: 'x' });
    expandedEditor.setLocalStateField('cursor', null);
    expect(awareness.getLocalState()?.[DOC_CARET_FIELD]).toBeNull();
  });

  it('publishes the caret only when it moved', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello');
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Ana', color: '#112233' });
    const adapter = caretAwareness(awareness);
    const changes = vi.fn();
    awareness.on('change', changes);
    const caret = (index: number) => ({
      anchor: Y.createRelativePositionFromTypeIndex(text, index),
      head: Y.createRelativePositionFromTypeIndex(text, index),
    });

    adapter.setLocalStateField('cursor', caret(2));
    expect(changes).toHaveBeenCalledTimes(1);
    // What yCursorPlugin does after every remote change: the same place, as new objects.
    adapter.setLocalStateField('cursor', caret(2));
    expect(changes).toHaveBeenCalledTimes(1);
    adapter.setLocalStateField('cursor', caret(3));
    expect(changes).toHaveBeenCalledTimes(2);
    expect(Y.compareRelativePositions(awareness.getLocalState()?.[DOC_CARET_FIELD].anchor, caret(3).anchor)).toBe(true);
    // Cleared, then the same place again: published again.
    adapter.setLocalStateField('cursor', null);
    adapter.setLocalStateField('cursor', caret(3));
    expect(changes).toHaveBeenCalledTimes(4);
  });

  it('does not forward changes of this client’s own caret (the extension does not draw it)', () => {
    const awareness = awarenessWithUser();
    const adapter = caretAwareness(awareness);
    const listener = vi.fn();
    adapter.on('change', listener);
    adapter.setLocalStateField('cursor', { anchor: 'a', head: 'a' });
    adapter.setLocalStateField('cursor', { anchor: 'b', head: 'b' });
    expect(listener).not.toHaveBeenCalled();
  });
});
