import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { previewBlocks } from './previewBlocks.js';

function element(name: string, children: Array<Y.XmlElement | Y.XmlText>, attrs: Record<string, string> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.insert(0, children);
  return el;
}

describe('previewBlocks', () => {
  it('lists headings, paragraphs and nested paragraphs as plain text, in order', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('content');
    const bold = new Y.XmlText();
    fragment.insert(0, [
      element('heading', [new Y.XmlText('Findings')], { level: '2' }),
      element('paragraph', [bold]),
      element('bulletList', [
        element('listItem', [element('paragraph', [new Y.XmlText('first')])]),
        element('listItem', [element('paragraph', [new Y.XmlText('second')])]),
      ]),
      element('paragraph', []),
    ]);
    bold.insert(0, 'Two reports');
    bold.format(0, 3, { bold: {} });
    expect(previewBlocks(fragment)).toEqual([
      { tag: 'h2', text: 'Findings' },
      { tag: 'p', text: 'Two reports' },
      { tag: 'p', text: 'first' },
      { tag: 'p', text: 'second' },
    ]);
  });

  it('stops at the block and character limits', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('content');
    fragment.insert(
      0,
      Array.from({ length: 10 }, (_, i) => element('paragraph', [new Y.XmlText(`line ${i}`)])),
    );
    expect(previewBlocks(fragment, 3).map((b) => b.text)).toEqual(['line 0', 'line 1', 'line 2']);
    expect(previewBlocks(fragment, 100, 8).map((b) => b.text)).toEqual(['line 0', 'li']);
  });
});
