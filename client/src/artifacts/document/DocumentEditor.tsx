/**
 * The TipTap editor of a document, bound to its Y.XmlFragment with other people's carets. This
 * module is the lazily loaded chunk (default export, imported only by `DocumentBody`): keep every
 * static TipTap import here or in modules only this one imports.
 */
import { useEffect, useMemo } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { DocumentToolbar } from './DocumentToolbar.js';
import { documentExtensions } from './editorExtensions.js';
import { isAllowedLink } from './linkPolicy.js';
import { PassageHighlights, resolveInEditor } from './passageAnchors.js';
import { registerPassageEditor } from '../../feedback/passageStore.js';
import './editor.css';

/** Props of `DocumentEditor`. */
export interface DocumentEditorProps {
  /** The document artifact's id (threads about a passage are about this artifact). */
  artifactId: string;
  fragment: Y.XmlFragment;
  awareness: Awareness;
  user: { name: string; color: string };
  readOnly: boolean;
  showToolbar: boolean;
}

/** Opens a link in a new tab (Ctrl/Cmd+click while editing; a plain click works when read-only). */
function openLink(event: MouseEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || !(event.target instanceof Element)) return false;
  const anchor = event.target.closest('a');
  const href = anchor?.getAttribute('href');
  if (!href || !isAllowedLink(href)) return false;
  window.open(href, '_blank', 'noopener,noreferrer');
  return true;
}

/** The rich-text editor of one document. */
export default function DocumentEditor({ artifactId, fragment, awareness, user, readOnly, showToolbar }: DocumentEditorProps) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caret name and colour change without rebuilding the editor (set below)
  const extensions = useMemo(
    () => [
      ...documentExtensions({ fragment, awareness, user: { name: user.name, color: user.color }, placeholder: 'Write here…' }),
      PassageHighlights.configure({ fragment }),
    ],
    // The caret name and colour are updated below without rebuilding the editor.
    [fragment, awareness],
  );
  const editor = useEditor(
    {
      extensions,
      editable: !readOnly,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        // ProseMirror gives the editable element no role, and aria-multiline is only allowed on a textbox.
        attributes: {
          class: 'wt-doc-content',
          role: 'textbox',
          'aria-label': 'Document text',
          'aria-multiline': 'true',
          'aria-readonly': String(readOnly),
        },
        handleClick: (_view, _pos, event) => openLink(event),
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor.isEditable === !readOnly) return;
    editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);

  // "Show in document" on a thread selects its passage here, wherever it is now.
  useEffect(
    () =>
      registerPassageEditor(fragment, (anchor) => {
        if (editor.isDestroyed) return false;
        const range = resolveInEditor(editor.state, anchor);
        if (!range) return false;
        editor.chain().setTextSelection(range).scrollIntoView().run();
        editor.view.focus();
        return true;
      }),
    [editor, fragment],
  );

  return (
    <div className="wt-doc-editor">
      {showToolbar && <DocumentToolbar editor={editor} artifactId={artifactId} />}
      <div className="wt-doc-scroll">
        <EditorContent editor={editor} className="wt-doc-page" />
      </div>
    </div>
  );
}
