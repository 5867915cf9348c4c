/** The formats a host can export the session's record in (`GET /api/sessions/:id/export?format=`), and their paths. */
import { recordOptionsQuery, type RecordOptions } from '@worktable/shared';

/** One export format. */
export interface ExportFormat {
  /** The `format` the server takes. */
  id: 'md' | 'html' | 'pdf';
  /** The button's label. */
  label: string;
  extension: string;
  /** What the page says while the server prepares it. */
  preparing: string;
}

/** The HTML record (also what the browser prints to PDF when the server makes none). */
export const HTML_EXPORT: ExportFormat = { id: 'html', label: 'HTML', extension: 'html', preparing: 'Preparing HTML…' };

/** Every format, in the order they are offered. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'md', label: 'Markdown', extension: 'md', preparing: 'Preparing Markdown…' },
  HTML_EXPORT,
  { id: 'pdf', label: 'PDF', extension: 'pdf', preparing: 'Preparing PDF… this can take a few seconds' },
];

/** The path of an export with the host's options (time zone, what is left out). */
export function exportPath(sessionId: string, format: ExportFormat, options: RecordOptions): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/export?format=${format.id}&${recordOptionsQuery(options)}`;
}
