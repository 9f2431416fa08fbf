/*
 * Reading an uploaded CSV export (another CRM's, a job centre's, a school's): bytes → text (UTF-8, UTF-16 or Windows-1252), the delimiter, and
 * RFC 4180 records (quoted fields may hold delimiters, doubled quotes and line breaks). Pure: no I/O.
 */

export type CsvDelimiter = ';' | ',' | '\t';
export type FileEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/** A file that cannot be read as CSV at all; the message is Danish and says what to fix. */
export class CsvFormatError extends Error {}

/**
 * The file's text. UTF-8 (with or without BOM) is the norm; Excel's "Unicode text" is UTF-16 with a BOM;
 * older Danish Excel and CRM exports are Windows-1252, recognised by bytes that are not valid UTF-8.
 */
export function decodeFile(bytes: Uint8Array): { text: string; encoding: FileEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters at 0x80–0x9F (€, smart quotes, dashes…); the rest of its bytes are Latin-1. */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Node's TextDecoder treats "windows-1252" as Latin-1 and loses €, “ ” and –, so the high range is mapped here. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]);
}

export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The delimiter used most in the header line (outside quotes); semicolon (Danish Excel) on a tie or none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c] += 1;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ';');
  return counts[best] > 0 ? best : ';';
}

export interface CsvRecord {
  /**
   * As a spreadsheet numbers it: the header is row 1, a quoted cell with line breaks is still one row, and
   * blank rows keep their number but are not yielded.
   */
  rowNumber: number;
  fields: string[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Every non-blank record of the text, header first. A quote that opens a field and never closes would swallow
 * the rest of the file, so it is refused with the row where it starts.
 */
export function* csvRecords(text: string, delimiter: CsvDelimiter): Generator<CsvRecord> {
  const sep = delimiter.charCodeAt(0);
  const length = text.length;
  let i = 0;
  let rowNumber = 0;
  while (i < length) {
    rowNumber += 1;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let parts = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw new CsvFormatError(`Et felt i række ${rowNumber} begynder med et anførselstegn ("), som aldrig afsluttes. Ret filen, og prøv igen.`);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          parts += text.slice(from, close);
          i = close + 1;
          break;
        }
        // Text after the closing quote (`"a"b`) is kept as written rather than dropped.
        let tail = i;
        while (tail < length && text.charCodeAt(tail) !== sep && text.charCodeAt(tail) !== LF && text.charCodeAt(tail) !== CR) tail += 1;
        value = parts + text.slice(i, tail);
        i = tail;
      } else {
        let end = i;
        while (end < length && text.charCodeAt(end) !== sep && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end += 1;
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === sep) {
        i += 1;
      } else {
        endOfRecord = true;
        if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        else if (c === LF) i += 1;
      }
    }
    if (fields.some((f) => f.trim() !== '')) yield { rowNumber, fields };
  }
}

/** Header names as columns: trimmed, blanks named by position, repeats numbered, so each name is a unique key. */
export function uniqueHeader(fields: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, index) => {
    const base = raw.trim() || `Kolonne ${index + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** The header, the data row count and the first rows, reading the whole file once (refuses malformed quoting). */
export function inspectCsv(text: string, delimiter: CsvDelimiter, previewRows = 3): { header: string[]; totalRows: number; preview: string[][] } {
  let header: string[] | null = null;
  let totalRows = 0;
  const preview: string[][] = [];
  for (const record of csvRecords(text, delimiter)) {
    if (!header) {
      header = uniqueHeader(record.fields);
      continue;
    }
    totalRows += 1;
    if (preview.length < previewRows) preview.push(record.fields.map((f) => f.trim()));
  }
  if (!header) throw new CsvFormatError('Filen er tom: den har hverken overskrifter eller rækker.');
  return { header, totalRows, preview };
}
