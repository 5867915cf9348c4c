import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.js';

const fieldsOf = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.records.map((r) => r.fields);
};

describe('CSV', () => {
  it('CSV1 splits records and fields, with any line end and a byte-order mark', () => {
    expect(fieldsOf('\uFEFFa,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(fieldsOf('a,,c\n')).toEqual([['a', '', 'c']]);
  });

  it('CSV2 reads quoted values: delimiters, doubled quotes and line breaks inside, spaces before the quote', () => {
    expect(fieldsOf('"Alvarez, Ana","She said ""hi""", "x"\n"two\nlines",b')).toEqual([
      ['Alvarez, Ana', 'She said "hi"', 'x'],
      ['two\nlines', 'b'],
    ]);
  });

  it('CSV3 numbers each record by the line it starts on', () => {
    const result = parseCsv('h\n"a\nb"\nc');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('CSV4 keeps a quote inside an unquoted value, and says where a quoted value is left open', () => {
    expect(fieldsOf('5" screen,b')).toEqual([['5" screen', 'b']]);
    expect(parseCsv('name\nAna\n"Ben,x\nCy')).toEqual({
      ok: false,
      line: 3,
      message: expect.stringMatching(/^a quoted value is not closed/),
    });
  });

  it('CSV5 takes the delimiter the first line uses: comma, semicolon or tab', () => {
    expect(detectDelimiter('name;organization\nA,B;C')).toBe(';');
    expect(detectDelimiter('name\torganization')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('name')).toBe(',');
    expect(fieldsOf('name\tschool\nAna\tLincoln, High')).toEqual([
      ['name', 'school'],
      ['Ana', 'Lincoln, High'],
    ]);
  });
});
