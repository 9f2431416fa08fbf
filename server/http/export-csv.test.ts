import { describe, expect, it } from 'vitest';
import { csvBom, csvField, csvHeaderLine, csvRowLines, defuseFormula, quoteCsv } from './export-csv';
import { danishNumber, excelSerial, toCell } from './export-values';

describe('CSV for Danish Excel', () => {
  it('starts with a UTF-8 byte-order mark', () => {
    expect([...csvBom]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('separates with semicolons and ends every line with CRLF', () => {
    const columns = [
      { header: 'Navn', value: (r: { n: string; e: number }) => r.n },
      { header: 'Ansatte', value: (r: { n: string; e: number }) => r.e, kind: 'number' as const },
    ];
    expect(csvHeaderLine(columns)).toBe('Navn;Ansatte\r\n');
    expect(csvRowLines(columns, [{ n: 'Ærø Smed', e: 12 }, { n: 'Å', e: 0 }])).toBe('Ærø Smed;12\r\nÅ;0\r\n');
  });

  it('quotes fields with separators, quotes, line breaks or edge spaces, and only those', () => {
    expect(quoteCsv('plain text, with comma')).toBe('plain text, with comma');
    expect(quoteCsv('a;b')).toBe('"a;b"');
    expect(quoteCsv('sagde "hej"')).toBe('"sagde ""hej"""');
    expect(quoteCsv('linje 1\r\nlinje 2')).toBe('"linje 1\r\nlinje 2"');
    expect(quoteCsv('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
    expect(quoteCsv(' indrykket')).toBe('" indrykket"');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","klik")', '+45 12 34 56 78', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(defuseFormula(evil)).toBe(`'${evil}`);
    }
    expect(defuseFormula('Smed A/S')).toBe('Smed A/S');
    expect(defuseFormula('a=b')).toBe('a=b');
    // Quoting comes after defusing, so the apostrophe is inside the quotes.
    expect(csvField('=1;2')).toBe('"\'=1;2"');
    // A real number is a number, not text: negative numbers stay numbers.
    expect(csvField(-5)).toBe('-5');
    expect(csvHeaderLine([{ header: '=evil', value: () => 1 }])).toBe("'=evil\r\n");
  });

  it('writes numbers with a decimal comma and no thousands separator', () => {
    expect(csvField(1234567.5)).toBe('1234567,5');
    expect(csvField(0.25)).toBe('0,25');
    expect(csvField(-3.75)).toBe('-3,75');
    expect(csvField(42)).toBe('42');
    expect(csvField('12.5', 'number')).toBe('12,5');
    expect(danishNumber(1e21)).toBe('1000000000000000000000');
    expect(danishNumber(1.5e-7)).toBe('0,00000015');
  });

  it('writes dates as dd-mm-åååå and times in Danish time', () => {
    expect(csvField('2026-03-05', 'date')).toBe('05-03-2026');
    // 23:30 UTC in winter is 00:30 the next day in Copenhagen; in summer 22:30 UTC is 00:30 too.
    expect(csvField(new Date('2026-01-31T23:30:00Z'), 'datetime')).toBe('01-02-2026 00:30:00');
    expect(csvField(new Date('2026-07-14T22:30:00Z'), 'datetime')).toBe('15-07-2026 00:30:00');
    expect(csvField(new Date('2026-07-14T22:30:00Z'), 'date')).toBe('15-07-2026');
    expect(csvField(true)).toBe('Ja');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('ikke en dato', 'date')).toBe('ikke en dato');
  });
});

describe('cell values', () => {
  it('gives Excel serial dates in the 1900 system', () => {
    expect(excelSerial({ y: 1900, m: 3, d: 1 })).toBe(61);
    expect(excelSerial({ y: 2026, m: 11, d: 21 })).toBe(46347);
    expect(excelSerial({ y: 2026, m: 11, d: 21, h: 12 })).toBe(46347.5);
  });

  it('keeps text text and numbers numbers', () => {
    expect(toCell('12345678')).toEqual({ t: 'text', v: '12345678' });
    expect(toCell(7, 'text')).toEqual({ t: 'text', v: '7' });
    expect(toCell('x', 'number')).toEqual({ t: 'text', v: 'x' });
    expect(toCell('')).toEqual({ t: 'empty' });
  });
});
