/**
 * The table canvas: a pannable, zoomable world of artifacts (only those near the visible area are
 * rendered), with the toolbar, zoom controls, minimap, other people's cursors and editing
 * outlines, paste and drop of files, links and text, and the open (expanded) artifact.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import {
  ArtifactField,
  ArtifactKind,
  MAX_ZOOM,
  cullToArea,
  fitToContent,
  inflate,
  screenToWorld,
  visibleWorldRect,
  zoomAt,
} from '@worktable/shared';
import type { LocalUser } from '../artifacts/types.js';
import { ArtifactFrame, type Editor, type FrameActions } from './ArtifactFrame.js';
import type { CanvasLayer } from './canvasLayer.js';
import { Cursors } from './Cursors.js';
import { ExpandedArtifact } from './ExpandedArtifact.js';
import { loadView, saveView } from './savedView.js';
import { FIT_PADDING, contentBounds } from './fitting.js';
import { LinkDialog } from './LinkDialog.js';
import { Minimap } from './Minimap.js';
import { bringToFront, deleteArtifacts, getArtifact, moveBy, sendToBack, setDraft } from './tableModel.js';
import { Toolbar } from './Toolbar.js';
import { useCanvasUi } from './uiStore.js';
import { useArtifacts } from './useArtifacts.js';
import { canvasKeyHandler } from './useCanvasKeys.js';
import { useElementSize } from './useElementSize.js';
import { useGestures } from './useGestures.js';
import { useInsert } from './useInsert.js';
import { usePeers } from './usePeers.js';
import { usePresencePublish } from './usePresencePublish.js';
import { useUndo } from './useUndo.js';
import { useWheel } from './useWheel.js';
import { ZoomControls } from './ZoomControls.js';

/** Props of `Canvas`. */
export interface CanvasProps {
  doc: Y.Doc;
  awareness: Awareness;
  sessionId: string;
  token: string;
  user: LocalUser;
  readOnly: boolean;
  /** False until the document's first sync. */
  ready: boolean;
  /** What this canvas is, for people: "table" (default) or "plenary". */
  place?: 'table' | 'plenary';
  /** The canvas's accessible name, when not the place's (e.g. "The table at the end of Introduction"). */
  label?: string;
  /** What an empty canvas says, when not the place's default. */
  emptyText?: string;
  /** A document drawn over the table's artifacts (e.g. your private notes), taking some new artifacts. */
  layer?: CanvasLayer | undefined;
  /** Keeps your pan and zoom of this canvas across reloads, under this key (e.g. `<session>/<document>`). */
  viewKey?: string;
}

/** World units rendered beyond the visible edges (so a quick pan shows no gaps). */
const CULL_MARGIN = 240;
const GRID = 24;

/** The table canvas. */
export function Canvas({
  doc,
  awareness,
  sessionId,
  token,
  user,
  readOnly,
  ready,
  place = 'table',
  label,
  emptyText,
  layer,
  viewKey,
}: CanvasProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const shellRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(rootRef);
  const artifacts = useArtifacts(doc);
  const peers = usePeers(awareness);
  const { viewport, selection, expanded, following, tool, setViewport, select, expand, follow } = useCanvasUi();
  const { manager, canUndo, canRedo } = useUndo(doc);
  const [linkOpen, setLinkOpen] = useState(false);

  const visible = useMemo(() => (size.w > 0 ? visibleWorldRect(viewport, size) : null), [viewport, size]);
  const publish = usePresencePublish(awareness, visible);
  const { marquee, handlers, pointerFocus } = useGestures({ rootRef, doc, readOnly, artifacts, undo: manager, onCursor: publish.cursor });

  useEffect(() => () => useCanvasUi.getState().reset(), []);

  // Fit the table in view once, when it first arrives.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || !ready || size.w === 0) return;
    fitted.current = true;
    const saved = viewKey ? loadView(viewKey) : null;
    if (saved) setViewport(saved);
    else if (artifacts.length > 0) setViewport(fitToContent(contentBounds(artifacts), size, FIT_PADDING));
    else setViewport({ x: -size.w / 2, y: -size.h / 2, zoom: 1 });
  }, [ready, size, artifacts, setViewport, viewKey]);

  // Keep your view for the next reload (half a second after it stops changing).
  useEffect(() => {
    if (!viewKey || !fitted.current) return;
    const timer = window.setTimeout(() => saveView(viewKey, viewport), 500);
    return () => window.clearTimeout(timer);
  }, [viewKey, viewport]);

  // Follow someone: show what they see.
  useEffect(() => {
    if (following === null) return;
    const peer = peers.find((p) => p.clientId === following);
    if (!peer) follow(null);
    else if (peer.view && size.w > 0) setViewport(fitToContent(peer.view, size, 0, MAX_ZOOM));
  }, [following, peers, size, follow, setViewport]);

  // Drop selected ids that no longer exist (deleted here or elsewhere).
  // (Asks the document, not the frame-batched list, which may not show a just-created one yet.)
  // biome-ignore lint/correctness/useExhaustiveDependencies: artifacts changing is the trigger to re-check the document
  useEffect(() => {
    const exists = (id: string) => getArtifact(doc, id) !== null;
    if (!selection.every(exists)) select(selection.filter(exists));
    if (expanded && !exists(expanded)) expand(null);
  }, [doc, artifacts, selection, expanded, select, expand]);

  const latest = useRef({ artifacts, size, viewport, selection, manager, readOnly });
  latest.current = { artifacts, size, viewport, selection, manager, readOnly };
  const { add, addFiles, notice, dismissNotice, focusNext } = useInsert({ doc, user, sessionId, token, readOnly, shellRef, latest, layer });
  useWheel(rootRef);

  // Focus a just-created artifact: its text field when it has one, also when that field arrives a
  // moment later (a lazily loaded editor), unless the person has moved on in the meantime.
  const lateFocus = useRef<(() => void) | null>(null);
  useEffect(() => () => lateFocus.current?.(), []);
  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    const frame = rootRef.current?.querySelector<HTMLElement>(`[data-artifact-id="${CSS.escape(id)}"]`);
    if (!frame) return;
    focusNext.current = null;
    const field = () => frame.querySelector<HTMLElement>('textarea, [contenteditable="true"], input.frame-title-input, [data-focus-first]');
    (field() ?? frame).focus({ preventScroll: true });
    if (field()) return;
    const observer = new MutationObserver(() => {
      const found = field();
      if (!found) return;
      if (document.activeElement === frame) found.focus({ preventScroll: true });
      observer.disconnect();
    });
    observer.observe(frame, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    const timer = setTimeout(() => observer.disconnect(), 5000);
    lateFocus.current?.();
    lateFocus.current = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  });

  const zoomBy = useCallback(
    (factor: number) => {
      const { viewport: v, size: s } = latest.current;
      setViewport(zoomAt(v, { x: s.w / 2, y: s.h / 2 }, factor), true);
    },
    [setViewport],
  );
  const fit = useCallback(() => {
    const { artifacts: all, size: s } = latest.current;
    setViewport(fitToContent(contentBounds(all), s, FIT_PADDING), true);
  }, [setViewport]);
  const undo = useCallback(() => latest.current.manager?.undo(), []);
  const redo = useCallback(() => latest.current.manager?.redo(), []);
  const remove = useCallback(
    (ids: readonly string[]) => {
      latest.current.manager?.stopCapturing();
      deleteArtifacts(doc, ids);
      latest.current.manager?.stopCapturing();
      select([]);
      rootRef.current?.focus({ preventScroll: true });
    },
    [doc, select],
  );

  const onKeyDown = canvasKeyHandler({
    readOnly,
    hasSelection: () => latest.current.selection.length > 0,
    nudge: (dx, dy) => moveBy(doc, latest.current.selection, dx, dy),
    pan: (dx, dy) => {
      const v = latest.current.viewport;
      setViewport({ ...v, x: v.x - dx / v.zoom, y: v.y - dy / v.zoom }, true);
    },
    zoom: zoomBy,
    fit,
    deleteSelection: () => remove(latest.current.selection),
    bringSelectionToFront: () => bringToFront(doc, latest.current.selection),
    sendSelectionToBack: () => sendToBack(doc, latest.current.selection),
    undo,
    redo,
    selectAll: () => select(latest.current.artifacts.map((a) => a.id)),
    clearSelection: () => select([]),
  });

  const actions: FrameActions = useMemo(
    () => ({
      open: (id) => expand(id),
      front: (id) => bringToFront(doc, [id]),
      back: (id) => sendToBack(doc, [id]),
      draft: (id, draft) => setDraft(doc, id, draft),
      remove: (id) => remove([id]),
      focus: (id) => {
        // Observers select too (their feedback panel shows the selected artifact's threads, read-only).
        if (pointerFocus.current) return;
        if (!latest.current.selection.includes(id)) select([id]);
      },
    }),
    [doc, expand, remove, select, pointerFocus],
  );

  const body = useMemo(() => ({ doc, awareness, readOnly, sessionId, token, user }), [doc, awareness, readOnly, sessionId, token, user]);

  const editorsById = useMemo(() => {
    const byId = new Map<string, Editor[]>();
    for (const peer of peers) {
      if (!peer.editing) continue;
      byId.set(peer.editing, [...(byId.get(peer.editing) ?? []), { name: peer.name, color: peer.color }]);
    }
    return byId;
  }, [peers]);

  const selected = useMemo(() => new Set(selection), [selection]);
  const shown = useMemo(() => {
    if (!visible) return [];
    const near = new Set(cullToArea(artifacts, inflate(visible, CULL_MARGIN / viewport.zoom)).map((a) => a.id));
    return artifacts.filter((a) => near.has(a.id) || selected.has(a.id));
  }, [artifacts, visible, viewport.zoom, selected]);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    if (readOnly || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    const bounds = event.currentTarget.getBoundingClientRect();
    void addFiles(
      [...event.dataTransfer.files],
      screenToWorld(viewport, { x: event.clientX - bounds.left, y: event.clientY - bounds.top }),
    );
  };

  const grid = GRID * viewport.zoom * (viewport.zoom < 0.5 ? 4 : 1);
  const expandedMeta = expanded ? artifacts.find((a) => a.id === expanded) : undefined;
  const expandedMap = expandedMeta ? getArtifact(doc, expandedMeta.id) : null;
  const screenMarquee = marquee && {
    left: (marquee.x - viewport.x) * viewport.zoom,
    top: (marquee.y - viewport.y) * viewport.zoom,
    width: marquee.w * viewport.zoom,
    height: marquee.h * viewport.zoom,
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: canvas shortcuts from whatever has focus inside it (event delegation); the canvas region below is focusable
    <div className="canvas-shell" ref={shellRef} onKeyDown={onKeyDown}>
      <div
        ref={rootRef}
        className={`canvas${readOnly ? ' is-readonly' : ''}${tool === 'select' ? ' tool-select' : ''}`}
        tabIndex={0}
        role="region"
        aria-roledescription="canvas"
        aria-label={label ?? (place === 'plenary' ? 'Plenary canvas' : 'Table canvas')}
        aria-describedby="canvas-help"
        aria-busy={!ready}
        style={{
          backgroundSize: `${grid}px ${grid}px`,
          backgroundPosition: `${-viewport.x * viewport.zoom}px ${-viewport.y * viewport.zoom}px`,
        }}
        onFocusCapture={(event) => {
          const target = event.target as HTMLElement;
          const frame = target.closest<HTMLElement>('[data-artifact-id]');
          const editable = !readOnly && frame && target.closest('textarea, input, [contenteditable="true"]');
          // Only the table's own artifacts: a layer's (your private notes) stay unknown to others.
          const id = editable ? (frame.dataset.artifactId ?? null) : null;
          publish.editing(id !== null && getArtifact(doc, id) ? id : null);
        }}
        onBlurCapture={(event) => {
          if (!event.relatedTarget || !rootRef.current?.contains(event.relatedTarget as Node)) publish.editing(null);
        }}
        onDragOver={(event) => {
          if (!readOnly && event.dataTransfer.types.includes('Files')) {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
          }
        }}
        onDrop={onDrop}
        {...handlers}
      >
        <p id="canvas-help" className="visually-hidden">
          Tab moves between artifacts; Enter opens one. Arrow keys pan, or move the selection. Plus and minus zoom, 0 fits everything.
          {readOnly ? '' : ' Delete removes the selection; Control+Z undoes; Control+Shift+] and [ bring it to front and send it to back.'}
        </p>
        <div
          className="canvas-world"
          style={{
            transform: `translate(${-viewport.x * viewport.zoom}px, ${-viewport.y * viewport.zoom}px) scale(${viewport.zoom})`,
            ['--zoom' as string]: viewport.zoom,
          }}
        >
          {shown.map((meta) => {
            const artifact = getArtifact(doc, meta.id);
            if (!artifact) return null;
            return (
              <ArtifactFrame
                key={meta.id}
                meta={meta}
                artifact={artifact}
                selected={selected.has(meta.id)}
                single={selection.length === 1 && selected.has(meta.id)}
                editors={editorsById.get(meta.id) ?? NO_EDITORS}
                isOwner={meta.createdBy === user.participantId}
                openedLarge={expandedMap !== null && expandedMeta?.id === meta.id}
                actions={actions}
                body={body}
              />
            );
          })}
          {layer?.content}
        </div>
        {screenMarquee && <div className="marquee" style={screenMarquee} aria-hidden="true" />}
        <Cursors peers={peers} viewport={viewport} />
        {ready && artifacts.length === 0 && (
          <div className="canvas-empty">
            <p className="canvas-empty-title">{emptyText ?? (readOnly ? `Nothing is on the ${place} yet.` : `The ${place} is empty.`)}</p>
            {!readOnly && <p>Add a document, a sticky note, an image or a link with the toolbar — or paste or drop files here.</p>}
          </div>
        )}
        {!ready && <p className="canvas-loading">Loading the {place}…</p>}
      </div>
      {!readOnly && (
        <Toolbar
          onAdd={(kind) => add(kind)}
          onFiles={(files) => void addFiles(files)}
          onLink={() => setLinkOpen(true)}
          onUndo={undo}
          onRedo={redo}
          canUndo={canUndo}
          canRedo={canRedo}
        />
      )}
      <ZoomControls zoom={viewport.zoom} onZoom={zoomBy} onReset={() => zoomBy(1 / viewport.zoom)} onFit={fit} />
      {visible && artifacts.length > 0 && (
        <Minimap
          items={artifacts}
          visible={visible}
          onJump={(point) => setViewport({ ...viewport, x: point.x - visible.w / 2, y: point.y - visible.h / 2 }, true)}
        />
      )}
      {notice && (
        <p className={`canvas-notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
          {notice.kind === 'error' && (
            <button type="button" className="notice-close" aria-label="Dismiss" onClick={dismissNotice}>
              ×
            </button>
          )}
        </p>
      )}
      <LinkDialog
        open={linkOpen}
        onClose={() => setLinkOpen(false)}
        onSubmit={(url, title) => {
          setLinkOpen(false);
          add(ArtifactKind.Link, { title, fields: { [ArtifactField.Url]: url } });
        }}
      />
      {expandedMeta && expandedMap && (
        <ExpandedArtifact
          key={expandedMeta.id}
          meta={expandedMeta}
          artifact={expandedMap}
          body={body}
          onClose={() => {
            expand(null);
            rootRef.current?.querySelector<HTMLElement>(`[data-artifact-id="${CSS.escape(expandedMeta.id)}"]`)?.focus();
          }}
        />
      )}
    </div>
  );
}

const NO_EDITORS: readonly Editor[] = [];
