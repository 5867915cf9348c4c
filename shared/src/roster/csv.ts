/**
 * Reading CSV text into records: quoted fields (with `""` for a quote, and line breaks inside
 * quotes), CRLF, LF or CR line ends, a byte-order mark, and the delimiter spreadsheets use —
 * comma, semicolon (European exports) or tab (cells pasted from a spreadsheet) — read from the
 * first line. Lenient where a person would be: a quote in the middle of an unquoted value is
 * kept as it is. Pure.
 */

/** One record of the text and the line where it starts (1-based; quoted line breaks make records span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The records, or where the text cannot be read. */
export type CsvResult = { ok: true; records: CsvRecord[]; delimiter: string } | { ok: false; line: number; message: string };

/** The delimiters recognised, in order of preference when the first line has none. */
const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the first line uses most outside quotes (comma when it has none). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = DELIMITERS[0];
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Splits CSV text into records; a quoted value left open is the only error. */
export function parseCsv(input: string): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quotedSince: number | null = null;
  let quoted = false;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opening a value (spaces before it are dropped, as spreadsheets write them).
      field = '';
      quoted = true;
      quotedSince = line;
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted)
    return { ok: false, line: quotedSince ?? line, message: 'a quoted value is not closed: add the closing " (or remove the opening one)' };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records, delimiter };
}
