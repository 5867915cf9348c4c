/**
 * Deep copies of Yjs content between documents: a Yjs type belongs to one document, so copying
 * an artifact (restoring it from history, revealing a private note) rebuilds every nested type —
 * Y.Map, Y.Array, Y.Text (with formatting), Y.XmlFragment/XmlElement/XmlText — with plain values
 * copied as they are.
 */
import * as Y from 'yjs';

/** A copy of `value` that can be inserted into another document. */
export function cloneYValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    for (const [key, inner] of value.entries()) copy.set(key, cloneYValue(inner));
    return copy;
  }
  if (value instanceof Y.Array) {
    const copy = new Y.Array<unknown>();
    copy.push(value.toArray().map(cloneYValue));
    return copy;
  }
  if (value instanceof Y.XmlText) {
    const copy = new Y.XmlText();
    copy.applyDelta(value.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]);
    return copy;
  }
  if (value instanceof Y.Text) {
    const copy = new Y.Text();
    copy.applyDelta(value.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]);
    return copy;
  }
  if (value instanceof Y.XmlElement) {
    const copy = new Y.XmlElement(value.nodeName);
    for (const [name, attribute] of Object.entries(value.getAttributes())) copy.setAttribute(name, attribute as string);
    copy.insert(
      0,
      value.toArray().map((child) => cloneYValue(child) as Y.XmlElement | Y.XmlText),
    );
    return copy;
  }
  if (value instanceof Y.XmlFragment) {
    const copy = new Y.XmlFragment();
    copy.insert(
      0,
      value.toArray().map((child) => cloneYValue(child) as Y.XmlElement | Y.XmlText),
    );
    return copy;
  }
  return value;
}

/** A copy of an artifact's Y.Map with some fields replaced (e.g. a new id or position). */
export function cloneArtifact(artifact: Y.Map<unknown>, overrides: Record<string, unknown> = {}): Y.Map<unknown> {
  const copy = cloneYValue(artifact) as Y.Map<unknown>;
  for (const [key, value] of Object.entries(overrides)) copy.set(key, value);
  return copy;
}
