import type { FastifyBaseLogger } from 'fastify';
import { importRequiredFields, type ImportField, type ImportKind, type ImportMapping } from '../../../common/engagement-import';
import type { Db, Engine } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import type { Actor } from '../../policy';
import { todayInDenmark } from './dates';
import * as applyRepo from './import-apply.repo';
import { csvRecords, CsvFormatError, type CsvDelimiter } from '../../import/csv-text';
import { columnIndexes, readRow, resolveRow, type ChunkLookups, type DraftRow } from './import-rows';
import * as repo from './import.repo';
import { inTransaction } from './query.repo';

/*
 * Runs import jobs in the background of the server process: the dry run in chunks (each chunk's lookups are
 * set-based, its staged rows written in one short transaction, so on PGlite a progress poll runs between chunks),
 * and the apply in one transaction. Jobs are in the database, so a restart loses no data; a job the restart
 * interrupted is marked failed with a Danish message (see recover).
 */

/** Rows per dry-run chunk: big enough for set-based lookups, small enough that a transaction stays short. */
export const validationChunkRows = 2_500;
/** Rows per upsert statement while applying (all in the one transaction). */
export const applyBatchRows = 10_000;

const interruptedValidation = 'Kontrollen af filen blev afbrudt, fordi serveren blev genstartet. Start kontrollen igen.';
const interruptedApply = 'Importen blev afbrudt, før den var færdig, fordi serveren blev genstartet. Intet er ændret; prøv igen.';

interface Running { promise: Promise<void>; cancelled: boolean; appliedRows: number | null }

class Cancelled extends Error {}

export class ImportRunner {
  private readonly running = new Map<string, Running>();

  constructor(private readonly db: Db, private readonly engine: Engine, private readonly log: FastifyBaseLogger) {}

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Rows written so far while applying (known only in the process that applies). */
  appliedRows(jobId: string): number | null {
    return this.running.get(jobId)?.appliedRows ?? null;
  }

  /**
   * Claims a job for this process before its status says it runs, so a read in between never takes it for
   * abandoned. Call `start…` next, or the returned release when the status change did not happen.
   */
  reserve(jobId: string): () => void {
    const entry: Running = { promise: Promise.resolve(), cancelled: false, appliedRows: null };
    this.running.set(jobId, entry);
    return () => {
      if (this.running.get(jobId) === entry) this.running.delete(jobId);
    };
  }

  /** Asks a running dry run to stop after its current chunk. */
  cancel(jobId: string): void {
    const entry = this.running.get(jobId);
    if (entry) entry.cancelled = true;
  }

  startValidation(job: { id: string; kind: ImportKind; organisationId: string; partnershipId: string }): void {
    this.track(job.id, (entry) => this.validate(job, entry));
  }

  startApply(job: repo.ImportJobRow, context: AuditContext & { actor: Actor }): void {
    this.track(job.id, (entry) => this.apply(job, context, entry));
  }

  /** Stops every job of this process (the server is closing); each leaves a consistent state behind. */
  async close(): Promise<void> {
    for (const entry of this.running.values()) entry.cancelled = true;
    await Promise.allSettled([...this.running.values()].map((e) => e.promise));
  }

  /**
   * Jobs that say they are running but are not: on PGlite nothing but this process can run them (the data
   * directory is locked to it); on PostgreSQL another server might, so only jobs without a sign of life for
   * minutes count. A dry run is marked failed; an interrupted apply changed nothing (one transaction) and is too.
   */
  async recover(jobs?: repo.ImportJobRow[]): Promise<void> {
    for (const job of jobs ?? await repo.runningJobs(this.db)) {
      if (job.status !== 'validating' && job.status !== 'applying') continue;
      if (this.running.has(job.id) || (this.engine === 'postgresql' && !job.stale)) continue;
      await repo.transition(this.db, job.id, [job.status], {
        status: 'failed', failure: job.status === 'validating' ? interruptedValidation : interruptedApply, finishedAt: new Date(),
      });
    }
  }

  private track(jobId: string, work: (entry: Running) => Promise<void>): void {
    const entry: Running = { promise: Promise.resolve(), cancelled: false, appliedRows: null };
    this.running.set(jobId, entry);
    entry.promise = work(entry)
      .catch((error: unknown) => this.log.error({ err: error, jobId }, 'import job failed'))
      .finally(() => this.running.delete(jobId));
  }

  private async validate(job: { id: string; kind: ImportKind; organisationId: string; partnershipId: string }, entry: Running): Promise<void> {
    try {
      const [content, row, usersByEmail, organisationName] = [
        await repo.jobContent(this.db, job.id), await repo.findJob(this.db, job.partnershipId, job.id),
        await repo.organisationUsersByEmail(this.db, job.organisationId), await repo.organisationName(this.db, job.organisationId),
      ];
      if (!content || !row) throw new Cancelled();
      const mapping = row.mapping as ImportMapping;
      const spec = {
        mapping, indexes: columnIndexes(mapping, row.header), headerLength: row.header.length, today: todayInDenmark(),
        required: importRequiredFields[job.kind],
      };
      const records = csvRecords(content, row.delimiter as CsvDelimiter);
      records.next(); // the header
      const seenRefs = new Map<string, number>();
      const totals = { processed: 0, errors: 0, valid: 0, updates: 0 };
      for (;;) {
        if (entry.cancelled) throw new Cancelled();
        const drafts: DraftRow[] = [];
        for (let next = records.next(); !next.done; next = records.next()) {
          drafts.push(readRow(job.kind, spec, next.value.rowNumber, next.value.fields));
          if (drafts.length === validationChunkRows) break;
        }
        if (drafts.length === 0) break;
        const pick = (key: 'cvr' | 'pNumber' | 'externalRef') => drafts.flatMap((d) => (d[key] ? [d[key] as string] : []));
        const lookups: ChunkLookups = {
          companiesByCvr: await repo.companiesByCvr(this.db, pick('cvr')),
          unitsByPNumber: await repo.unitsByPNumber(this.db, pick('pNumber')),
          existingRefs: await repo.existingRefs(this.db, job.kind, job, pick('externalRef')),
          usersByEmail, seenRefs, organisationName,
        };
        const staged = drafts.map((d) => resolveRow(job.kind, d, mapping, lookups));
        totals.processed += staged.length;
        for (const s of staged) {
          if (s.errors) totals.errors += 1;
          else totals.valid += 1;
          if (s.update) totals.updates += 1;
        }
        await inTransaction(this.db, async (tx) => {
          if (!await repo.recordProgress(tx, job.id, totals.processed, totals.errors)) throw new Cancelled();
          await repo.insertStagedRows(tx, job.id, staged);
        });
        // Let waiting requests (a progress poll) reach the database before the next chunk.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await repo.transition(this.db, job.id, ['validating'], {
        status: 'validated', totalRows: totals.processed, processedRows: totals.processed, errorRows: totals.errors, finishedAt: new Date(),
        summary: { valid: totals.valid, new: totals.valid - totals.updates, updates: totals.updates },
      });
    } catch (error) {
      if (error instanceof Cancelled) {
        await repo.transition(this.db, job.id, ['validating'], { status: 'failed', failure: interruptedValidation, finishedAt: new Date() });
        return;
      }
      const failure = error instanceof CsvFormatError ? error.message : 'Kontrollen af filen stoppede på grund af en uventet fejl. Prøv igen, eller kontakt support.';
      await repo.transition(this.db, job.id, ['validating'], { status: 'failed', failure, finishedAt: new Date() });
      if (!(error instanceof CsvFormatError)) throw error;
    }
  }

  private async apply(job: repo.ImportJobRow, context: AuditContext & { actor: Actor }, entry: Running): Promise<void> {
    const mapped = Object.keys(job.mapping) as ImportField[];
    entry.appliedRows = 0;
    try {
      await inTransaction(this.db, async (tx) => {
        const range = await applyRepo.validRowRange(tx, job.id);
        const moved = job.kind === 'interactions' ? await applyRepo.companiesLosingInteractions(tx, job.id, job.organisation_id) : [];
        const result = { inserted: 0, updated: 0, skipped: 0, tasksCreated: 0 };
        const today = todayInDenmark();
        for (let from = range.min; from <= range.max; from += applyBatchRows) {
          const batch = { jobId: job.id, from, to: from + applyBatchRows };
          const counts = job.kind === 'interactions'
            ? await applyRepo.upsertInteractionBatch(tx, batch, { organisationId: job.organisation_id, userId: context.actor.id, today, mapped })
            : await applyRepo.upsertContactBatch(tx, batch, { partnershipId: job.partnership_id, userId: context.actor.id, mapped });
          result.inserted += counts.inserted;
          result.updated += counts.updated;
          result.skipped += counts.rows - counts.inserted - counts.updated;
          result.tasksCreated += counts.tasks;
          entry.appliedRows = (entry.appliedRows ?? 0) + counts.rows;
        }
        if (job.kind === 'interactions') {
          await applyRepo.finishInteractionTasks(tx, job.organisation_id);
          await applyRepo.refreshLastContacts(tx, job.id, job.organisation_id, moved);
        }
        await applyRepo.dropAppliedRows(tx, job.id);
        const summary = { ...job.summary, ...result };
        const done = await repo.transition(tx, job.id, ['applying'], { status: 'applied', summary, content: null, finishedAt: new Date() });
        // Someone else decided about the job meanwhile (recovered by another server): write nothing.
        if (!done) throw new Cancelled();
        await audit(tx, context, {
          action: 'import.apply', entity: 'import_job', entityId: job.id,
          after: { kind: job.kind, fileName: job.file_name, totalRows: job.total_rows, errorRows: job.error_rows, validRows: range.count, ...result },
        });
      });
    } catch (error) {
      if (error instanceof Cancelled) return;
      await repo.transition(this.db, job.id, ['applying'], {
        status: 'failed', finishedAt: new Date(),
        failure: 'Importen kunne ikke gennemføres, og intet er ændret. Prøv igen, eller kontakt support.',
      });
      throw error;
    }
  }
}
