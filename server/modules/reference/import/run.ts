import type { Db } from '../../../db/client';
import { CsvFormatError, readCsvRows, type CsvRow } from '../../../import/csv';
import type { ImportOptions, ImportReport, Rejection } from '../../../import/report';
import { audit } from '../../../http/audit';
import { seedReferenceData } from '../seed';
import { insertImportRun } from './import.repo';

/** What an importer found: how many records it read, which it rejected, and how to write the rest. */
export interface ImportPlan {
  read: number;
  rejections: Rejection[];
  /** Number of rows the write will upsert. */
  accepted: number;
  write(tx: Db): Promise<void>;
}

/**
 * The shared frame of every reference import: read and validate everything first (no transaction
 * open while the file is parsed), then write all accepted rows and the import_runs row in ONE
 * transaction, so a failure leaves nothing half-written. A dry run stops after validation.
 */
export async function runImport(
  db: Db,
  kind: string,
  source: string,
  options: ImportOptions,
  prepare: () => Promise<ImportPlan>,
): Promise<ImportReport> {
  const startedAt = new Date();
  let plan: ImportPlan;
  try {
    plan = await prepare();
  } catch (error) {
    if (!options.dryRun && error instanceof Error) {
      const position = (error as { position?: number }).position ?? 0;
      await insertImportRun(db, {
        kind, source, startedAt, status: 'failed', read: 0, written: 0,
        rejections: [{ position, reason: error.message }],
      });
    }
    throw error;
  }
  const rejections = plan.rejections;
  if (!options.dryRun) {
    // The CLI may run before the server ever started: imports hang under the built-in rows.
    await seedReferenceData(db);
    await db.transaction(async (tx) => {
      await plan.write(tx);
      const runId = await insertImportRun(tx, {
        kind, source, startedAt, status: rejections.length > 0 ? 'completed_with_rejections' : 'completed',
        read: plan.read, written: plan.accepted, rejections,
      });
      await audit(tx, { actor: null }, {
        action: 'reference.import', entity: 'import_run', entityId: String(runId),
        after: { kind, source, read: plan.read, written: plan.accepted, rejected: rejections.length },
      });
    });
  }
  return {
    kind,
    source,
    read: plan.read,
    written: options.dryRun ? 0 : plan.accepted,
    rejected: rejections.length,
    rejections,
    durationMs: Date.now() - startedAt.getTime(),
  };
}

/**
 * Reads every row of a CSV file. Malformed rows become rejections; a quoted field that never
 * closes makes the rest of the file unreadable, which is reported as one rejection at its line.
 */
export async function eachCsvRow(
  file: string,
  required: readonly string[],
  options: ImportOptions,
  rejections: Rejection[],
  onRow: (row: CsvRow) => void,
): Promise<number> {
  let read = 0;
  try {
    for await (const row of readCsvRows(file, required, { progress: options.progress })) {
      read += 1;
      if (row.problem) rejections.push({ position: row.line, reason: `Ugyldig CSV-post: ${row.problem}` });
      else onRow(row);
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    read += 1;
    rejections.push({ position: error.position ?? 0, reason: error.message });
  }
  return read;
}

/** Remembers business keys already seen in a file, so a repeated key is rejected instead of written twice. */
export class KeySet {
  private readonly lines = new Map<string, number>();
  /** Returns the line where the key was first seen, or null (and records it) when it is new. */
  seen(key: string, line: number): number | null {
    const first = this.lines.get(key);
    if (first !== undefined) return first;
    this.lines.set(key, line);
    return null;
  }
}
