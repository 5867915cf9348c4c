import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { ArtifactField } from '@worktable/shared';
import { documentExtensions } from './editorExtensions.js';
import { documentView } from './index.js';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('documentView', () => {
  it('initialize creates the title and an empty Y.XmlFragment', () => {
    const doc = new Y.Doc();
    const artifact = new Y.Map<unknown>();
    doc.getMap('artifacts').set('d1', artifact);
    documentView.initialize(artifact, { title: 'Plan' });
    expect(artifact.get(ArtifactField.Title)).toBe('Plan');
    expect(artifact.get(ArtifactField.Content)).toBeInstanceOf(Y.XmlFragment);
    documentView.initialize(artifact, {});
    expect(artifact.get(ArtifactField.Title)).toBe('Untitled document');
  });

  // A live TipTap editor only writes to Yjs once mounted in a DOM (the sync plugin is a view
  // plugin), so this exercises the same schema and the same converters y-tiptap's binding uses.
  it('content in the editor schema written to the fragment reaches a second document', () => {
    const docA = new Y.Doc();
    const artifact = new Y.Map<unknown>();
    docA.getMap('artifacts').set('d1', artifact);
    documentView.initialize(artifact, {});
    const docB = new Y.Doc();
    sync(docA, docB);

    const schema = getSchema(documentExtensions({ fragment: new Y.XmlFragment() }));
    const link = (href: string, text: string) => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
    const content = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Agenda' }] },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Read it' }] }] },
          ],
        },
        { type: 'paragraph', content: [link('https://example.com', 'site')] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }] }] },
      ],
    };
    prosemirrorJSONToYXmlFragment(schema, content, artifact.get(ArtifactField.Content) as Y.XmlFragment);
    sync(docA, docB);

    const remote = (docB.getMap('artifacts').get('d1') as Y.Map<unknown>).get(ArtifactField.Content) as Y.XmlFragment;
    const node = yXmlFragmentToProseMirrorRootNode(remote, schema);
    expect(node.childCount).toBe(4);
    expect(node.child(0).type.name).toBe('heading');
    expect(node.child(0).textContent).toBe('Agenda');
    expect(node.child(1).type.name).toBe('taskList');
    expect(node.child(1).child(0).attrs.checked).toBe(true);
    expect(node.child(2).child(0).marks[0]?.attrs.href).toBe('https://example.com');
    expect(node.child(3).type.name).toBe('table');
  });

  it('never renders a link to anything but http(s), whoever wrote it', () => {
    const schema = getSchema(documentExtensions({ fragment: new Y.XmlFragment() }));
    const render = (href: string) =>
      schema.marks.link!.spec.toDOM!(schema.marks.link!.create({ href }), true) as unknown as [string, Record<string, string>];
    expect(render('javascript:alert(1)')[1].href).toBe('');
    expect(render('data:text/html,hi')[1].href).toBe('');
    expect(render('https://example.com')[1]).toMatchObject({
      href: 'https://example.com',
      target: '_blank',
      rel: 'noopener noreferrer nofollow',
    });
  });
});
