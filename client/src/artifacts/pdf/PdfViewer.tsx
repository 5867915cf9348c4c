/**
 * The pages of a PDF, drawn with pdf.js (a separate chunk, loaded the first time a PDF is shown).
 * Shows the shared page fitted to its box, drawn only while on screen and at a resolution that
 * follows the canvas zoom; prev/next (and, opened large, a page number field and ←/→) write the
 * shared page for everyone. Read-only viewers see the page others choose.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useCanvasUi } from '../../canvas/uiStore.js';
import { clampPage, fitScale, renderScale } from './pages.js';
import { PdfSkeleton } from './PdfSkeleton.js';
import { openPdf, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from './pdfjs.js';

/** Props of `PdfViewer`. */
export interface PdfViewerProps {
  /** Blob URL of the PDF's bytes. */
  url: string;
  title: string;
  /** The shared page (1-based, not yet clamped to the page count). */
  page: number;
  /** Writes the shared page; null for read-only viewers. */
  onPage: ((page: number) => void) | null;
  expanded: boolean;
  /** The "Open PDF" link, offered when the PDF cannot be shown. */
  fallback: ReactNode;
}

type DocState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; pdf: PDFDocumentProxy } | { kind: 'error'; message: string };

/** Whether `ref` is on screen (or near it); stays false until measured. */
function useVisible(ref: RefObject<HTMLElement | null>, always: boolean): boolean {
  const [visible, setVisible] = useState(always);
  useEffect(() => {
    const element = ref.current;
    if (always || !element || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, always]);
  return visible;
}

/** Content-box size (inside the padding) of `ref` in CSS pixels (untransformed: canvas zoom does not change it). */
function useBoxSize(ref: RefObject<HTMLElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      // clientWidth/Height include the padding: the page fits inside it.
      const style = getComputedStyle(element);
      const w = Math.max(0, element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
      const h = Math.max(0, element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom));
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'This PDF is protected by a password, so it cannot be shown here.';
  if (name === 'InvalidPDFException' || name === 'FormatError') return 'This file could not be read as a PDF. It may be damaged.';
  return 'This PDF could not be shown here.';
}

/** The PDF's current page, with page controls. */
export default function PdfViewer({ url, title, page: sharedPage, onPage, expanded, fallback }: PdfViewerProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const visible = useVisible(box, expanded);
  const size = useBoxSize(box);
  const canvasZoom = useCanvasUi((s) => s.viewport.zoom);
  const zoom = expanded ? 1 : canvasZoom;

  // Open the document the first time it is on screen.
  const [doc, setDoc] = useState<DocState>({ kind: 'idle' });
  const wanted = visible || doc.kind !== 'idle';
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    let opened: ReturnType<typeof openPdf> | null = null;
    setDoc({ kind: 'loading' });
    fetch(url)
      .then((response) => response.arrayBuffer())
      .then((buffer) => {
        if (cancelled) return null;
        opened = openPdf(new Uint8Array(buffer));
        return opened.promise;
      })
      .then(
        (pdf) => {
          if (!cancelled && pdf) setDoc({ kind: 'ready', pdf });
        },
        (error: unknown) => {
          if (!cancelled) setDoc({ kind: 'error', message: describeError(error) });
        },
      );
    return () => {
      cancelled = true;
      opened?.destroy();
    };
  }, [url, wanted]);

  const count = doc.kind === 'ready' ? doc.pdf.numPages : null;
  const page = clampPage(sharedPage, count);

  // The page's proxy and its size in PDF points.
  const [proxy, setProxy] = useState<{ page: number; pdf: PDFDocumentProxy; proxy: PDFPageProxy; w: number; h: number } | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  useEffect(() => {
    if (doc.kind !== 'ready') return;
    let cancelled = false;
    doc.pdf.getPage(page).then(
      (p) => {
        if (cancelled) return;
        const viewport = p.getViewport({ scale: 1 });
        setPageError(null);
        setProxy({ page, pdf: doc.pdf, proxy: p, w: viewport.width, h: viewport.height });
      },
      () => {
        if (!cancelled) setPageError(`Page ${page} of this PDF could not be read.`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [doc, page]);

  // Draw it, fitted to the box, at zoom × devicePixelRatio (stepped and capped), while on screen.
  const current = proxy && doc.kind === 'ready' && proxy.pdf === doc.pdf ? proxy : null;
  const fit = current ? fitScale(current.w, current.h, size.w, size.h) : 0;
  const cssW = current ? Math.floor(current.w * fit) : 0;
  const cssH = current ? Math.floor(current.h * fit) : 0;
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const device = renderScale(cssW, cssH, zoom, dpr);
  const [drawn, setDrawn] = useState<number | null>(null);
  useEffect(() => {
    const target = canvas.current;
    if (!current || !visible || !target || fit <= 0) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    const viewport = current.proxy.getViewport({ scale: fit * device });
    const scratch = document.createElement('canvas');
    scratch.width = Math.max(1, Math.floor(viewport.width));
    scratch.height = Math.max(1, Math.floor(viewport.height));
    task = current.proxy.render({ canvas: scratch, viewport });
    task.promise.then(
      () => {
        if (cancelled) return;
        // Swap in the finished drawing at once (no blank canvas while a new resolution draws).
        target.width = scratch.width;
        target.height = scratch.height;
        target.getContext('2d')?.drawImage(scratch, 0, 0);
        setDrawn(current.page);
      },
      (error: unknown) => {
        if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) {
          setPageError(`Page ${current.page} of this PDF could not be drawn.`);
        }
      },
    );
    return () => {
      cancelled = true;
      task?.cancel();
      scratch.width = 0;
      scratch.height = 0;
    };
  }, [current, visible, fit, device]);

  // Give the bitmap's memory back when the view goes away.
  useEffect(() => {
    const target = canvas.current;
    return () => {
      if (target) {
        target.width = 0;
        target.height = 0;
      }
    };
  }, []);

  // Opened large, ←/→ (and PageUp/PageDown) turn the page; on the canvas the arrows stay the canvas's (nudge, pan).
  const turn = onPage && count ? (delta: number) => onPage(clampPage(page + delta, count)) : null;
  const turnRef = useRef(turn);
  turnRef.current = turn;
  useEffect(() => {
    if (!expanded) return;
    const onKey = (event: KeyboardEvent) => {
      const delta =
        event.key === 'ArrowLeft' || event.key === 'PageUp' ? -1 : event.key === 'ArrowRight' || event.key === 'PageDown' ? 1 : 0;
      if (!delta || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as Element | null;
      if (target?.closest?.('input, textarea, select, [contenteditable="true"]')) return;
      if (!turnRef.current) return;
      event.preventDefault();
      event.stopPropagation();
      turnRef.current(delta);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [expanded]);

  const error = doc.kind === 'error' ? doc.message : pageError;
  const ready = drawn !== null && current !== null;
  const pageText = count ? `Page ${page} of ${count}` : '';

  if (error && doc.kind === 'error') {
    return (
      <div className="pdf-view pdf-failed" role="alert">
        <p className="pdf-title">{title}</p>
        <p className="media-status media-error">{error}</p>
        {fallback}
      </div>
    );
  }

  return (
    <div className={`pdf-view ${expanded ? 'is-expanded' : 'is-compact'}`}>
      <div className="pdf-stage" ref={box}>
        <canvas
          ref={canvas}
          className="pdf-canvas"
          role="img"
          aria-label={count ? `${title}, page ${page} of ${count}` : title}
          data-page={drawn ?? undefined}
          style={{ width: cssW || undefined, height: cssH || undefined, visibility: ready ? 'visible' : 'hidden' }}
        />
        {!ready && !error && <PdfSkeleton />}
        {error && (
          <div className="pdf-page-error" role="alert">
            <p className="media-status media-error">{error}</p>
            {fallback}
          </div>
        )}
      </div>
      <div className="pdf-bar">
        <span className="pdf-name" title={title}>
          {title}
        </span>
        {turn && (
          <button type="button" className="pdf-turn" aria-label="Previous page" disabled={page <= 1} onClick={() => turn(-1)}>
            ‹
          </button>
        )}
        {expanded && turn && count ? (
          <PageInput page={page} count={count} onPage={(n) => onPage?.(n)} />
        ) : (
          <span className="pdf-count" aria-live="polite">
            {pageText}
          </span>
        )}
        {turn && (
          <button
            type="button"
            className="pdf-turn"
            aria-label="Next page"
            disabled={count === null || page >= count}
            onClick={() => turn(1)}
          >
            ›
          </button>
        )}
      </div>
    </div>
  );
}

/** "Page [n] of m" with the number editable (Enter or leaving the field goes there). */
function PageInput({ page, count, onPage }: { page: number; count: number; onPage(page: number): void }) {
  const [draft, setDraft] = useState(String(page));
  useEffect(() => setDraft(String(page)), [page]);
  const commit = () => {
    const value = Number.parseInt(draft, 10);
    if (Number.isFinite(value)) {
      const target = clampPage(value, count);
      if (target !== page) onPage(target);
      setDraft(String(target));
    } else setDraft(String(page));
  };
  return (
    <span className="pdf-count">
      <span className="visually-hidden" aria-live="polite">{`Page ${page} of ${count}`}</span>
      <span aria-hidden="true">Page </span>
      <input
        className="pdf-page-input"
        type="number"
        inputMode="numeric"
        min={1}
        max={count}
        value={draft}
        aria-label={`Page number (1 to ${count})`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <span aria-hidden="true"> of {count}</span>
    </span>
  );
}
