/**
 * One artifact on the canvas: a focusable frame at its world position with a label (kind,
 * creator, draft badge, the page's label badge (`ArtifactLabelAddon`: feedback), actions), the
 * kind's body, the page's overlay (`ArtifactAddon`: dot voting, reactions), the outline of
 * whoever edits it, and eight resize handles when it alone is selected.
 */
import { memo, useContext, type CSSProperties } from 'react';
import type * as Y from 'yjs';
import { ArtifactKind, type ArtifactMeta, type ResizeHandle } from '@worktable/shared';
import { viewOf } from '../artifacts/registry.js';
import { formatMoment } from '../time.js';
import type { ArtifactBodyProps } from '../artifacts/types.js';
import { ArtifactAddon, ArtifactLabelAddon } from './artifactAddon.js';
import { ArtifactMenu } from './ArtifactMenu.js';
import { useArtifactLabel } from './describe.js';
import { Icon } from './icons.js';

const HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** Someone else editing the artifact. */
export interface Editor {
  name: string;
  color: string;
}

/** What the frame asks the canvas to do. */
export interface FrameActions {
  open(id: string): void;
  front(id: string): void;
  back(id: string): void;
  draft(id: string, draft: boolean): void;
  remove(id: string): void;
  focus(id: string): void;
}

/** Props of `ArtifactFrame`. */
export interface ArtifactFrameProps {
  meta: ArtifactMeta;
  artifact: Y.Map<unknown>;
  selected: boolean;
  /** Selected alone: shows resize handles. */
  single: boolean;
  editors: readonly Editor[];
  isOwner: boolean;
  /** The artifact is also open large (in the dialog over the canvas). */
  openedLarge?: boolean;
  actions: FrameActions;
  body: Omit<ArtifactBodyProps, 'artifact' | 'meta' | 'selected' | 'expanded'>;
}

/** An artifact's frame on the canvas. */
export const ArtifactFrame = memo(function ArtifactFrame({
  meta,
  artifact,
  selected,
  single,
  editors,
  isOwner,
  openedLarge = false,
  actions,
  body,
}: ArtifactFrameProps) {
  const view = viewOf(meta.kind);
  const label = useArtifactLabel(artifact, meta);
  const Addon = useContext(ArtifactAddon);
  const LabelAddon = useContext(ArtifactLabelAddon);
  const editor = editors[0];
  const style = {
    left: meta.x,
    top: meta.y,
    width: meta.w,
    height: meta.h,
    // Frames lie behind every other artifact (among themselves, document order keeps their z order).
    zIndex: meta.kind === ArtifactKind.Frame ? 0 : meta.z,
    '--w': meta.w,
    ...(editor ? { '--editor': editor.color } : {}),
  } as CSSProperties;
  const classes = ['artifact', `artifact-${meta.kind}`, selected && 'is-selected', meta.draft && 'is-draft', editor && 'is-edited']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      style={style}
      data-artifact-id={meta.id}
      tabIndex={0}
      role="group"
      aria-roledescription="artifact"
      aria-label={label}
      onFocus={(event) => event.target === event.currentTarget && actions.focus(meta.id)}
      onDoubleClick={(event) => {
        const target = event.target as Element;
        // A frame is mostly empty table: double-clicking inside it does not open it large.
        if (meta.kind === ArtifactKind.Frame) return;
        if (!target.closest('textarea, input, select, button, a, [contenteditable="true"], [data-handle]')) actions.open(meta.id);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) {
          event.preventDefault();
          actions.open(meta.id);
        }
      }}
    >
      <div className="artifact-label" data-drag-handle="">
        <span className="artifact-kind">
          <Icon name={meta.kind} />
        </span>
        <span className="artifact-creator">{meta.createdByName}</span>
        {meta.createdAt > 0 && (
          <time
            className="artifact-time"
            dateTime={new Date(meta.createdAt).toISOString()}
            title={`Put on the table ${new Date(meta.createdAt).toLocaleString()}`}
          >
            {formatMoment(meta.createdAt)}
          </time>
        )}
        {meta.draft && <span className="draft-badge">Draft — feedback welcome</span>}
        {LabelAddon && <LabelAddon meta={meta} artifact={artifact} selectedAlone={single} readOnly={body.readOnly} />}
        <ArtifactMenu
          label={label}
          readOnly={body.readOnly}
          isOwner={isOwner}
          draft={meta.draft}
          onOpen={() => actions.open(meta.id)}
          onFront={() => actions.front(meta.id)}
          onBack={() => actions.back(meta.id)}
          onDraft={(draft) => actions.draft(meta.id, draft)}
          onDelete={() => actions.remove(meta.id)}
        />
      </div>
      <div className="artifact-card">
        <view.Body artifact={artifact} meta={meta} selected={selected} expanded={false} openedLarge={openedLarge} {...body} />
      </div>
      {Addon && <Addon meta={meta} artifact={artifact} selectedAlone={single} readOnly={body.readOnly} />}
      {editor && (
        <span className="editor-tag" style={{ background: editor.color }}>
          {editors.map((e) => e.name).join(', ')} editing
        </span>
      )}
      {single &&
        !body.readOnly &&
        HANDLES.map((handle) => <span key={handle} className={`resize-handle handle-${handle}`} data-handle={handle} aria-hidden="true" />)}
    </div>
  );
});
