import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExportFormat, ExportLanguage } from '../../common/export';
import { authorize, type Action, type Actor, type Resource } from '../policy';
import { audit } from './audit';
import { csvBom, csvHeaderLine, csvRowLines } from './export-csv';
import { XlsxWriter } from './xlsx';

export type { ExportFormat } from '../../common/export';

/** Scalar a cell can hold; `null`/`undefined` is an empty cell. */
export type ExportValue = string | number | boolean | Date | null | undefined;

/**
 * One column of an exported list. `kind` decides how a value is written: `number` as a number (decimal
 * comma in CSV, a numeric cell in XLSX), `date` (a Date or an ISO `YYYY-MM-DD` string) and `datetime`
 * as real dates in Danish time. Without `kind`, the JavaScript type of the value decides.
 */
export interface ExportColumn<T> {
  key: string;
  header: string;
  value: (row: T) => ExportValue;
  kind?: 'text' | 'number' | 'date' | 'datetime';
}

/**
 * What to export. `batches` yields the rows in pages (use `offsetBatches`/`keysetBatches`) so a large
 * list never sits in one query result. Every export writes one audit entry (`data.export`) with the
 * list's name, its filters and the row count, never the data: `audit.list` defaults to `fileName`.
 */
export interface ExportSpec<T> {
  /** File name without extension; the date of the export is appended. */
  fileName: string;
  sheetName?: string;
  columns: ExportColumn<T>[];
  batches: AsyncIterable<T[]>;
  audit?: { list?: string; filters?: Record<string, unknown> };
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The batch size lists are read in: large enough to be quick, small enough to keep memory flat. */
export const exportBatchSize = 2000;

/**
 * Pages through a list by offset until a short page. Each page is its own short query (never one long
 * transaction: PGlite would block every other request meanwhile).
 */
export async function* offsetBatches<T>(fetch: (limit: number, offset: number) => Promise<T[]>, size = exportBatchSize): AsyncIterable<T[]> {
  let pending = fetch(size, 0);
  for (let offset = 0; ; offset += size) {
    const rows = await pending;
    const full = rows.length === size;
    if (full) pending = prefetch(fetch(size, offset + size));
    if (rows.length > 0) yield rows;
    if (!full) return;
  }
}

/** The next page is read while the current one is written out; a failure surfaces when it is awaited. */
function prefetch<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Pages through a list by keyset: `fetch(after, limit)` returns the rows after the key of the last row. */
export async function* keysetBatches<T, K>(
  fetch: (after: K | null, limit: number) => Promise<T[]>, keyOf: (row: T) => K, size = exportBatchSize,
): AsyncIterable<T[]> {
  let pending = fetch(null, size);
  for (;;) {
    const rows = await pending;
    const full = rows.length === size;
    if (full) pending = prefetch(fetch(keyOf(rows[rows.length - 1]), size));
    if (rows.length > 0) yield rows;
    if (!full) return;
  }
}

/**
 * Every export needs the list's own read action and `data.export`: who may not read the list may not
 * export it, and exporting is a right of its own (it takes the data out of Samspil).
 */
export function authorizeExport(request: FastifyRequest, listAction: Action, resource?: Resource): Actor {
  authorize(request, listAction, resource);
  return authorize(request, 'data.export', resource);
}

/** The language of headers and labels: `?lang=` (the page's language), else the user's own. */
export function exportLanguage(request: FastifyRequest, lang?: ExportLanguage): ExportLanguage {
  return lang ?? (request.sessionUser?.locale === 'en' ? 'en' : 'da');
}

/** The list's filters as the audit entry records them: no format, language or empty values. */
export function exportFilters(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query)
    .filter(([k, v]) => k !== 'format' && k !== 'lang' && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

/** Column headers in the user's language: `headersIn(lang, { name: ['Navn', 'Name'] })`. */
export function headersIn<K extends string>(language: string | null | undefined, headers: Record<K, readonly [da: string, en: string]>): Record<K, string> {
  const i = language === 'en' ? 1 : 0;
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, (v as readonly string[])[i]])) as Record<K, string>;
}

/** `virksomheder-2026-11-21.csv` plus an ASCII fallback for clients that ignore `filename*`. */
export function contentDisposition(fileName: string, format: ExportFormat, now = new Date()): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
  const full = `${fileName}-${day}.${format}`;
  const ascii = full.normalize('NFKD').replace(/æ/g, 'ae').replace(/Æ/g, 'Ae').replace(/ø/g, 'oe').replace(/Ø/g, 'Oe')
    .replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full)}`;
}

async function* encode<T>(format: ExportFormat, spec: ExportSpec<T>, first: IteratorResult<T[]>, rest: AsyncIterator<T[]>,
  onDone: (rows: number, complete: boolean) => Promise<void>): AsyncIterable<Buffer> {
  let count = 0;
  let done = false;
  try {
    const xlsx = format === 'xlsx' ? new XlsxWriter(spec.columns, spec.sheetName ?? spec.fileName) : null;
    yield xlsx
      ? await xlsx.start(first.done ? [] : first.value)
      : Buffer.concat([csvBom, Buffer.from(csvHeaderLine(spec.columns), 'utf8')]);
    for (let step = first; !step.done; step = await rest.next()) {
      count += step.value.length;
      yield xlsx ? await xlsx.rows(step.value) : Buffer.from(csvRowLines(spec.columns, step.value), 'utf8');
    }
    const tail = xlsx ? await xlsx.finish() : null;
    // Audited before the last bytes go out, so a finished download always has its audit entry.
    done = true;
    await onDone(count, true);
    if (tail) yield tail;
  } finally {
    if (!done) await onDone(count, false);
  }
}

/**
 * Streams `spec` as a CSV (semicolon, UTF-8 with BOM, CRLF, Danish decimals) or XLSX download. The first
 * batch is read before any byte is sent, so a failing query still becomes a problem+json response. The
 * caller authorizes first (the list's read action and `data.export`).
 */
export async function sendExport<T>(reply: FastifyReply, format: ExportFormat, spec: ExportSpec<T>): Promise<FastifyReply> {
  const request = reply.request;
  const iterator = spec.batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  const list = spec.audit?.list ?? spec.fileName;
  const onDone = async (rows: number, complete: boolean) => {
    await audit(reply.server.deps.db, { actor: request.actor ?? null, ip: request.ip }, {
      action: 'data.export', entity: 'export', entityId: null,
      after: { list, format, filters: spec.audit?.filters ?? {}, rows, ...(complete ? {} : { aborted: true }) },
    });
  };
  const body = Readable.from(encode(format, spec, first, iterator, onDone), { objectMode: false });
  return reply
    .header('content-type', exportContentTypes[format])
    .header('content-disposition', contentDisposition(spec.fileName, format))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
