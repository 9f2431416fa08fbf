import { describe, expect, it } from 'vitest';
import { CsvFormatError, csvRecords, decodeFile, detectDelimiter, inspectCsv, uniqueHeader } from './csv-text';

const records = (text: string, delimiter: ';' | ',' | '\t' = ';') => [...csvRecords(text, delimiter)].map((r) => [r.rowNumber, r.fields]);

describe('decodeFile', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeFile(Buffer.from('\uFEFFFormål;Note\n', 'utf8'))).toEqual({ text: 'Formål;Note\n', encoding: 'utf-8' });
    expect(decodeFile(Buffer.from('Æble;Øl\n', 'utf8')).text).toBe('Æble;Øl\n');
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8 (older Danish Excel)', () => {
    expect(decodeFile(Buffer.from([0x46, 0x6f, 0x72, 0x6d, 0xe5, 0x6c, 0x3b, 0x80]))).toEqual({ text: 'Formål;€', encoding: 'windows-1252' });
    // Smart quotes and dashes (0x93, 0x94, 0x96) are common in notes typed in Word or Outlook.
    expect(decodeFile(Buffer.from([0x93, 0xc6, 0x62, 0x6c, 0x65, 0x94, 0x20, 0x96, 0x20, 0xf8])).text).toBe('“Æble” – ø');
  });

  it('reads UTF-16 with a byte order mark (Excel\'s "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Navn\tCVR\n', 'utf16le')]);
    expect(decodeFile(bytes)).toEqual({ text: 'Navn\tCVR\n', encoding: 'utf-16le' });
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter used most in the header line, outside quotes', () => {
    expect(detectDelimiter('CVR;Dato;Note\n1,2;3')).toBe(';');
    expect(detectDelimiter('"Navn; fuldt",CVR,Dato\n')).toBe(',');
    expect(detectDelimiter('Navn\tCVR\tDato\n')).toBe('\t');
    expect(detectDelimiter('Kun en kolonne\n')).toBe(';');
  });
});

describe('csvRecords', () => {
  it('splits records on CRLF, LF or CR and numbers them as a spreadsheet does', () => {
    expect(records('a;b\r\n1;2\n3;4\r5;6')).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']], [4, ['5', '6']]]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields (one spreadsheet row)', () => {
    expect(records('Note;CVR\n"Mødt ""Jens""; talte om\nlærlinge";13748136\nx;y\n')).toEqual([
      [1, ['Note', 'CVR']], [2, ['Mødt "Jens"; talte om\nlærlinge', '13748136']], [3, ['x', 'y']],
    ]);
  });

  it('skips blank rows but keeps their numbers, and keeps empty trailing fields', () => {
    expect(records('a;b\n\n;\n1;\n')).toEqual([[1, ['a', 'b']], [4, ['1', '']]]);
  });

  it('refuses a quote that never closes, naming the row', () => {
    expect(() => records('a;b\n1;2\n"3;4\n5;6\n')).toThrow(new CsvFormatError('Et felt i række 3 begynder med et anførselstegn ("), som aldrig afsluttes. Ret filen, og prøv igen.'));
  });
});

describe('inspectCsv and uniqueHeader', () => {
  it('counts data rows and names blank and repeated headers', () => {
    expect(inspectCsv('Navn;;Navn\n1;2;3\n4;5;6\n\n', ';', 1)).toEqual({ header: ['Navn', 'Kolonne 2', 'Navn (2)'], totalRows: 2, preview: [['1', '2', '3']] });
    expect(uniqueHeader([' CVR ', 'CVR', 'CVR'])).toEqual(['CVR', 'CVR (2)', 'CVR (3)']);
  });

  it('refuses an empty file', () => {
    expect(() => inspectCsv('\n\n', ';')).toThrow(CsvFormatError);
  });
});
