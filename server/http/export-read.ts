import zlib from 'node:zlib';
import { parseCsv } from '../import/csv';

/**
 * Reads exports back, independently of the writers: a ZIP from its central directory (as Excel reads it),
 * each entry inflated and checked against its CRC-32 and sizes; a worksheet's cells; a CSV through the
 * import's RFC 4180 parser. Used by tests (unit, API and browser journeys) to prove what a file holds.
 */

/** A CSV export's records (header first), after checking the BOM and that every line ends in CRLF. */
export async function readCsvExport(body: Buffer): Promise<string[][]> {
  if (body.subarray(0, 3).toString('hex') !== 'efbbbf') throw new Error('No UTF-8 byte-order mark.');
  const text = body.toString('utf8');
  if (/[^\r]\n/.test(text.replace(/"[^"]*"/g, ''))) throw new Error('A line ends without CR.');
  const rows: string[][] = [];
  for await (const record of parseCsv([body], { delimiter: ';' })) {
    if (record.error) throw new Error(`Line ${record.line}: ${record.error}`);
    rows.push(record.fields);
  }
  return rows;
}

export interface ZipEntry { name: string; data: Buffer; method: number; flags: number }

export function readZip(zip: Buffer): Map<string, ZipEntry> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw new Error('No end of central directory record.');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  let p = zip.readUInt32LE(eocd + 16);
  if (p + size !== eocd) throw new Error(`Central directory ends at ${p + size}, not at ${eocd}.`);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`Bad central directory header at ${p}.`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compressed = zip.readUInt32LE(p + 20);
    const uncompressed = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    p += 46 + nameLength + extra + comment;
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`Bad local header for ${name}.`);
    const localName = zip.subarray(local + 30, local + 30 + zip.readUInt16LE(local + 26)).toString('utf8');
    if (localName !== name) throw new Error(`Local header name ${localName} differs from ${name}.`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 8 ? zlib.inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!data) throw new Error(`Unsupported method ${method} for ${name}.`);
    if (data.length !== uncompressed) throw new Error(`${name}: ${data.length} bytes, directory says ${uncompressed}.`);
    if ((zlib.crc32(data) >>> 0) !== crc) throw new Error(`${name}: CRC-32 mismatch.`);
    if (flags & 0x08) {
      const d = start + compressed;
      const signed = zip.readUInt32LE(d) === 0x08074b50 ? 4 : 0;
      if (zip.readUInt32LE(d + signed) !== crc) throw new Error(`${name}: data descriptor CRC differs.`);
    }
    entries.set(name, { name, data, method, flags });
  }
  return entries;
}

export interface SheetCell { ref: string; type: string | null; style: number; value: string | null }

const unescape = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) =>
  ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

/** The cells of a worksheet's XML, row by row (inline strings resolved to their text). */
export function readSheetRows(xml: string): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: SheetCell[] = [];
    for (const c of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = Object.fromEntries([...c[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const body = c[2] ?? '';
      const text = /<t\b[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? null;
      cells.push({ ref: attrs.r ?? '', type: attrs.t ?? null, style: Number(attrs.s ?? 0), value: text === null ? null : unescape(text) });
    }
    rows.push(cells);
  }
  return rows;
}

/**
 * A workbook's parts and its first sheet's XML, after checking the package's required parts exist.
 * `rows()` parses the cells (slow for 100,000 rows: count those with `countSheetRows`).
 */
export function readWorkbook(file: Buffer): { entries: Map<string, ZipEntry>; sheetXml: string; rows: () => SheetCell[][] } {
  const entries = readZip(file);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']) {
    if (!entries.has(part)) throw new Error(`Missing part ${part}.`);
  }
  const sheetXml = entries.get('xl/worksheets/sheet1.xml')!.data.toString('utf8');
  return { entries, sheetXml, rows: () => readSheetRows(sheetXml) };
}

/** Counts `<row` elements without building them (for 100,000-row files). */
export function countSheetRows(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<row '); i >= 0; i = xml.indexOf('<row ', i + 5)) n += 1;
  return n;
}
