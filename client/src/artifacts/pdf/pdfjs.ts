/**
 * pdf.js, configured for Worktable: the worker is bundled by Vite (served by our server, never a
 * CDN) and shared by every PDF on the table; nothing is fetched from the network (no CMaps,
 * standard-font data, ICC profiles or wasm decoders: pdf.js falls back to system fonts and its
 * JavaScript decoders); no `eval`. Only imported by the lazy `PdfViewer` chunk.
 */
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

let sharedWorker: PDFWorker | null = null;

/** One worker for every PDF (recreated if it was destroyed). */
function worker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
}

/** A PDF being opened: `promise` resolves to the document; `destroy()` cancels or closes it. */
export interface OpenedPdf {
  promise: Promise<PDFDocumentProxy>;
  destroy(): void;
}

/** Parses the PDF `bytes` (the array is transferred to the worker). */
export function openPdf(bytes: Uint8Array): OpenedPdf {
  const task = getDocument({
    data: bytes,
    worker: worker(),
    isEvalSupported: false,
    useWasm: false,
    useWorkerFetch: false,
    useSystemFonts: true,
    enableXfa: false,
    disableAutoFetch: true,
    stopAtErrors: false,
  });
  return { promise: task.promise, destroy: () => void task.destroy() };
}

export type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
