/**
 * Prints the record's HTML to PDF with headless Chromium (through playwright-core): a real
 * layout engine, not hand-drawn PDF. Scripts are off and every network request is refused, so the
 * page can only show what the HTML carries. One print at a time per server.
 */
import fs from 'node:fs';

/** Where Chromium usually is on Linux and macOS. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Thrown when no Chromium can be found; the route answers 503 with this message. */
export class PdfUnavailable extends Error {
  constructor() {
    super(
      'PDF export needs Chromium on the server: install it (e.g. `apt-get install chromium`) or set CHROMIUM_PATH; Markdown and HTML exports work without it',
    );
    this.name = 'PdfUnavailable';
  }
}

/** The Chromium to use, or null. */
export function findChromium(configured: string | undefined): string | null {
  if (configured) return fs.existsSync(configured) ? configured : null;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Renders `html` to an A4 PDF. */
export function htmlToPdf(html: string, chromiumPath: string | undefined): Promise<Uint8Array> {
  const executablePath = findChromium(chromiumPath);
  if (!executablePath) return Promise.reject(new PdfUnavailable());
  const run = queue.then(async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await browser.close();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
