/**
 * One record, rendered in one format with the host's options: the file's bytes, type and file
 * name. Used by the host's export and by the read-only links the host shares.
 */
import type { RecordOptions } from '@worktable/shared';
import { renderHtml, type HtmlDownloads } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildOutline } from './outline.js';
import { htmlToPdf } from './pdf.js';
import type { SessionRecordData } from './recordData.js';

/** The formats a record comes in, with their types and file extensions. */
export const RECORD_FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const;

/** One of `RECORD_FORMATS`. */
export type RecordFormat = keyof typeof RECORD_FORMATS;

/** Whether `value` names a record format. */
export function isRecordFormat(value: unknown): value is RecordFormat {
  return typeof value === 'string' && Object.hasOwn(RECORD_FORMATS, value);
}

/** A file name from the title: letters, digits and dashes only. */
export function recordFileName(title: string, format: RecordFormat): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'session';
  return `${base}-record.${RECORD_FORMATS[format].extension}`;
}

/** A rendered record. */
export interface RenderedRecord {
  body: string | Buffer;
  type: string;
  fileName: string;
}

/**
 * Renders `data` as `format` with `options`. PDF needs Chromium (rejects with `PdfUnavailable`
 * without it); `downloads` adds links to the other formats to the HTML (shared links).
 */
export async function renderRecord(
  data: SessionRecordData,
  options: RecordOptions,
  format: RecordFormat,
  chromiumPath: string | undefined,
  downloads?: HtmlDownloads,
): Promise<RenderedRecord> {
  const outline = buildOutline(data, options);
  let body: string | Buffer;
  if (format === 'md') body = renderMarkdown(outline);
  else if (format === 'html') body = renderHtml(outline, downloads);
  else {
    const pdf = await htmlToPdf(renderHtml(outline), chromiumPath);
    body = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }
  return { body, type: RECORD_FORMATS[format].type, fileName: recordFileName(data.title, format) };
}
