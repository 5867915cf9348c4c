import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cloneArtifact } from './cloneArtifact.js';

describe('cloneArtifact', () => {
  it('copies every nested Yjs type into another document, formatting and attributes included', () => {
    const from = new Y.Doc();
    const artifact = new Y.Map<unknown>();
    from.getMap('artifacts').set('a1', artifact);
    const text = new Y.Text();
    artifact.set('text', text);
    text.insert(0, 'bold plain', {});
    text.format(0, 4, { bold: true });
    const fragment = new Y.XmlFragment();
    artifact.set('content', fragment);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    const headingText = new Y.XmlText();
    heading.insert(0, [headingText]);
    fragment.insert(0, [heading]);
    headingText.insert(0, 'Title', { italic: true });
    const rows = new Y.Array<string>();
    rows.push(['r1', 'r2']);
    artifact.set('rows', rows);
    const cells = new Y.Map<Y.Text>();
    artifact.set('cells', cells);
    const cell = new Y.Text();
    cells.set('r1:c1', cell);
    cell.insert(0, 'cell');
    artifact.set('x', 10);
    artifact.set('id', 'a1');

    const to = new Y.Doc();
    to.getMap('artifacts').set('a2', cloneArtifact(artifact, { id: 'a2', x: 30 }));
    const copy = to.getMap<Y.Map<unknown>>('artifacts').get('a2')!;
    expect(copy.get('id')).toBe('a2');
    expect(copy.get('x')).toBe(30);
    expect((copy.get('text') as Y.Text).toDelta()).toEqual(text.toDelta());
    expect((copy.get('content') as Y.XmlFragment).toString()).toBe(fragment.toString());
    expect((copy.get('content') as Y.XmlFragment).toString()).toContain('level="2"');
    expect((copy.get('rows') as Y.Array<string>).toArray()).toEqual(['r1', 'r2']);
    expect(((copy.get('cells') as Y.Map<Y.Text>).get('r1:c1') as Y.Text).toString()).toBe('cell');
    // Independent: editing the copy leaves the original alone.
    (copy.get('text') as Y.Text).insert(0, 'new ');
    expect(text.toString()).toBe('bold plain');
  });
});
