import type { z } from 'zod';
import type { ClassImportResult, ClassImportRowError, classImportSchema } from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { ProblemError } from '../../http/errors';
import { inTransaction, rows, type Context } from './db';
import { CsvFormatError } from '../../import/csv-text';
import { checkRow, duplicateKey, mapHeader, splitCsv, type ParsedClassRow } from './classes-import.rows';
import * as repo from './schools.repo';
import { sql } from 'drizzle-orm';

type ImportInput = z.output<typeof classImportSchema>;

/** The largest file in rows; a partnership's classes of one year are a few thousand at most. */
const maxRows = 20_000;

interface Checked { valid: ParsedClassRow[]; errors: ClassImportRowError[]; totalRows: number; missing: string[] }

async function check(db: Db, content: string): Promise<Checked> {
  let table: string[][];
  try {
    table = splitCsv(content);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new ProblemError(422, 'bad_csv', error.message);
    throw error;
  }
  if (table.length === 0) throw new ProblemError(422, 'empty_file', 'Filen er tom.');
  const { columns, missing } = mapHeader(table[0]);
  const data = table.slice(1);
  if (data.length > maxRows) throw new ProblemError(422, 'too_many_rows', `Filen har ${data.length} rækker; højst ${maxRows} kan indlæses ad gangen.`);
  if (missing.length > 0) return { valid: [], errors: [], totalRows: data.length, missing };
  const codes = [...new Set(data.map((r) => Number((r[columns.municipality!] ?? '').trim())).filter(Number.isInteger))];
  const known = await repo.knownMunicipalities(db, codes);
  const valid: ParsedClassRow[] = [];
  const errors: ClassImportRowError[] = [];
  const seen = new Map<string, number>();
  data.forEach((cells, i) => {
    const rowNumber = i + 2;
    const { row, errors: rowErrors } = checkRow(cells, rowNumber, columns, (code) => known.has(code));
    errors.push(...rowErrors);
    if (!row) return;
    const key = duplicateKey(row);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ rowNumber, column: 'klasse', code: 'duplicate_class', message: `Række ${rowNumber}: klassen ${row.grade}.${row.letter} på ${row.school} står også i række ${first}` });
      return;
    }
    seen.set(key, rowNumber);
    valid.push(row);
  });
  return { valid, errors, totalRows: data.length, missing };
}

/** Existing schools of the partnership by "municipality|lower-case name". */
async function schoolIndex(db: Db, partnershipId: string): Promise<Map<string, string>> {
  const list = await rows<{ id: string; name: string; municipality_code: number }>(db, sql`
    select id, name, municipality_code from schools where partnership_id = ${partnershipId}`);
  return new Map(list.map((s) => [`${s.municipality_code}|${s.name.toLowerCase()}`, s.id]));
}

async function existingClasses(db: Db, partnershipId: string, schoolYear: string): Promise<Map<string, string>> {
  const list = await rows<{ id: string; school_id: string; grade: number; letter: string }>(db, sql`
    select c.id, c.school_id, c.grade, c.letter from school_classes c join schools s on s.id = c.school_id
    where s.partnership_id = ${partnershipId} and c.school_year = ${schoolYear}`);
  return new Map(list.map((c) => [`${c.school_id}|${c.grade}|${c.letter}`, c.id]));
}

/**
 * Checks a classes CSV (dry run) or applies it in one transaction. With row errors an apply writes nothing unless
 * `skipInvalid`; with missing columns nothing is ever written. Schools not yet registered are created.
 */
export async function importClasses(db: Db, ctx: Context, input: ImportInput): Promise<ClassImportResult> {
  const checked = await check(db, input.content);
  const partnershipId = ctx.actor.partnershipId;
  const schools = await schoolIndex(db, partnershipId);
  const classes = await existingClasses(db, partnershipId, input.schoolYear);
  const newSchools = new Set(checked.valid.map((r) => `${r.municipalityCode}|${r.school.toLowerCase()}`).filter((k) => !schools.has(k)));
  const updates = checked.valid.filter((r) => {
    const schoolId = schools.get(`${r.municipalityCode}|${r.school.toLowerCase()}`);
    return schoolId !== undefined && classes.has(`${schoolId}|${r.grade}|${r.letter}`);
  }).length;
  const result: ClassImportResult = {
    dryRun: input.dryRun, applied: false, totalRows: checked.totalRows, validRows: checked.valid.length, errors: checked.errors,
    counts: { newClasses: checked.valid.length - updates, updatedClasses: updates, newSchools: newSchools.size },
    missingColumns: checked.missing,
  };
  const blocked = checked.missing.length > 0 || (checked.errors.length > 0 && !input.skipInvalid) || checked.valid.length === 0;
  if (input.dryRun || blocked) return result;
  await inTransaction(db, async (tx) => {
    for (const r of checked.valid) {
      const schoolKey = `${r.municipalityCode}|${r.school.toLowerCase()}`;
      let schoolId = schools.get(schoolKey);
      if (!schoolId) {
        const school = await repo.insertSchool(tx, { partnershipId, name: r.school, municipalityCode: r.municipalityCode, postalCode: r.postalCode });
        schoolId = school.id;
        schools.set(schoolKey, schoolId);
      } else if (r.postalCode) {
        await repo.updateSchool(tx, schoolId, { postalCode: r.postalCode });
      }
      const values = {
        pupils: r.pupils, suitableWeeks: r.weeks, themes: r.themes,
        ...(r.teacherName ? { teacherName: r.teacherName } : {}), ...(r.teacherEmail ? { teacherEmail: r.teacherEmail } : {}),
      };
      const existing = classes.get(`${schoolId}|${r.grade}|${r.letter}`);
      if (existing) await repo.updateClass(tx, existing, values);
      else await repo.insertClass(tx, { schoolId, schoolYear: input.schoolYear, grade: r.grade, letter: r.letter, ...values });
    }
    await audit(tx, ctx, {
      action: 'school_class.import', entity: 'school_class_import', entityId: null,
      after: { schoolYear: input.schoolYear, ...result.counts, skippedRows: checked.totalRows - checked.valid.length },
    });
  });
  return { ...result, applied: true };
}
