import fs from 'node:fs';
import readline from 'node:readline';
import type { Db } from '../../db/client';
import { ImportFormatError, type ImportOptions, type ImportReport, type Rejection } from '../../import/report';
import { parseCvrDocument, type CvrCompanyRecord, type CvrUnitRecord } from './cvr.parse';
import * as repo from './cvr.repo';

const batchSize = 1000;

/**
 * Collects accepted records and writes them in batches (one statement per table per batch). One batch
 * may be in flight while the next is parsed: on PostgreSQL the server writes while Node parses.
 */
class CvrBatcher {
  private companies = new Map<string, CvrCompanyRecord>();
  private units = new Map<string, CvrUnitRecord>();
  private inFlight: Promise<void> = Promise.resolve();
  written = 0;

  constructor(private readonly db: Db | null) {}

  async add(kind: 'company' | 'unit', record: CvrCompanyRecord | CvrUnitRecord): Promise<void> {
    this.written += 1;
    if (kind === 'company') {
      const c = record as CvrCompanyRecord;
      this.companies.set(c.cvr, c);
    } else {
      const u = record as CvrUnitRecord;
      this.units.set(u.pNumber, u);
    }
    if (this.companies.size >= batchSize || this.units.size >= batchSize) {
      const batch = this.take();
      await this.inFlight;
      this.inFlight = this.write(batch);
      // Its failure is raised by the next await of inFlight; this only keeps it from counting as unhandled.
      this.inFlight.catch(() => undefined);
    }
  }

  /** Writes what is left and waits for every batch. */
  async flush(): Promise<void> {
    const batch = this.take();
    await this.inFlight;
    await this.write(batch);
  }

  private take(): { companies: CvrCompanyRecord[]; units: CvrUnitRecord[] } {
    const batch = { companies: [...this.companies.values()], units: [...this.units.values()] };
    this.companies.clear();
    this.units.clear();
    return batch;
  }

  private async write({ companies, units }: { companies: CvrCompanyRecord[]; units: CvrUnitRecord[] }): Promise<void> {
    if (!this.db) return;
    await repo.upsertCompanies(this.db, companies);
    const links = new Map<string, repo.UnitLink>();
    for (const c of companies) {
      for (const p of c.productionUnits) links.set(p.pNumber, { ...p, cvr: c.cvr, name: c.name });
    }
    // A unit with its own document in this batch is written in full below; no placeholder needed.
    for (const u of units) links.delete(u.pNumber);
    await repo.linkUnits(this.db, [...links.values()]);
    await repo.upsertUnits(this.db, units);
  }
}

interface Source {
  /** Yields [position, parsed value | parse error] for every record of the file. */
  records(): AsyncIterable<[number, unknown, string | null]>;
}

/** Line and column of a character offset, for a Danish "where it broke" message. */
function lineOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    last = i;
  }
  return { line, column: offset - last };
}

async function envelopeSource(file: string, size: number, options: ImportOptions): Promise<Source> {
  const text = await fs.promises.readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const offset = match ? Number(match[1]) : text.length;
    const { line, column } = lineOf(text, offset);
    const where = match ? `linje ${line}, kolonne ${column}` : `filens slutning (linje ${line}); filen er afkortet`;
    throw new ImportFormatError(`CVR-filen er ikke gyldig JSON: fejl ved ${where}. Intet er indlæst.`, line);
  }
  const hits = (parsed as { hits?: { hits?: unknown } } | null)?.hits?.hits;
  if (!Array.isArray(hits)) {
    throw new ImportFormatError('CVR-filen har ikke formatet {"hits":{"hits":[…]}} og er heller ikke JSON lines. Intet er indlæst.');
  }
  return {
    async *records() {
      for (let i = 0; i < hits.length; i += 1) {
        if (i % batchSize === 0) options.progress?.(Math.round((size * i) / hits.length), size);
        yield [i + 1, hits[i], null];
      }
    },
  };
}

function jsonLinesSource(file: string, size: number, options: ImportOptions): Source {
  return {
    async *records() {
      const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
      let lineNo = 0;
      let bytes = 0;
      for await (const line of lines) {
        lineNo += 1;
        bytes += Buffer.byteLength(line) + 1;
        if (lineNo % batchSize === 0) options.progress?.(Math.min(bytes, size), size);
        if (line.trim() === '') continue;
        try {
          yield [lineNo, JSON.parse(line), null];
        } catch {
          yield [lineNo, null, 'Linjen er ikke gyldig JSON (afkortet eller beskadiget).'];
        }
      }
    },
  };
}

/** JSON lines when the first line is a complete document on its own; otherwise one JSON envelope. */
async function openSource(file: string, options: ImportOptions): Promise<Source> {
  const { size } = await fs.promises.stat(file);
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(Math.min(size, 1 << 20));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const text = head.toString('utf8');
  const newline = text.indexOf('\n');
  const firstLine = (newline === -1 ? text : text.slice(0, newline)).trim();
  let first: unknown = null;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = null;
  }
  const isEnvelope = first === null || typeof first !== 'object' || 'hits' in (first as object);
  return isEnvelope ? envelopeSource(file, size, options) : jsonLinesSource(file, size, options);
}

/**
 * Imports Erhvervsstyrelsen's CVR system-to-system JSON (an Elasticsearch response envelope, or
 * JSON lines of Vrvirksomhed/VrproduktionsEnhed documents or hits). Upserts on CVR and P-number in
 * one transaction; a bad record is reported and skipped, a file that cannot be read writes nothing.
 * A dry run parses and validates everything and reports what it would write (`written`), writing nothing.
 */
export async function importCvr(db: Db, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = new Date();
  const source = await openSource(file, options);
  const rejections: Rejection[] = [];
  let read = 0;

  const run = async (target: Db | null): Promise<number> => {
    const suspended = target && await repo.isRegisterEmpty(target) ? await repo.suspendSecondaryIndexes(target) : [];
    const batcher = new CvrBatcher(target);
    for await (const [position, value, error] of source.records()) {
      read += 1;
      if (error) {
        rejections.push({ position, reason: error });
        continue;
      }
      const result = parseCvrDocument(value);
      if (!result.ok) rejections.push({ position, key: result.key, reason: result.reason });
      else await batcher.add(result.kind, result.record);
    }
    await batcher.flush();
    if (target) {
      await repo.restoreIndexes(target, suspended);
      await repo.attachOrphanUnits(target);
      await repo.insertImportRun(target, {
        kind: 'cvr', source: file, startedAt: started, status: 'completed', read, written: batcher.written, rejections,
      });
    }
    return batcher.written;
  };

  const written = options.dryRun ? await run(null) : await db.transaction((tx) => run(tx as unknown as Db));
  if (!options.dryRun && written > 0) await repo.tidyAfterImport(db);
  const { size } = await fs.promises.stat(file);
  options.progress?.(size, size);
  return {
    kind: 'cvr', source: file, read, written, rejected: rejections.length, rejections,
    durationMs: Date.now() - started.getTime(),
  };
}
