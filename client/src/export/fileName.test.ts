import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './fileName.js';
import { EXPORT_FORMATS, exportPath } from './formats.js';

describe('export file names', () => {
  it('takes the name the server gives, preferring the UTF-8 form', () => {
    expect(fileNameFromDisposition('attachment; filename="tuning-grade-9-record.pdf"', 'x.pdf')).toBe('tuning-grade-9-record.pdf');
    expect(fileNameFromDisposition('attachment; filename="a.md"; filename*=UTF-8\'\'caf%C3%A9-record.md', 'x.md')).toBe('café-record.md');
    expect(fileNameFromDisposition('attachment; filename=plain.html', 'x.html')).toBe('plain.html');
  });

  it('never keeps folders or control characters, and falls back when there is no usable name', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x.md')).toBe('passwd');
    expect(fileNameFromDisposition('attachment; filename="..\\\\evil.html"', 'x.html')).toBe('evil.html');
    expect(fileNameFromDisposition('attachment; filename="a\u0007b.md"', 'x.md')).toBe('ab.md');
    expect(fileNameFromDisposition('attachment; filename=""', 'session-record.pdf')).toBe('session-record.pdf');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.md')).toBe('fallback.md');
    expect(fileNameFromDisposition(null, 'session-record.md')).toBe('session-record.md');
  });

  it('asks for each format by its id, with the time zone and what is left out', () => {
    expect(EXPORT_FORMATS.map((f) => f.label)).toEqual(['Markdown', 'HTML', 'PDF']);
    const options = { timeZone: 'Europe/Paris', names: false, organizations: true, systemRoles: true };
    expect(exportPath('s_1/2', EXPORT_FORMATS[2]!, options)).toBe('/api/sessions/s_1%2F2/export?format=pdf&tz=Europe%2FParis&names=0');
  });
});
