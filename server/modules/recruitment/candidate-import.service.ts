import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { parseCsv } from '../../import/csv';
import { can, type Actor } from '../../policy';
import { codeMessages, loadCodeBook } from './candidate-codes';
import { decodeFile, detectDelimiter } from '../../import/csv-text';
import * as importRepo from './candidate-import.repo';
import { fieldNames, mapHeader, rowInput, validateRow, type ImportField } from './candidate-import.rows';
import { newRefs } from './candidate-ref';
import { candidatesChanged } from './candidates.events';
import { candidatesByCprHashes, candidatesByExternalRefs, type CandidateInsert } from './candidates.repo';
import type { CandidateImport, CandidateImportError } from '../../../common/recruitment-candidates';
import { inTransaction, type Context } from './candidates.service';
import { encryptCpr, hashCpr, type CprKeys } from './cpr';

/*
 * CSV import of a job centre's candidate export: upload = a dry run that validates every row (nothing but the import
 * record is written; the valid rows wait in its payload with CPR already encrypted), apply = every valid row in ONE
 * transaction, upserted on the centre's own id. A file with errors is applied only when the caller says skipInvalid.
 */

export const maxImportRows = 20_000;

/** A validated row waiting for apply: the candidate's columns, CPR encrypted and hashed. */
interface StagedRow { row: number; values: Omit<CandidateInsert, 'partnershipId' | 'organisationId' | 'ref'> }
interface Payload { fields: ImportField[]; rows: StagedRow[] }
/** What the `errors` column keeps: the row errors, the recognised columns and, after apply, the counts. */
interface ImportReport { rows: CandidateImportError[]; columns: Record<string, string>; created?: number; updated?: number }

function present(record: importRepo.CandidateImportRecord): CandidateImport {
  const report = (record.errors ?? { rows: [], columns: {} }) as ImportReport;
  return {
    id: record.id, fileName: record.fileName, status: record.status as CandidateImport['status'], rowCount: record.rowCount,
    validRows: record.validRows, errorRows: record.rowCount - record.validRows, errors: report.rows, columns: report.columns,
    createdAt: record.createdAt.toISOString(), appliedAt: record.appliedAt?.toISOString() ?? null,
    created: report.created ?? null, updated: report.updated ?? null,
  };
}

async function ownedImport(db: Db, actor: Actor, id: string): Promise<importRepo.CandidateImportRecord> {
  const record = await importRepo.findImport(db, actor.partnershipId, id);
  if (!record) throw notFound('Importen findes ikke.');
  if (!can(actor, 'candidate.import', { partnershipId: record.partnershipId, organisationId: record.organisationId })) {
    throw forbidden('Importen tilhører et andet jobcenter.');
  }
  return record;
}

export async function get(db: Db, actor: Actor, id: string): Promise<CandidateImport> {
  return present(await ownedImport(db, actor, id));
}

interface Parsed { header: string[]; records: { row: number; fields: string[]; problem?: string }[] }

async function readFile(file: Buffer | string): Promise<Parsed> {
  const text = typeof file === 'string' ? file.replace(/^\uFEFF/, '') : decodeFile(file).text;
  if (text.trim() === '') throw badRequest('empty_file', 'Filen er tom.');
  if (text.includes('\u0000')) throw badRequest('not_csv', 'Filen ser ikke ud til at være en CSV-fil. Gem den som CSV fra fagsystemet eller regnearket.');
  let header: string[] | null = null;
  const records: Parsed['records'] = [];
  for await (const record of parseCsv([text], { delimiter: detectDelimiter(text) })) {
    if (!header) { header = record.fields; continue; }
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (records.length >= maxImportRows) throw badRequest('too_many_rows', `Filen har mere end ${maxImportRows.toLocaleString('da-DK')} rækker. Del den op.`);
    const problem = record.error ?? (record.fields.length !== header.length ? `Rækken har ${record.fields.length} felter, men overskriften har ${header.length}.` : undefined);
    records.push({ row: record.line, fields: record.fields, ...(problem ? { problem } : {}) });
  }
  if (!header) throw badRequest('empty_file', 'Filen er tom.');
  if (records.length === 0) throw badRequest('no_rows', 'Filen har overskrifter, men ingen rækker at importere.');
  return { header, records };
}

/** Reads and validates the file (dry run) and keeps the valid rows for apply. */
export async function upload(db: Db, keys: CprKeys, context: Context, fileName: string, file: Buffer | string): Promise<CandidateImport> {
  const { actor } = context;
  const { header, records } = await readFile(file);
  const mapped = mapHeader(header);
  if (mapped.missing.length) {
    throw badRequest('missing_columns', `Filen mangler kolonnen/kolonnerne ${mapped.missing.map((f) => fieldNames[f]).join(', ')}. `
      + 'Kolonner der kendes: id;navn;cpr;email;telefon;erhverv;kompetencer;certifikater;uddannelse;sprog;postnummer;maks_km;ledig_fra;timer;målgruppe.');
  }
  const errors: CandidateImportError[] = [];
  const fail = (row: number, field: ImportField | null, message: string) => errors.push({ row, column: field ? fieldNames[field] : null, message });
  const candidates: { row: number; value: NonNullable<ReturnType<typeof validateRow>['value']> }[] = [];
  for (const record of records) {
    if (record.problem) { fail(record.row, null, record.problem); continue; }
    const { input, errors: cellErrors } = rowInput(record.fields, mapped.fields);
    const { value, errors: schemaErrors } = validateRow(input);
    for (const e of [...cellErrors, ...schemaErrors]) fail(record.row, e.field, e.message);
    if (value && cellErrors.length === 0) candidates.push({ row: record.row, value });
  }
  const codes = await loadCodeBook(db, {
    occupations: candidates.flatMap((c) => c.value.occupations), skills: candidates.flatMap((c) => c.value.skills),
    postalCodes: candidates.map((c) => c.value.postalCode),
  });
  const hashes = new Map(candidates.flatMap((c) => (c.value.cpr ? [[c.row, hashCpr(keys, c.value.cpr)] as const] : [])));
  const existingByHash = await candidatesByCprHashes(db, actor.organisationId, [...new Set(hashes.values())]);
  const seenIds = new Map<string, number>();
  const seenHashes = new Map<string, number>();
  const staged: StagedRow[] = [];
  for (const { row, value } of candidates) {
    const before = errors.length;
    const unknownOccupations = value.occupations.filter((t) => !codes.occupation(t));
    if (unknownOccupations.length) fail(row, 'occupations', codeMessages.occupation(unknownOccupations));
    const unknownSkills = value.skills.filter((s) => !codes.skill(s));
    if (unknownSkills.length) fail(row, 'skills', codeMessages.skill(unknownSkills));
    if (!codes.postalCode(value.postalCode)) fail(row, 'postalCode', codeMessages.postalCode(value.postalCode));
    const externalRef = value.externalRef ?? '';
    if (!externalRef) fail(row, 'externalRef', 'Rækken mangler kandidatens id fra jobcentrets system.');
    else if (seenIds.has(externalRef)) fail(row, 'externalRef', `Id ${externalRef} står også i række ${seenIds.get(externalRef)}.`);
    else seenIds.set(externalRef, row);
    const hash = hashes.get(row);
    if (hash) {
      if (seenHashes.has(hash)) fail(row, 'cpr', `Samme CPR-nummer står også i række ${seenHashes.get(hash)}.`);
      else seenHashes.set(hash, row);
      const existing = existingByHash.get(hash);
      if (existing && existing.externalRef !== externalRef) {
        fail(row, 'cpr', `Personen er allerede registreret hos jobcentret under et andet id (${existing.externalRef ?? 'uden id'}).`);
      }
    }
    if (errors.length > before) continue;
    staged.push({
      row,
      values: {
        externalRef, name: value.name, email: value.email ?? null, phone: value.phone ?? null, cvText: value.cvText ?? null,
        cprEncrypted: value.cpr ? encryptCpr(keys, value.cpr) : null, cprHash: hash ?? null,
        occupations: value.occupations.map((t) => codes.occupation(t) as string), skills: [...new Set(value.skills)],
        certificates: value.certificates, educationLevel: value.educationLevel ?? null, languages: value.languages,
        postalCode: value.postalCode, maxCommuteKm: value.maxCommuteKm, availableFrom: value.availableFrom ?? null,
        hoursPerWeek: value.hoursPerWeek ?? null, targetGroup: value.targetGroup ?? null,
      },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const payload: Payload = { fields: [...mapped.fields.keys()], rows: staged };
  const report: ImportReport = { rows: errors, columns: mapped.columns };
  const id = await inTransaction(db, async (tx) => {
    const importId = await importRepo.insertImport(tx, {
      organisationId: actor.organisationId, userId: actor.id, fileName, status: 'validated', rowCount: records.length,
      validRows: staged.length, errors: report, payload,
    });
    await audit(tx, context, {
      action: 'candidate.import_upload', entity: 'candidate_import', entityId: importId,
      after: { fileName, rows: records.length, valid: staged.length, columns: Object.keys(mapped.columns), ignoredColumns: mapped.unknown },
    });
    return importId;
  });
  return get(db, actor, id);
}

/** Which candidate columns an update from this file may change: those the file has a column for, and the activity stamp. */
function updatableColumns(fields: ImportField[]): importRepo.ImportColumn[] {
  const columns = new Set<importRepo.ImportColumn>(['active', 'lastActivityAt', 'updatedAt']);
  for (const f of fields) {
    if (f === 'cpr') { columns.add('cprEncrypted'); columns.add('cprHash'); } else columns.add(f);
  }
  return [...columns];
}

/** Writes the valid rows in one transaction (new candidates and updates of the centre's own by id). */
export async function apply(db: Db, context: Context, id: string, skipInvalid: boolean): Promise<CandidateImport> {
  const { actor } = context;
  const record = await ownedImport(db, actor, id);
  if (record.status !== 'validated') throw conflict('import_applied', 'Importen er allerede gennemført.');
  const errorRows = record.rowCount - record.validRows;
  if (errorRows > 0 && !skipInvalid) {
    throw conflict('import_has_errors', `${errorRows} ${errorRows === 1 ? 'række har' : 'rækker har'} fejl, så intet er importeret. `
      + 'Ret filen og upload den igen, eller importér kun de gyldige rækker (skipInvalid=true).');
  }
  const payload = record.payload as Payload;
  if (payload.rows.length === 0) throw badRequest('nothing_to_import', 'Ingen rækker kan importeres: alle rækker har fejl. Ret filen, og upload den igen.');
  const now = new Date();
  const result = await inTransaction(db, async (tx) => {
    const existing = await candidatesByExternalRefs(tx, record.organisationId, payload.rows.map((r) => r.values.externalRef as string));
    const refs = await newRefs(tx, payload.rows.length);
    // Another candidate of the centre may have been given one of the file's CPR numbers since the dry run.
    const byHash = await candidatesByCprHashes(tx, record.organisationId, payload.rows.flatMap((r) => (r.values.cprHash ? [r.values.cprHash] : [])));
    const clash = payload.rows.find((r) => {
      const holder = r.values.cprHash ? byHash.get(r.values.cprHash) : undefined;
      return holder !== undefined && holder.externalRef !== r.values.externalRef;
    });
    if (clash) throw conflict('duplicate_candidate', `Række ${clash.row}: personen er registreret hos jobcentret under et andet id siden kontrollen. Upload filen igen.`);
    // Every row carries a fresh ref; an update keeps the candidate's own (the upsert does not set it).
    const rows: CandidateInsert[] = payload.rows.map((r, i) => ({
      ...r.values, partnershipId: record.partnershipId, organisationId: record.organisationId, ref: refs[i],
      active: true, lastActivityAt: now, updatedAt: now,
    }));
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 500) ids.push(...await importRepo.upsertCandidates(tx, rows.slice(i, i + 500), updatableColumns(payload.fields)));
    const counts = { created: rows.length - existing.size, updated: existing.size };
    if (!await importRepo.markApplied(tx, record.id, { ...(record.errors as ImportReport), ...counts })) {
      throw conflict('import_applied', 'Importen er allerede gennemført.');
    }
    await audit(tx, context, {
      action: 'candidate.import', entity: 'candidate_import', entityId: record.id,
      after: { fileName: record.fileName, ...counts, skipped: errorRows },
    });
    return ids;
  });
  candidatesChanged(record.partnershipId, result);
  return get(db, actor, id);
}
