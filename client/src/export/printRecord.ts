/**
 * Prints the record with this browser's print dialog, where "Save as PDF" keeps it as a PDF: the
 * server renders the HTML record with the host's options (its print stylesheet lays it out for
 * paper), and an invisible frame holding it asks the browser to print. The frame's document
 * carries the record's own Content-Security-Policy (no scripts) on top of the page's.
 */
import type { RecordOptions } from '@worktable/shared';
import { requestFile } from '../api.js';
import { HTML_EXPORT, exportPath } from './formats.js';

/** How long the frame stays when the browser never says printing is over. */
const FRAME_KEPT_MS = 10 * 60_000;

/** Opens the print dialog for `html` in an invisible frame; resolves once it was asked to print. */
function printHtml(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = 'The session record, for printing';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (!view) {
          frame.remove();
          reject(new Error('the record could not be opened for printing'));
          return;
        }
        const timer = window.setTimeout(() => frame.remove(), FRAME_KEPT_MS);
        view.addEventListener(
          'afterprint',
          () => {
            window.clearTimeout(timer);
            frame.remove();
          },
          { once: true },
        );
        view.focus();
        view.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.append(frame);
  });
}

/** Fetches the HTML record (rejects with an `ApiRequestError` carrying the server's message) and opens the print dialog with it. */
export async function printRecord(sessionId: string, token: string, options: RecordOptions): Promise<void> {
  const response = await requestFile(exportPath(sessionId, HTML_EXPORT, options), token);
  await printHtml(await response.text());
}
