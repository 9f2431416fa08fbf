import type { ImportErrorCode, ImportField, ImportKind, ImportMapping } from '../../../common/engagement-import';
import { fieldLabels } from './import-mapping';
import {
  fail, parseBoolean, parseChannel, parseCvr, parseDate, parseEmail, parsePNumber, parsePurpose, parseText, parseThemes,
  type Parsed,
} from './import-values';

/*
 * One row of the file → the normalised record to upsert, or its row-level errors (Danish, at the file's own
 * column names). Two steps, so a chunk's companies, users and earlier imports are looked up set-based in between:
 * readRow (values only) and resolveRow (with the chunk's lookups). Pure: no I/O.
 */

export interface RowError {
  /** The file's column, or null for the row as a whole. */
  column: string | null;
  code: ImportErrorCode;
  message: string;
  params: Record<string, string>;
}

export interface DraftRow {
  rowNumber: number;
  record: Record<string, unknown>;
  cvr: string | null;
  pNumber: string | null;
  consultantEmail: string | null;
  externalRef: string | null;
  errors: RowError[];
}

export interface StagedRow {
  rowNumber: number;
  companyId: string | null;
  /** The record to write; null when the row has errors. */
  record: Record<string, unknown> | null;
  errors: RowError[] | null;
  /** A valid row that updates an earlier import (same external id). */
  update: boolean;
}

export interface ChunkLookups {
  companiesByCvr: ReadonlyMap<string, string>;
  unitsByPNumber: ReadonlyMap<string, { id: string; companyId: string | null }>;
  usersByEmail: ReadonlyMap<string, string>;
  /** External ids already in Samspil for this organisation (interactions) or partnership (contacts). */
  existingRefs: ReadonlyMap<string, { deleted: boolean }>;
  /** External ids seen earlier in this file → their row; shared by all chunks of one job. */
  seenRefs: Map<string, number>;
  organisationName: string;
}

const textLimits: Partial<Record<ImportField, number>> = { notes: 20_000, name: 200, title: 200, phone: 50, role: 200, externalRef: 200 };
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** Column index of each mapped field in the header. */
export function columnIndexes(mapping: ImportMapping, header: readonly string[]): Partial<Record<ImportField, number>> {
  const result: Partial<Record<ImportField, number>> = {};
  for (const [field, column] of Object.entries(mapping) as [ImportField, string][]) result[field] = header.indexOf(column);
  return result;
}

/** Step 1: every mapped cell parsed on its own. */
export function readRow(kind: ImportKind, spec: {
  mapping: ImportMapping; indexes: Partial<Record<ImportField, number>>; headerLength: number; today: string; required: readonly ImportField[];
}, rowNumber: number, fields: readonly string[]): DraftRow {
  const errors: RowError[] = [];
  const record: Record<string, unknown> = {};
  const cell = (field: ImportField) => {
    const index = spec.indexes[field];
    return index === undefined || index < 0 ? undefined : (fields[index] ?? '').trim();
  };
  const take = <T>(field: ImportField, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    errors.push({ column: spec.mapping[field] ?? null, code: parsed.code, message: parsed.message, params: parsed.params });
    return undefined;
  };
  if (fields.length > spec.headerLength && fields.slice(spec.headerLength).some((f) => f.trim() !== '')) {
    errors.push({ column: null, code: 'extra_fields', params: { fields: String(fields.length), columns: String(spec.headerLength) },
      message: `Rækken har ${fields.length} felter, men filen har ${spec.headerLength} kolonner. Tjek skilletegn og anførselstegn i rækken.` });
  }
  for (const field of spec.required) {
    if (cell(field) === '') {
      errors.push({ column: spec.mapping[field] ?? null, code: 'required', params: { field: fieldLabels[field] }, message: `${fieldLabels[field]} skal udfyldes.` });
    }
  }
  const value = (field: ImportField) => {
    const v = cell(field);
    return v === undefined || v === '' ? undefined : v;
  };
  const cvrText = value('cvr');
  const pText = value('pNumber');
  const cvr = cvrText !== undefined ? take('cvr', parseCvr(cvrText)) ?? null : null;
  const pNumber = pText !== undefined ? take('pNumber', parsePNumber(pText)) ?? null : null;
  if (cvrText === undefined && pText === undefined) {
    errors.push({ column: spec.mapping.cvr ?? spec.mapping.pNumber ?? null, code: 'missing_company', params: {}, message: 'Rækken mangler CVR-nummer eller P-nummer.' });
  }
  const externalRef = value('externalRef') !== undefined ? take('externalRef', parseText(value('externalRef') as string, textLimits.externalRef as number)) ?? null : null;
  record.externalRef = externalRef;
  let consultantEmail: string | null = null;
  const text = (field: ImportField) => {
    if (cell(field) === undefined) return;
    const v = value(field);
    record[field] = v === undefined ? null : take(field, parseText(v, textLimits[field] ?? 200)) ?? null;
  };
  if (kind === 'interactions') {
    const dateText = value('date');
    const date = dateText !== undefined ? take('date', parseDate(dateText)) : undefined;
    if (date && date > spec.today) {
      errors.push({ column: spec.mapping.date ?? null, code: 'date_in_future', params: { date: dmy(date) },
        message: `Datoen ${dmy(date)} ligger i fremtiden. En kontakt, der har fundet sted, kan ikke have en senere dato end i dag.` });
    }
    record.date = date;
    if (value('channel') !== undefined) record.channel = take('channel', parseChannel(value('channel') as string));
    if (value('purpose') !== undefined) record.purpose = take('purpose', parsePurpose(value('purpose') as string));
    if (cell('themes') !== undefined) record.themes = take('themes', parseThemes(cell('themes') as string)) ?? [];
    if (cell('notes') !== undefined) record.notes = take('notes', parseText(cell('notes') as string, textLimits.notes as number)) ?? '';
    if (cell('participants') !== undefined) record.participants = participants(cell('participants') as string, take, 'participants');
    if (cell('confidential') !== undefined) record.confidential = take('confidential', parseBoolean(cell('confidential') as string)) ?? false;
    if (cell('followUpDate') !== undefined) {
      const followText = value('followUpDate');
      const follow = followText !== undefined ? take('followUpDate', parseDate(followText)) ?? null : null;
      if (follow && date && follow < date) {
        errors.push({ column: spec.mapping.followUpDate ?? null, code: 'follow_up_before_date', params: { date: dmy(follow) },
          message: `Opfølgningsdatoen ${dmy(follow)} ligger før kontaktens dato.` });
      }
      record.followUpDate = follow;
    }
    if (value('consultantEmail') !== undefined) consultantEmail = take('consultantEmail', parseEmail(value('consultantEmail') as string)) ?? null;
  } else {
    text('name');
    for (const field of ['title', 'phone', 'role'] as const) text(field);
    if (cell('email') !== undefined) {
      record.email = value('email') !== undefined ? take('email', parseEmail(value('email') as string)) ?? null : null;
    }
  }
  return { rowNumber, record, cvr, pNumber, consultantEmail, externalRef, errors };
}

/** Free-text participant names ("Anne Hansen, Bo Berg"), as interactions store them. */
function participants(raw: string, take: <T>(field: ImportField, parsed: Parsed<T>) => T | undefined, field: ImportField) {
  const names = raw.split(/[,;|]/).map((n) => n.trim()).filter(Boolean);
  if (names.some((n) => n.length > 200)) {
    take(field, fail('too_long', 'Et deltagernavn er for langt (højst 200 tegn).', { max: '200' }));
    return [];
  }
  return names.slice(0, 50).map((name) => ({ contactId: null, name }));
}

/** Step 2: the company, the consultant and the external id checked against the chunk's lookups. */
export function resolveRow(kind: ImportKind, draft: DraftRow, mapping: ImportMapping, lookups: ChunkLookups): StagedRow {
  const errors = [...draft.errors];
  const add = (field: ImportField | null, code: ImportErrorCode, message: string, params: Record<string, string>) =>
    errors.push({ column: field ? mapping[field] ?? null : null, code, message, params });
  let companyId: string | null = null;
  if (draft.cvr) {
    companyId = lookups.companiesByCvr.get(draft.cvr) ?? null;
    if (!companyId) add('cvr', 'unknown_cvr', `Ingen virksomhed med CVR-nummer ${draft.cvr} i Samspil. Ret nummeret, eller opret virksomheden først.`, { cvr: draft.cvr });
  }
  let unitId: string | null = null;
  if (draft.pNumber) {
    const unit = lookups.unitsByPNumber.get(draft.pNumber);
    if (!unit?.companyId) {
      add('pNumber', 'unknown_p_number', `Ingen produktionsenhed med P-nummer ${draft.pNumber} i Samspil.`, { pNumber: draft.pNumber });
    } else if (draft.cvr && companyId && unit.companyId !== companyId) {
      add('pNumber', 'p_number_other_company', `P-nummeret ${draft.pNumber} hører ikke til virksomheden med CVR-nummer ${draft.cvr}.`, { pNumber: draft.pNumber, cvr: draft.cvr });
    } else {
      unitId = unit.id;
      if (!draft.cvr) companyId = unit.companyId;
    }
  }
  const record: Record<string, unknown> = { ...draft.record };
  if (kind === 'contacts' && mapping.pNumber) record.productionUnitId = unitId;
  if (draft.consultantEmail) {
    const authorId = lookups.usersByEmail.get(draft.consultantEmail);
    if (authorId) record.authorId = authorId;
    else add('consultantEmail', 'unknown_consultant', `Ingen bruger i ${lookups.organisationName} har e-mailen ${draft.consultantEmail}.`, { email: draft.consultantEmail });
  }
  let update = false;
  const ref = draft.externalRef;
  if (ref) {
    const earlier = lookups.seenRefs.get(ref);
    if (earlier !== undefined) {
      add('externalRef', 'duplicate_ref', `Ekstern id «${ref}» står også i række ${earlier}; hver række skal have sit eget id.`, { ref, row: String(earlier) });
    } else {
      lookups.seenRefs.set(ref, draft.rowNumber);
    }
    const existing = lookups.existingRefs.get(ref);
    if (existing?.deleted) {
      add('externalRef', 'deleted_ref', `Kontakten med ekstern id «${ref}» er slettet i Samspil og importeres ikke igen.`, { ref });
    }
    update = Boolean(existing && !existing.deleted);
  }
  if (errors.length > 0) return { rowNumber: draft.rowNumber, companyId, record: null, errors, update: false };
  return { rowNumber: draft.rowNumber, companyId, record, errors: null, update };
}
