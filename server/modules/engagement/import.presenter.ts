import type { InteractionChannel, InteractionPurpose } from '../../../common/engagement';
import type { ImportJob, ImportRowError, ImportSampleRow } from '../../../common/engagement-import';
import { isoTimestamp } from './dates';
import type { ErrorEntryRow, ImportJobRow, SampleRow } from './import.repo';

const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** A job as its organisation sees it; `extra` carries what only some states have (preview, sample, live progress). */
export function presentImportJob(row: ImportJobRow, extra: {
  preview?: string[][] | null; sample?: ImportSampleRow[] | null; appliedRows?: number | null;
} = {}): ImportJob {
  const s = row.summary;
  const validated = 'valid' in s;
  const applied = 'inserted' in s;
  return {
    id: row.id, kind: row.kind, status: row.status, fileName: row.file_name, delimiter: row.delimiter, header: row.header,
    mapping: row.mapping, totalRows: row.total_rows, processedRows: row.processed_rows, errorRows: row.error_rows,
    counts: validated ? { valid: count(s.valid), new: count(s.new), updates: count(s.updates) } : null,
    appliedRows: extra.appliedRows ?? null,
    result: applied ? { inserted: count(s.inserted), updated: count(s.updated), skipped: count(s.skipped), tasksCreated: count(s.tasksCreated) } : null,
    failure: row.failure, preview: extra.preview ?? null, sample: extra.sample ?? null,
    user: { id: row.user_id, name: row.user_name },
    createdAt: isoTimestamp(row.created_at), updatedAt: isoTimestamp(row.updated_at),
    finishedAt: row.finished_at ? isoTimestamp(row.finished_at) : null,
  };
}

export function presentRowError(row: ErrorEntryRow): ImportRowError {
  return {
    rowNumber: row.row_number, column: row.error.column ?? null, code: row.error.code, message: row.error.message,
    params: row.error.params ?? {},
  };
}

/** A valid staged row, with the importing user as author when the file names none. */
export function presentSampleRow(row: SampleRow, importerName: string): ImportSampleRow {
  const r = row.record;
  const text = (key: string) => (typeof r[key] === 'string' ? r[key] as string : undefined);
  return {
    rowNumber: row.row_number, companyName: row.company_name, externalRef: text('externalRef') ?? null, update: row.is_update,
    ...('date' in r ? {
      date: text('date'), channel: text('channel') as InteractionChannel, purpose: text('purpose') as InteractionPurpose,
      confidential: r.confidential === true, authorName: row.author_name ?? importerName,
    } : {}),
    ...('name' in r ? { name: text('name'), email: text('email') ?? null } : {}),
  };
}
