/** The canvas toolbar for editors: add each kind of artifact, choose the drag tool, undo and redo. */
import { useRef } from 'react';
import { ARTIFACT_KINDS, type ArtifactKind } from '@worktable/shared';
import { viewOf } from '../artifacts/registry.js';
import { Icon } from './icons.js';
import { useCanvasUi } from './uiStore.js';

/** Props of `Toolbar`. */
export interface ToolbarProps {
  /** Adds an artifact of a kind that needs nothing more (document, sticky, table). */
  onAdd(kind: ArtifactKind): void;
  /** Files picked for an image or PDF. */
  onFiles(files: readonly File[]): void;
  onLink(): void;
  onUndo(): void;
  onRedo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

const ACCEPT: Partial<Record<ArtifactKind, string>> = { image: 'image/png,image/jpeg,image/gif,image/webp', pdf: 'application/pdf' };

/** The toolbar (role="toolbar"), floating over the canvas. */
export function Toolbar({ onAdd, onFiles, onLink, onUndo, onRedo, canUndo, canRedo }: ToolbarProps) {
  const tool = useCanvasUi((s) => s.tool);
  const setTool = useCanvasUi((s) => s.setTool);
  const picker = useRef<HTMLInputElement>(null);
  const pick = (kind: ArtifactKind) => {
    const input = picker.current;
    if (!input) return;
    input.accept = ACCEPT[kind] ?? '';
    input.value = '';
    input.click();
  };
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Add to the table" aria-orientation="horizontal">
      {ARTIFACT_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="tool-button"
          onClick={() => (kind === 'image' || kind === 'pdf' ? pick(kind) : kind === 'link' ? onLink() : onAdd(kind))}
        >
          <Icon name={kind} />
          <span>{viewOf(kind).label}</span>
        </button>
      ))}
      <span className="toolbar-divider" aria-hidden="true" />
      <button
        type="button"
        className="tool-button icon-only"
        aria-pressed={tool === 'select'}
        aria-label="Select tool: drag on empty space to select"
        title="Select (drag to select several)"
        onClick={() => setTool(tool === 'select' ? 'hand' : 'select')}
      >
        <Icon name="select" />
      </button>
      <button type="button" className="tool-button icon-only" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={onUndo}>
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="tool-button icon-only"
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        disabled={!canRedo}
        onClick={onRedo}
      >
        <Icon name="redo" />
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        multiple
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
