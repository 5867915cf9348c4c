/**
 * Putting new artifacts on the table: from the toolbar, from files (picked, pasted or dropped:
 * uploaded, then an Image or PDF artifact), and from pasted text (a lone http(s) URL becomes a
 * Link, other text a Sticky note). Says what happened in a small notice.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import * as Y from 'yjs';
import {
  ArtifactField,
  ArtifactKind,
  DEFAULT_ARTIFACT_SIZE,
  contains,
  fitToContent,
  freePlacement,
  visibleWorldRect,
  type ArtifactMeta,
  type Point,
  type Rect,
  type Viewport,
} from '@worktable/shared';
import { userMessage } from '../api.js';
import { viewOf } from '../artifacts/registry.js';
import { uploadFile } from '../artifacts/shared/uploads.js';
import type { LocalUser } from '../artifacts/types.js';
import type { CanvasLayer } from './canvasLayer.js';
import { FIT_PADDING } from './fitting.js';
import { imageSize, kindOfFile, pastedText } from './insert.js';
import { createArtifact, type NewArtifact } from './tableModel.js';
import { useCanvasUi } from './uiStore.js';

/** A short message over the canvas: progress (fades) or an error (stays until dismissed). */
export type Notice = { kind: 'status' | 'error'; text: string } | null;

/** Options of a new artifact (the rest comes from the canvas). */
export type AddOptions = Partial<Pick<NewArtifact, 'at' | 'size' | 'title' | 'fields' | 'fill'>>;

/** What `useInsert` needs. */
export interface InsertOptions {
  doc: Y.Doc;
  user: LocalUser;
  sessionId: string;
  token: string;
  readOnly: boolean;
  /** Pastes count while focus is in here (or nowhere). */
  shellRef: RefObject<HTMLElement | null>;
  /** The canvas's current artifacts, screen size, viewport and undo manager. */
  latest: RefObject<{
    artifacts: readonly ArtifactMeta[];
    size: { w: number; h: number };
    viewport: Viewport;
    manager: Y.UndoManager | null;
  }>;
  /** A layer that takes some new artifacts into its own document (it selects and focuses them itself). */
  layer?: CanvasLayer | undefined;
}

/** Adders, the current notice, and the id of the artifact to focus once it renders. */
export function useInsert({ doc, user, sessionId, token, readOnly, shellRef, latest, layer }: InsertOptions) {
  const [notice, setNotice] = useState<Notice>(null);
  const focusNext = useRef<string | null>(null);
  const layerRef = useRef(layer);
  layerRef.current = layer;

  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const add = useCallback(
    (kind: ArtifactKind, options: AddOptions = {}): string => {
      const { artifacts: all, size: screen, viewport: view, manager } = latest.current;
      const itemSize = options.size ?? DEFAULT_ARTIFACT_SIZE[kind];
      const visible = belowToolbar(visibleWorldRect(view, screen), view.zoom);
      const at = options.at ?? freePlacement(itemSize, visible, [...all, ...(layerRef.current?.artifacts() ?? [])]);
      const target = layerRef.current?.docFor(kind) ?? doc;
      manager?.stopCapturing();
      const id = createArtifact(target, {
        kind,
        at,
        size: itemSize,
        creator: { participantId: user.participantId, name: user.name },
        initialize: viewOf(kind).initialize,
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.fields ? { fields: options.fields } : {}),
        ...(options.fill ? { fill: options.fill } : {}),
      });
      manager?.stopCapturing();
      // Bring it into view when there was no room for it on screen.
      const placed = { ...at, ...itemSize };
      const ui = useCanvasUi.getState();
      if (!contains(visible, placed)) {
        const fits = placed.w <= visible.w && placed.h <= visible.h;
        // Centred in the part of the canvas below the toolbar.
        const inset = visible.y - view.y;
        const fitted = fitToContent(placed, { w: screen.w, h: Math.max(1, screen.h - inset * view.zoom) }, FIT_PADDING);
        ui.setViewport(
          fits
            ? { ...view, x: placed.x + placed.w / 2 - visible.w / 2, y: placed.y + placed.h / 2 - visible.h / 2 - inset }
            : { ...fitted, y: fitted.y - (inset * view.zoom) / fitted.zoom },
          true,
        );
      }
      if (target === doc) {
        ui.select([id]);
        focusNext.current = id;
      }
      return id;
    },
    [doc, user.participantId, user.name, latest],
  );

  const addFiles = useCallback(
    async (files: readonly File[], at?: Point) => {
      const refused = files.filter((f) => !kindOfFile(f));
      const accepted = files.filter((f) => kindOfFile(f));
      if (refused.length > 0) {
        setNotice({ kind: 'error', text: `${refused.map((f) => f.name).join(', ')}: only images and PDFs can go on the table.` });
      }
      if (accepted.length === 0) return;
      setNotice({ kind: 'status', text: `Uploading ${accepted.length === 1 ? accepted[0]?.name : `${accepted.length} files`}…` });
      let offset = 0;
      for (const file of accepted) {
        const kind = kindOfFile(file);
        if (!kind) continue;
        try {
          const [stored, dims] = await Promise.all([
            uploadFile(sessionId, token, file),
            kind === ArtifactKind.Image ? imageSize(file) : DEFAULT_ARTIFACT_SIZE.pdf,
          ]);
          const where = at ? { x: at.x - dims.w / 2 + offset, y: at.y - dims.h / 2 + offset } : undefined;
          add(kind, {
            ...(where ? { at: where } : {}),
            size: dims,
            title: stored.name.replace(/\.[a-z0-9]+$/i, ''),
            fields: { [ArtifactField.UploadId]: stored.uploadId, [ArtifactField.Mime]: stored.mime, [ArtifactField.FileName]: stored.name },
          });
          offset += 24;
          setNotice({ kind: 'status', text: `${stored.name} is on the table.` });
        } catch (error) {
          setNotice({ kind: 'error', text: `${file.name} could not be uploaded: ${userMessage(error)}` });
        }
      }
    },
    [add, sessionId, token],
  );

  useEffect(() => {
    if (readOnly) return;
    const onPaste = (event: ClipboardEvent) => {
      const active = document.activeElement;
      const inCanvas = active === document.body || !!shellRef.current?.contains(active);
      if (!inCanvas || (active instanceof HTMLElement && active.closest('input, textarea, [contenteditable="true"]'))) return;
      const data = event.clipboardData;
      if (!data) return;
      const files = [...data.files];
      if (files.length > 0) {
        event.preventDefault();
        void addFiles(files);
        return;
      }
      const pasted = pastedText(data.getData('text/plain'));
      if (!pasted) return;
      event.preventDefault();
      if (pasted.kind === 'link') add(ArtifactKind.Link, { title: '', fields: { [ArtifactField.Url]: pasted.url } });
      else {
        add(ArtifactKind.Sticky, {
          fill: (artifact) => {
            const text = artifact.get(ArtifactField.Text);
            if (text instanceof Y.Text) text.insert(0, pasted.text);
          },
        });
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [readOnly, add, addFiles, shellRef]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { add, addFiles, notice, dismissNotice, focusNext };
}

/** Screen pixels at the top of the canvas that the floating toolbar covers. */
const TOOLBAR_COVERS_PX = 80;

/** The part of the visible world below the floating toolbar (new items never land under it). */
function belowToolbar(visible: Rect, zoom: number): Rect {
  const cut = TOOLBAR_COVERS_PX / zoom;
  return visible.h > cut * 2 ? { ...visible, y: visible.y + cut, h: visible.h - cut } : visible;
}
