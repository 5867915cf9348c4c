/**
 * Your private notes drawn over the table in the same world coordinates, with the table's own
 * frames and sticky view, marked "Private — only you see this until the reveal" (badge and dashed
 * outline). Only you can select, type in, move, resize, open and delete them, with the pointer or
 * the keyboard (`privateKeys.ts`); a note you just created gets the focus. Everything is written to
 * your private document, which nobody else can open.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type * as Y from 'yjs';
import type { LocalUser } from '../artifacts/types.js';
import { ArtifactAddon } from '../canvas/artifactAddon.js';
import { ArtifactFrame, type Editor, type FrameActions } from '../canvas/ArtifactFrame.js';
import { ExpandedArtifact } from '../canvas/ExpandedArtifact.js';
import {
  LOCAL_ORIGIN,
  artifactsOf,
  bringToFront,
  createUndoManager,
  deleteArtifacts,
  getArtifact,
  moveBy,
  sendToBack,
  setDraft,
} from '../canvas/tableModel.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { useArtifacts } from '../canvas/useArtifacts.js';
import type { PrivateConnection } from './privateConnection.js';
import { privateKeyAction } from './privateKeys.js';
import { usePrivateGestures } from './usePrivateGestures.js';
import './privateWriting.css';

/** The words on every private note. */
export const PRIVATE_BADGE = 'Private — only you see this until the reveal';

/** The badge every private note wears (provided as the frames' `ArtifactAddon`). */
function PrivateBadge() {
  return <span className="private-badge">{PRIVATE_BADGE}</span>;
}

/** Props of `PrivateLayer`. */
export interface PrivateLayerProps {
  connection: PrivateConnection;
  sessionId: string;
  token: string;
  user: LocalUser;
}

const NO_EDITORS: readonly Editor[] = [];

/** Gives the focus back to the canvas the layer lies on. */
function focusCanvasOf(layer: HTMLElement | null): void {
  layer?.closest<HTMLElement>('.canvas')?.focus({ preventScroll: true });
}

/** Focuses a note created here (its text field) once its frame renders. */
function useFocusCreated(doc: Y.Doc, layerRef: RefObject<HTMLDivElement | null>, select: (id: string) => void): void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const artifacts = artifactsOf(doc);
    const onChange = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      if (event.transaction.origin !== LOCAL_ORIGIN) return;
      for (const [key, change] of event.changes.keys) if (change.action === 'add') pending.current = key;
    };
    artifacts.observe(onChange);
    return () => artifacts.unobserve(onChange);
  }, [doc]);
  useEffect(() => {
    const id = pending.current;
    const frame = id ? layerRef.current?.querySelector<HTMLElement>(`[data-artifact-id="${CSS.escape(id)}"]`) : null;
    if (!id || !frame) return;
    pending.current = null;
    select(id);
    (frame.querySelector<HTMLElement>('textarea, [contenteditable="true"]') ?? frame).focus({ preventScroll: true });
  });
}

/** The private notes layer of the canvas. */
export function PrivateLayer({ connection, sessionId, token, user }: PrivateLayerProps) {
  const { doc, provider } = connection;
  const artifacts = useArtifacts(doc);
  const undo = useMemo(() => createUndoManager(doc), [doc]);
  useEffect(() => () => undo.destroy(), [undo]);
  const layerRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);

  // One selection at a time on the canvas: choosing a private note lets go of the table's.
  const select = useCallback((id: string | null) => {
    setSelected(id);
    if (id && useCanvasUi.getState().selection.length > 0) useCanvasUi.getState().select([]);
  }, []);
  useEffect(
    () =>
      useCanvasUi.subscribe((s) => {
        if (s.selection.length > 0) setSelected(null);
      }),
    [],
  );
  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      if (!layerRef.current?.contains(event.target as Node)) setSelected(null);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, []);
  useFocusCreated(doc, layerRef, select);
  const gestures = usePrivateGestures({ doc, undo, select });

  const remove = useCallback(
    (id: string) => {
      undo.stopCapturing();
      deleteArtifacts(doc, [id]);
      undo.stopCapturing();
      setSelected(null);
      focusCanvasOf(layerRef.current);
    },
    [doc, undo],
  );
  const actions: FrameActions = useMemo(
    () => ({
      open: (id) => setExpanded(id),
      front: (id) => bringToFront(doc, [id]),
      back: (id) => sendToBack(doc, [id]),
      draft: (id, draft) => setDraft(doc, id, draft),
      remove,
      focus: (id) => select(id),
    }),
    [doc, remove, select],
  );
  const body = useMemo(
    () => ({ doc, awareness: provider.awareness, readOnly: false, sessionId, token, user }),
    [doc, provider, sessionId, token, user],
  );

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // A note opened large handles its own keys; the table's shortcuts stay out of it.
    if (target.closest('dialog')) {
      event.stopPropagation();
      return;
    }
    const frame = target.closest<HTMLElement>('[data-artifact-id]');
    const id = frame?.dataset.artifactId;
    if (!frame || !id || target !== frame) return;
    const action = privateKeyAction(event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.kind === 'nudge') moveBy(doc, [id], action.dx, action.dy);
    else if (action.kind === 'delete') remove(id);
    else if (action.kind === 'undo') undo.undo();
    else if (action.kind === 'redo') undo.redo();
    else {
      setSelected(null);
      focusCanvasOf(layerRef.current);
    }
  };

  const expandedMeta = expanded ? artifacts.find((a) => a.id === expanded) : undefined;
  const expandedMap = expandedMeta ? getArtifact(doc, expandedMeta.id) : null;
  const has = artifacts.length > 0;
  return (
    <ArtifactAddon.Provider value={PrivateBadge}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: catches keys from the notes inside it (event delegation); the notes are the controls */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is given only with role="group", when there are notes */}
      <div
        ref={layerRef}
        className="private-layer"
        role={has ? 'group' : undefined}
        aria-label={has ? 'Your private notes: only you see them until the reveal' : undefined}
        onKeyDown={onKeyDown}
        {...gestures}
      >
        {artifacts.map((meta) => {
          const artifact = getArtifact(doc, meta.id);
          if (!artifact) return null;
          return (
            <ArtifactFrame
              key={meta.id}
              meta={meta}
              artifact={artifact}
              selected={selected === meta.id}
              single={selected === meta.id}
              editors={NO_EDITORS}
              // The reveal clears the draft mark, so private notes do not offer it.
              isOwner={false}
              openedLarge={expandedMap !== null && expandedMeta?.id === meta.id}
              actions={actions}
              body={body}
            />
          );
        })}
        {expandedMeta &&
          expandedMap &&
          createPortal(
            <ExpandedArtifact
              key={expandedMeta.id}
              meta={expandedMeta}
              artifact={expandedMap}
              body={body}
              onClose={() => {
                setExpanded(null);
                layerRef.current?.querySelector<HTMLElement>(`[data-artifact-id="${CSS.escape(expandedMeta.id)}"]`)?.focus();
              }}
            />,
            document.body,
          )}
      </div>
    </ArtifactAddon.Provider>
  );
}
