import { danishDateTime, danishDay, danishNumber, toCell, type CellKind } from './export-values';

/**
 * CSV the way Danish Excel opens it with a double-click: UTF-8 with a byte-order mark (else Excel guesses
 * Windows-1252 and breaks æøå), semicolons (the list separator when the decimal separator is a comma),
 * CRLF, numbers with a decimal comma and dates as dd-mm-åååå.
 */
export const csvBom = Buffer.from([0xef, 0xbb, 0xbf]);
export const csvSeparator = ';';
const lineEnd = '\r\n';

interface CsvColumn<T> { header: string; value: (row: T) => unknown; kind?: CellKind }

/**
 * Text that a spreadsheet would run as a formula (= + - @, and tab/CR that some readers strip first) gets
 * a leading apostrophe, so an exported company name can never execute in the reader's spreadsheet.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Quotes a field when it holds the separator, a quote, a line break or edge spaces Excel would trim. */
export function quoteCsv(text: string): string {
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One value as CSV field text. */
export function csvField(value: unknown, kind?: CellKind): string {
  const cell = toCell(value, kind);
  switch (cell.t) {
    case 'empty': return '';
    case 'number': return danishNumber(cell.v);
    case 'bool': return cell.v ? 'Ja' : 'Nej';
    case 'date': return danishDay(cell);
    case 'datetime': return danishDateTime(cell);
    case 'text': return quoteCsv(defuseFormula(cell.v));
  }
}

export function csvHeaderLine<T>(columns: readonly CsvColumn<T>[]): string {
  return columns.map((c) => quoteCsv(defuseFormula(c.header))).join(csvSeparator) + lineEnd;
}

export function csvRowLines<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  let out = '';
  for (const row of rows) out += columns.map((c) => csvField(c.value(row), c.kind)).join(csvSeparator) + lineEnd;
  return out;
}
