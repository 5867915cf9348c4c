/**
 * The body of a document artifact: its title and the rich-text editor. The editor (TipTap and
 * ProseMirror, the heaviest code of the client) is a separate chunk loaded the first time a
 * document is shown, with a light skeleton meanwhile, so pages without documents never load it.
 *
 * On the canvas the text is smaller and clipped with a fade (scrollable once selected); opened
 * large it is a reading-width page with larger type. The toolbar shows while the document is
 * selected or open large, never to read-only viewers.
 *
 * While the document is open large, its copy on the canvas (covered by the dialog) runs no editor
 * of its own: a second TipTap editor of the same text would process every keystroke and every
 * remote change again and publish its own state. It shows a light read-only preview of the text
 * instead, refreshed at most once a second, and gets its editor back when the dialog closes.
 */
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import type { ArtifactBodyProps } from '../types.js';
import { EditorBoundary } from './EditorBoundary.js';
import { previewBlocks } from './previewBlocks.js';
import { TitleField } from './TitleField.js';
import './document.css';

const DocumentEditor = lazy(() => import('./DocumentEditor.js'));

function readContent(artifact: Y.Map<unknown>): Y.XmlFragment | null {
  const content = artifact.get(ArtifactField.Content);
  return content instanceof Y.XmlFragment ? content : null;
}

/** Subscribes to the artifact's content fragment (replaced only if the field is rewritten). */
function useContent(artifact: Y.Map<unknown>): Y.XmlFragment | null {
  const [content, setContent] = useState(() => readContent(artifact));
  useEffect(() => {
    const update = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(ArtifactField.Content)) setContent(readContent(artifact));
    };
    setContent(readContent(artifact));
    artifact.observe(update);
    return () => artifact.unobserve(update);
  }, [artifact]);
  return content;
}

/** How often, at most, the preview follows changes to the text (ms). */
const PREVIEW_REFRESH_MS = 1000;

/** The document's text, read-only and without formatting, for its canvas copy while it is open large. */
function DocumentPreview({ fragment }: { fragment: Y.XmlFragment }) {
  const [blocks, setBlocks] = useState(() => previewBlocks(fragment));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      setBlocks(previewBlocks(fragment));
    };
    const changed = () => {
      timer ??= setTimeout(refresh, PREVIEW_REFRESH_MS);
    };
    setBlocks(previewBlocks(fragment));
    fragment.observeDeep(changed);
    return () => {
      fragment.unobserveDeep(changed);
      if (timer) clearTimeout(timer);
    };
  }, [fragment]);
  const lines: ReactNode[] = blocks.map((block, i) => {
    const Tag = block.tag;
    // biome-ignore lint/suspicious/noArrayIndexKey: a read-only preview rebuilt whole from the document; its lines have no identity or state
    return <Tag key={i}>{block.text}</Tag>;
  });
  return (
    <div className="wt-doc-editor wt-doc-preview">
      <div className="wt-doc-scroll">
        <div className="wt-doc-page">
          <div className="wt-doc-content">{lines}</div>
        </div>
      </div>
    </div>
  );
}

/** What shows while the editor chunk loads: a few grey lines. */
function DocumentSkeleton() {
  return (
    <div className="wt-doc-skeleton" role="status" aria-busy="true" aria-label="Loading the document">
      <span />
      <span />
      <span />
    </div>
  );
}

/** A document: title and co-edited rich text. */
export function DocumentBody({
  artifact,
  meta,
  doc,
  awareness,
  readOnly,
  selected,
  expanded,
  openedLarge = false,
  user,
}: ArtifactBodyProps) {
  const content = useContent(artifact);
  // Covered by the same document open large: a preview, not a second editor (nor a second toolbar).
  const preview = openedLarge && !expanded;
  const active = (selected && !preview) || expanded;
  const classes = ['wt-doc', expanded ? 'is-expanded' : 'is-compact', active ? 'is-active' : ''].join(' ');

  return (
    <div className={classes}>
      <TitleField
        artifact={artifact}
        doc={doc}
        readOnly={readOnly}
        fallback="Untitled document"
        label="Document title"
        className="wt-doc-title"
      />
      {content && preview ? (
        <DocumentPreview fragment={content} />
      ) : content ? (
        <EditorBoundary>
          <Suspense fallback={<DocumentSkeleton />}>
            <DocumentEditor
              artifactId={meta.id}
              fragment={content}
              awareness={awareness}
              user={user}
              readOnly={readOnly}
              showToolbar={active && !readOnly}
            />
          </Suspense>
        </EditorBoundary>
      ) : (
        <p className="wt-doc-missing">This document has no text yet.</p>
      )}
    </div>
  );
}
