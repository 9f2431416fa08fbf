import type { z } from 'zod';
import {
  importErrorPageSize, type ImportErrorPage, type ImportJob, type ImportKind, type importMappingUpdateSchema, type ImportRowError,
} from '../../../common/engagement-import';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, forbidden, notFound, ProblemError } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { csvRecords, CsvFormatError, decodeFile, detectDelimiter, inspectCsv, stripBom, type CsvDelimiter, type FileEncoding } from '../../import/csv-text';
import { checkMapping, suggestMapping } from './import-mapping';
import type { ImportRunner } from './import-runner';
import { presentImportJob, presentRowError, presentSampleRow } from './import.presenter';
import * as repo from './import.repo';
import { inTransaction } from './query.repo';

/*
 * Import of interactions and contacts from another CRM's CSV: upload (the file is kept on the job), mapping,
 * a dry run in the background (ImportRunner) that stages every row with its errors and writes nothing else,
 * and an apply that upserts the valid rows in one transaction. Only the importing organisation sees its jobs.
 */

type Context = AuditContext & { actor: Actor };

const conflict = (code: string, detail: string) => new ProblemError(409, code, detail);
const statusWords: Record<string, string> = {
  uploaded: 'uploadet', validating: 'ved at blive kontrolleret', validated: 'kontrolleret', applying: 'ved at blive importeret',
  applied: 'importeret', failed: 'fejlet', discarded: 'kasseret',
};

/** The job if the actor's organisation owns it: 404 outside the partnership, 403 for another organisation's job. */
async function owned(db: Db, runner: ImportRunner, actor: Actor, id: string): Promise<repo.ImportJobRow> {
  let job = await repo.findJob(db, actor.partnershipId, id);
  if (!job) throw notFound('Importen findes ikke.');
  if (!can(actor, 'engagement.import', { organisationId: job.organisation_id, partnershipId: job.partnership_id })) {
    throw forbidden('Importen tilhører en anden organisation.');
  }
  if ((job.status === 'validating' || job.status === 'applying') && !runner.isRunning(job.id)) {
    await runner.recover([job]);
    job = await repo.findJob(db, actor.partnershipId, id) ?? job;
  }
  return job;
}

/** The first rows of the file, while columns are being chosen. */
async function preview(db: Db, job: repo.ImportJobRow): Promise<string[][] | null> {
  if (!job.has_content || !['uploaded', 'validated', 'failed'].includes(job.status)) return null;
  const head = await repo.jobContentStart(db, job.id, 64 * 1024);
  const rows: string[][] = [];
  try {
    for (const record of csvRecords(head ?? '', job.delimiter as CsvDelimiter)) {
      if (record.rowNumber > 1) rows.push(record.fields.map((f) => f.trim()));
      if (rows.length === 3) break;
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
  }
  return rows;
}

async function view(db: Db, runner: ImportRunner, job: repo.ImportJobRow): Promise<ImportJob> {
  const sample = job.status === 'validated'
    ? (await repo.sampleRows(db, job, 10)).map((r) => presentSampleRow(r, job.user_name)) : null;
  return presentImportJob(job, { preview: await preview(db, job), sample, appliedRows: runner.appliedRows(job.id) });
}

async function reload(db: Db, runner: ImportRunner, actor: Actor, id: string): Promise<ImportJob> {
  return view(db, runner, await owned(db, runner, actor, id));
}

export interface UploadInput {
  kind: ImportKind;
  fileName: string;
  /** Raw bytes (text/csv body) or text the browser already decoded (JSON body). */
  file: Buffer | string;
}

/** Reads the file, refuses what is not a usable CSV with a Danish message, and suggests a mapping. */
export async function upload(db: Db, runner: ImportRunner, context: Context, input: UploadInput): Promise<ImportJob> {
  const { actor } = context;
  const decoded: { text: string; encoding: FileEncoding } = typeof input.file === 'string'
    ? { text: stripBom(input.file), encoding: 'utf-8' } : decodeFile(input.file);
  const { text } = decoded;
  if (text.trim() === '') throw badRequest('empty_file', 'Filen er tom.');
  if (text.includes('\u0000')) throw badRequest('not_csv', 'Filen ser ikke ud til at være en CSV-fil (den indeholder binære data). Gem den som CSV fra regnearket eller CRM-systemet.');
  const delimiter = detectDelimiter(text);
  let inspected: ReturnType<typeof inspectCsv>;
  try {
    inspected = inspectCsv(text, delimiter);
  } catch (error) {
    if (error instanceof CsvFormatError) throw badRequest('malformed_csv', error.message);
    throw error;
  }
  const { header, totalRows } = inspected;
  if (header.length < 2) {
    throw badRequest('too_few_columns', `Filen har kun én kolonne («${header[0]}»). Gem den som CSV med semikolon eller komma mellem kolonnerne.`);
  }
  if (totalRows === 0) throw badRequest('no_rows', 'Filen har overskrifter, men ingen rækker at importere.');
  const mapping = suggestMapping(input.kind, header);
  const id = await inTransaction(db, async (tx) => {
    const jobId = await repo.insertJob(tx, {
      organisationId: actor.organisationId, userId: actor.id, kind: input.kind, fileName: input.fileName, delimiter, content: text,
      header, mapping, totalRows,
    });
    await audit(tx, context, { action: 'import.upload', entity: 'import_job', entityId: jobId,
      after: { kind: input.kind, fileName: input.fileName, encoding: decoded.encoding, delimiter, columns: header, totalRows } });
    return jobId;
  });
  return reload(db, runner, actor, id);
}

export async function get(db: Db, runner: ImportRunner, actor: Actor, id: string): Promise<ImportJob> {
  return reload(db, runner, actor, id);
}

/** The organisation's latest imports (without previews), newest first. */
export async function list(db: Db, runner: ImportRunner, actor: Actor): Promise<{ items: ImportJob[] }> {
  const jobs = await repo.listJobs(db, actor.organisationId, 20);
  const lost = jobs.filter((j) => (j.status === 'validating' || j.status === 'applying') && !runner.isRunning(j.id));
  if (lost.length > 0) await runner.recover(lost);
  const fresh = lost.length > 0 ? await repo.listJobs(db, actor.organisationId, 20) : jobs;
  return { items: fresh.map((j) => presentImportJob(j, { appliedRows: runner.appliedRows(j.id) })) };
}

/** Saves the mapping and starts the dry run in the background (answer at once; the client polls). */
export async function setMapping(db: Db, runner: ImportRunner, context: Context, id: string,
  input: z.output<typeof importMappingUpdateSchema>): Promise<ImportJob> {
  const job = await owned(db, runner, context.actor, id);
  const editable = ['uploaded', 'validated', 'failed'] as const;
  if (!(editable as readonly string[]).includes(job.status) || !job.has_content) {
    throw conflict('import_not_editable', `Importen er ${statusWords[job.status]} og kan ikke ændres. Start en ny import med filen.`);
  }
  const checked = checkMapping(job.kind, job.header, input.mapping);
  if (!checked.ok) throw badRequest('mapping_invalid', checked.detail, checked.errors);
  const release = runner.reserve(job.id);
  try {
    await inTransaction(db, async (tx) => {
      const moved = await repo.transition(tx, job.id, editable, {
        status: 'validating', mapping: checked.mapping, processedRows: 0, errorRows: 0, summary: {}, failure: null, finishedAt: null,
      });
      if (!moved) throw conflict('import_not_editable', 'Importen blev ændret imens. Hent den igen.');
      await repo.deleteStagedRows(tx, job.id);
      await audit(tx, context, { action: 'import.map', entity: 'import_job', entityId: job.id, before: { mapping: job.mapping }, after: { mapping: checked.mapping } });
    });
  } catch (error) {
    release();
    throw error;
  }
  runner.startValidation({ id: job.id, kind: job.kind, organisationId: job.organisation_id, partnershipId: job.partnership_id });
  return reload(db, runner, context.actor, id);
}

export async function errors(db: Db, runner: ImportRunner, actor: Actor, id: string, page: number): Promise<ImportErrorPage> {
  const job = await owned(db, runner, actor, id);
  const { rows, total } = await repo.errorEntries(db, job.id, importErrorPageSize, (page - 1) * importErrorPageSize);
  return { items: rows.map(presentRowError), total, page, pageSize: importErrorPageSize };
}

/** A row error with where it stands in the file, so an export can go on after it. */
export type PlacedRowError = ImportRowError & { cursor: repo.ErrorCursor };

/**
 * The row errors of the actor's job, for its export: ownership is checked once, then `read` gives the errors
 * after a cursor in file order, a batch at a time. Also the file's name, which the export's name repeats.
 */
export async function errorExport(db: Db, runner: ImportRunner, actor: Actor, id: string)
  : Promise<{ fileName: string; read: (after: repo.ErrorCursor | null, limit: number) => Promise<PlacedRowError[]> }> {
  const job = await owned(db, runner, actor, id);
  return {
    fileName: job.file_name,
    read: async (after, limit) => (await repo.errorEntriesAfter(db, job.id, after, limit))
      .map((row) => ({ ...presentRowError(row), cursor: { row: row.row_number, n: row.n } })),
  };
}

/** Starts writing the valid rows (one transaction in the background); only a finished dry run can be applied. */
export async function apply(db: Db, runner: ImportRunner, context: Context, id: string): Promise<ImportJob> {
  const job = await owned(db, runner, context.actor, id);
  if (job.status !== 'validated') {
    throw conflict('import_not_validated', job.status === 'applied' || job.status === 'applying'
      ? 'Importen er allerede gennemført eller i gang.' : 'Filen skal være kontrolleret færdig, før rækkerne kan importeres.');
  }
  if ((job.summary.valid ?? 0) === 0) throw badRequest('nothing_to_import', 'Ingen rækker kan importeres: alle rækker har fejl. Ret filen, og upload den igen.');
  const release = runner.reserve(job.id);
  let claimed = false;
  try {
    claimed = await repo.transition(db, job.id, ['validated'], { status: 'applying' });
  } finally {
    if (!claimed) release();
  }
  if (!claimed) throw conflict('import_not_validated', 'Importen blev ændret imens. Hent den igen.');
  runner.startApply({ ...job, status: 'applying' }, context);
  return reload(db, runner, context.actor, id);
}

/** Throws the job away (file and staged rows); a running dry run stops after its current chunk. */
export async function discard(db: Db, runner: ImportRunner, context: Context, id: string): Promise<void> {
  const job = await owned(db, runner, context.actor, id);
  if (job.status === 'discarded') return;
  if (job.status === 'applying' || job.status === 'applied') {
    throw conflict('import_not_discardable', `Importen er ${statusWords[job.status]} og kan ikke kasseres.`);
  }
  runner.cancel(job.id);
  await inTransaction(db, async (tx) => {
    if (!await repo.transition(tx, job.id, ['uploaded', 'validating', 'validated', 'failed'], { status: 'discarded', content: null, finishedAt: new Date() })) {
      throw conflict('import_not_discardable', 'Importen blev ændret imens. Hent den igen.');
    }
    await repo.deleteStagedRows(tx, job.id);
    await audit(tx, context, { action: 'import.discard', entity: 'import_job', entityId: job.id, before: { status: job.status } });
  });
}
