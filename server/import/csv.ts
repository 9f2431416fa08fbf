import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ImportFormatError, type Progress } from './report';

/** One CSV record: its fields and the 1-based line on which it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record is readable but malformed (e.g. text after a closing quote); importers reject it. */
  error?: string;
}

export interface CsvOptions {
  /** Field separator, one character; default ','. */
  delimiter?: string;
  /** Called with bytes read so far and the total size (when known). */
  progress?: Progress;
}

/** The file cannot be read as CSV from `position` (a line) on, e.g. a quoted field that never ends. */
export class CsvFormatError extends ImportFormatError {}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An incremental RFC 4180 parser: text arrives in chunks of any size (a quoted field, a CRLF or a
 * quote pair may be split across chunks), complete records come out.
 */
class CsvParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** A quote was seen inside a quoted field; the next character decides between "" and the closing quote. */
  private quotePending = false;
  private afterClosingQuote = false;
  private skipLf = false;
  private started = false;
  private error: string | undefined;
  private line = 1;
  private recordLine = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`Ugyldigt skilletegn: ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string, out: CsvRecord[]): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.skipLf) {
        this.skipLf = false;
        if (text.charCodeAt(i) === LF) { i += 1; continue; }
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (text.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i += 1;
          continue;
        }
        this.inQuotes = false;
        this.afterClosingQuote = true;
      }
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        const part = text.slice(i, end);
        this.field += part;
        this.line += countLf(part);
        if (q === -1) return;
        this.quotePending = true;
        i = q + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === this.delimiter) {
        this.endField();
        i += 1;
      } else if (c === LF || c === CR) {
        this.endRecord(out);
        this.line += 1;
        if (c === CR) this.skipLf = true;
        i += 1;
      } else if (c === QUOTE && this.field === '' && !this.afterClosingQuote) {
        this.started = true;
        this.inQuotes = true;
        i += 1;
      } else {
        // Plain run of characters up to the next special one.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === this.delimiter || d === LF || d === CR) break;
          j += 1;
        }
        if (this.afterClosingQuote) this.error ??= 'tegn efter et afsluttende anførselstegn';
        this.started = true;
        this.field += text.slice(i, j);
        i = j;
      }
    }
  }

  end(out: CsvRecord[]): void {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      throw new CsvFormatError(
        `Anførselstegnet i posten på linje ${this.recordLine} lukkes aldrig (filen slutter inde i et felt).`,
        this.recordLine,
      );
    }
    this.endRecord(out);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.started = true;
    this.afterClosingQuote = false;
  }

  private endRecord(out: CsvRecord[]): void {
    // A blank line is no record (and a final newline does not make an empty last record).
    if (this.started || this.fields.length > 0 || this.field !== '') {
      this.fields.push(this.field);
      out.push(this.error ? { line: this.recordLine, fields: this.fields, error: this.error } : { line: this.recordLine, fields: this.fields });
    }
    this.field = '';
    this.fields = [];
    this.started = false;
    this.afterClosingQuote = false;
    this.error = undefined;
    this.recordLine = this.line + 1;
  }
}

function countLf(s: string): number {
  let count = 0;
  let k = s.indexOf('\n');
  while (k !== -1) {
    count += 1;
    k = s.indexOf('\n', k + 1);
  }
  return count;
}

/**
 * Parses CSV from chunks (Buffers are decoded as UTF-8, split multi-byte characters included).
 * A leading byte-order mark is dropped. Throws CsvFormatError at the end when a quoted field never closes.
 */
export async function* parseCsv(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: CsvOptions & { totalBytes?: number | null } = {},
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(options.delimiter ?? ',');
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let first = true;
  const out: CsvRecord[] = [];
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    parser.push(text, out);
    options.progress?.(bytes, options.totalBytes ?? null);
    for (const record of out) yield record;
    out.length = 0;
  }
  parser.push(decoder.end(), out);
  parser.end(out);
  for (const record of out) yield record;
}

/** Streams a CSV file record by record, reporting byte progress. */
export async function* readCsvFile(file: string, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const { size } = await fs.promises.stat(file);
  yield* parseCsv(fs.createReadStream(file, { highWaterMark: 1 << 20 }), { ...options, totalBytes: size });
}

/** A data row of a CSV file with a header: values by column name. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
  /** Why the row cannot be used as it stands (wrong field count, bad quoting). */
  problem?: string;
}

/**
 * Reads a CSV file whose first record is a header. Throws ImportFormatError when a required column is
 * missing; rows with another field count than the header come with `problem` set.
 */
export async function* readCsvRows(file: string, required: readonly string[], options: CsvOptions = {}): AsyncGenerator<CsvRow> {
  let header: string[] | null = null;
  for await (const record of readCsvFile(file, options)) {
    if (!header) {
      header = record.fields.map((h) => h.trim());
      const missing = required.filter((c) => !header?.includes(c));
      if (missing.length > 0) {
        throw new ImportFormatError(`Filen mangler kolonnen/kolonnerne ${missing.join(', ')} i overskriften.`, record.line);
      }
      continue;
    }
    const values: Record<string, string> = {};
    for (let k = 0; k < header.length; k += 1) values[header[k]] = record.fields[k] ?? '';
    let problem = record.error;
    if (!problem && record.fields.length !== header.length) {
      problem = `forventede ${header.length} felter, fandt ${record.fields.length}`;
    }
    yield problem ? { line: record.line, values, problem } : { line: record.line, values };
  }
  if (!header) throw new ImportFormatError('Filen er tom (ingen overskrift).', 1);
}
