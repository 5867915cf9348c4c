/**
 * How the record becomes a PDF: the server prints it (when it has Chromium), or this browser's
 * print dialog, where "Save as PDF" keeps it — for servers without Chromium, as a fresh
 * `npm start` usually is. Pure decisions and the words that explain them.
 */
import { ApiRequestError } from '../api.js';

/** Who makes the PDF: the server, or this browser's print dialog. */
export type PdfRoute = 'server' | 'print';

/** The PDF button's label when PDFs come from the browser's print dialog. */
export const PRINT_TO_PDF_LABEL = 'Print or save as PDF';

/** What the export says when PDFs come from the browser's print dialog. */
export const PRINT_TO_PDF_EXPLANATION = `This server does not make PDFs: “${PRINT_TO_PDF_LABEL}” opens your browser’s print dialog with the record — choose “Save as PDF” as the printer there.`;

/** What the export says while it fetches the record to print. */
export const PRINT_PREPARING = 'Preparing the record to print…';

/** What the export says once the print dialog has opened. */
export const PRINT_OPENED = 'Your browser’s print dialog opened with the record: choose “Save as PDF” as the printer to keep a PDF.';

/** Where to ask for a PDF: print here when the server said it makes none; otherwise (also while that is unknown) the server. */
export function pdfRouteFor(serverPdf: boolean | null): PdfRoute {
  return serverPdf === false ? 'print' : 'server';
}

/** Whether a failed server PDF is printed here instead: the server answered 503 (it has no Chromium); other failures are reported. */
export function printsInsteadAfter(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 503;
}
