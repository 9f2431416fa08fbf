import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportKind, ImportStatus } from '../../../common/engagement-import';
import type { Db } from '../../db/client';
import { importJobs } from '../../db/schema';
import type { StagedRow } from './import-rows';
import { queryRows } from './query.repo';

/** SQL of import jobs and their staged rows (the dry run). Applying lives in import-apply.repo.ts. */

export type ImportJobInsert = typeof importJobs.$inferInsert;

export interface ImportJobRow {
  id: string;
  organisation_id: string;
  partnership_id: string;
  user_id: string;
  user_name: string;
  kind: ImportKind;
  status: ImportStatus;
  file_name: string;
  delimiter: string;
  header: string[];
  mapping: Record<string, string>;
  total_rows: number;
  processed_rows: number;
  error_rows: number;
  summary: Record<string, number>;
  failure: string | null;
  has_content: boolean;
  stale: boolean;
  created_at: string | Date;
  updated_at: string | Date;
  finished_at: string | Date | null;
}

/** `stale`: no sign of life for a while (a crashed or stopped server leaves a job like that). */
const selectJobs = sql`
  select j.id, j.organisation_id, o.partnership_id, j.user_id, u.name as user_name, j.kind, j.status, j.file_name, j.delimiter,
    j.header, j.mapping, j.total_rows, j.processed_rows, j.error_rows, j.summary, j.failure, j.content is not null as has_content,
    j.updated_at < now() - (case when j.status = 'applying' then interval '15 minutes' else interval '2 minutes' end) as stale,
    j.created_at, j.updated_at, j.finished_at
  from import_jobs j join organisations o on o.id = j.organisation_id join users u on u.id = j.user_id`;

export async function insertJob(db: Db, values: ImportJobInsert): Promise<string> {
  const [row] = await db.insert(importJobs).values(values).returning({ id: importJobs.id });
  return row.id;
}

/** A job of the partnership (the caller checks the organisation through the policy). */
export async function findJob(db: Db, partnershipId: string, id: string): Promise<ImportJobRow | null> {
  const [row] = await queryRows<ImportJobRow>(db, sql`${selectJobs} where j.id = ${id} and o.partnership_id = ${partnershipId}`);
  return row ?? null;
}

/** The organisation's latest jobs, newest first. */
export function listJobs(db: Db, organisationId: string, limit: number): Promise<ImportJobRow[]> {
  return queryRows<ImportJobRow>(db, sql`${selectJobs} where j.organisation_id = ${organisationId}
    and j.status <> 'discarded' order by j.created_at desc, j.id desc limit ${limit}`);
}

/** Jobs that claim to be running: candidates for recovery after a crash. */
export function runningJobs(db: Db): Promise<ImportJobRow[]> {
  return queryRows<ImportJobRow>(db, sql`${selectJobs} where j.status in ('validating', 'applying')`);
}

export async function jobContent(db: Db, id: string): Promise<string | null> {
  const [row] = await queryRows<{ content: string | null }>(db, sql`select content from import_jobs where id = ${id}`);
  return row?.content ?? null;
}

/** The start of the file, for a preview while mapping (the whole file may be tens of megabytes). */
export async function jobContentStart(db: Db, id: string, chars: number): Promise<string | null> {
  const [row] = await queryRows<{ head: string | null }>(db, sql`select left(content, ${chars}) as head from import_jobs where id = ${id}`);
  return row?.head ?? null;
}

/**
 * Moves a job from one of `from` to another status in one statement, so two requests (or a request and the
 * background runner) can never both win. Returns false when the job was not in `from`.
 */
export async function transition(db: Db, id: string, from: readonly ImportStatus[], values: Partial<ImportJobInsert>): Promise<boolean> {
  const rows = await db.update(importJobs).set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, [...from]))).returning({ id: importJobs.id });
  return rows.length > 0;
}

export async function deleteStagedRows(db: Db, jobId: string): Promise<void> {
  await db.execute(sql`delete from import_job_rows where job_id = ${jobId}`);
}

export async function organisationName(db: Db, organisationId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`select name from organisations where id = ${organisationId}`);
  return row?.name ?? 'organisationen';
}

// ---------------------------------------------------------------- set-based lookups for one chunk

const jsonList = (values: readonly string[]) => JSON.stringify([...new Set(values)]);

export async function companiesByCvr(db: Db, cvrs: readonly string[]): Promise<Map<string, string>> {
  if (cvrs.length === 0) return new Map();
  const rows = await queryRows<{ cvr: string; id: string }>(db, sql`select cvr, id from companies
    where cvr in (select jsonb_array_elements_text(${jsonList(cvrs)}::jsonb))`);
  return new Map(rows.map((r) => [r.cvr, r.id]));
}

export async function unitsByPNumber(db: Db, pNumbers: readonly string[]): Promise<Map<string, { id: string; companyId: string | null }>> {
  if (pNumbers.length === 0) return new Map();
  const rows = await queryRows<{ p_number: string; id: string; company_id: string | null }>(db, sql`select p_number, id, company_id
    from production_units where p_number in (select jsonb_array_elements_text(${jsonList(pNumbers)}::jsonb))`);
  return new Map(rows.map((r) => [r.p_number, { id: r.id, companyId: r.company_id }]));
}

/** Every user of the organisation by lower-case e-mail (deactivated ones too: they authored the history). */
export async function organisationUsersByEmail(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ email: string; id: string }>(db, sql`select lower(email::text) as email, id from users
    where organisation_id = ${organisationId}`);
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** External ids already imported: interactions per organisation, contacts per partnership. */
export async function existingRefs(db: Db, kind: ImportKind, scope: { organisationId: string; partnershipId: string }, refs: readonly string[])
  : Promise<Map<string, { deleted: boolean }>> {
  if (refs.length === 0) return new Map();
  const list = sql`(select jsonb_array_elements_text(${jsonList(refs)}::jsonb))`;
  const rows = await queryRows<{ ref: string; deleted: boolean }>(db, kind === 'interactions'
    ? sql`select external_ref as ref, deleted_at is not null as deleted from interactions
        where organisation_id = ${scope.organisationId} and external_ref in ${list}`
    : sql`select external_ref as ref, false as deleted from company_contacts
        where partnership_id = ${scope.partnershipId} and external_ref in ${list}`);
  return new Map(rows.map((r) => [r.ref, { deleted: r.deleted }]));
}

/** One chunk of staged rows in one statement. */
export async function insertStagedRows(db: Db, jobId: string, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((r) => ({ row_number: r.rowNumber, company_id: r.companyId, record: r.record, errors: r.errors })));
  await db.execute(sql`insert into import_job_rows (job_id, row_number, company_id, record, errors)
    select ${jobId}, r.row_number, r.company_id, r.record, r.errors
    from jsonb_to_recordset(${payload}::jsonb) as r(row_number int, company_id uuid, record jsonb, errors jsonb)`);
}

/** The progress of a running dry run; false when the job is no longer validating (discarded meanwhile). */
export async function recordProgress(db: Db, jobId: string, processedRows: number, errorRows: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`update import_jobs set processed_rows = ${processedRows}, error_rows = ${errorRows},
    updated_at = now() where id = ${jobId} and status = 'validating' returning id`);
  return rows.length > 0;
}

// ---------------------------------------------------------------- the preview

export interface ErrorEntryRow {
  row_number: number;
  error: { column: string | null; code: string; message: string; params?: Record<string, string> };
}

/** Row errors one by one, in file order. */
export async function errorEntries(db: Db, jobId: string, limit: number, offset: number): Promise<{ rows: ErrorEntryRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    queryRows<ErrorEntryRow>(db, sql`select r.row_number, e.value as error
      from import_job_rows r cross join lateral jsonb_array_elements(r.errors) with ordinality as e(value, n)
      where r.job_id = ${jobId} and r.errors is not null
      order by r.row_number, e.n limit ${limit} offset ${offset}`),
    queryRows<{ n: number }>(db, sql`select coalesce(sum(jsonb_array_length(errors)), 0)::int as n
      from import_job_rows where job_id = ${jobId} and errors is not null`),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** Where an export of row errors goes on: the last error written (its row and its place among the row's errors). */
export interface ErrorCursor { row: number; n: number }

/**
 * Row errors in file order after `after`, by keyset on (row, n): each batch starts from the job's primary key at
 * that row instead of expanding every earlier row's errors again, so an export of 100,000 errors stays linear.
 */
export function errorEntriesAfter(db: Db, jobId: string, after: ErrorCursor | null, limit: number): Promise<(ErrorEntryRow & { n: number })[]> {
  return queryRows<ErrorEntryRow & { n: number }>(db, sql`select r.row_number, e.value as error, e.n::int as n
    from import_job_rows r cross join lateral jsonb_array_elements(r.errors) with ordinality as e(value, n)
    where r.job_id = ${jobId} and r.errors is not null
      ${after ? sql`and r.row_number >= ${after.row}::int and (r.row_number, e.n) > (${after.row}::int, ${after.n}::bigint)` : sql``}
    order by r.row_number, e.n limit ${limit}`);
}

export interface SampleRow {
  row_number: number;
  company_name: string;
  record: Record<string, unknown>;
  author_name: string | null;
  is_update: boolean;
}

/** The first valid rows with their company, and whether each updates an earlier import. */
export function sampleRows(db: Db, job: { id: string; kind: ImportKind; organisation_id: string; partnership_id: string }, limit: number): Promise<SampleRow[]> {
  const existing = job.kind === 'interactions'
    ? sql`exists (select 1 from interactions i where i.organisation_id = ${job.organisation_id} and i.external_ref = r.record->>'externalRef' and i.deleted_at is null)`
    : sql`exists (select 1 from company_contacts k where k.partnership_id = ${job.partnership_id} and k.external_ref = r.record->>'externalRef')`;
  return queryRows<SampleRow>(db, sql`select r.row_number, c.name as company_name, r.record, u.name as author_name, ${existing} as is_update
    from import_job_rows r join companies c on c.id = r.company_id left join users u on u.id = (r.record->>'authorId')::uuid
    where r.job_id = ${job.id} and r.errors is null order by r.row_number limit ${limit}`);
}
