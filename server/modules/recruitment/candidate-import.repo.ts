import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { candidateImports, candidates, organisations } from '../../db/schema';
import type { CandidateInsert } from './candidates.repo';

export type CandidateImportRecord = typeof candidateImports.$inferSelect & { partnershipId: string };
export type CandidateImportInsert = typeof candidateImports.$inferInsert;

export async function insertImport(db: Db, values: CandidateImportInsert): Promise<string> {
  const [row] = await db.insert(candidateImports).values(values).returning({ id: candidateImports.id });
  return row.id;
}

/** An import of the partnership (through its organisation), or null. */
export async function findImport(db: Db, partnershipId: string, id: string): Promise<CandidateImportRecord | null> {
  const [row] = await db.select({ imp: candidateImports, partnershipId: organisations.partnershipId }).from(candidateImports)
    .innerJoin(organisations, eq(organisations.id, candidateImports.organisationId))
    .where(and(eq(candidateImports.id, id), eq(organisations.partnershipId, partnershipId))).limit(1);
  return row ? { ...row.imp, partnershipId: row.partnershipId } : null;
}

/** Moves a validated import to applied (clearing its payload); false when another request got there first. */
export async function markApplied(db: Db, id: string, errors: unknown): Promise<boolean> {
  const rows = await db.update(candidateImports).set({ status: 'applied', payload: null, errors, appliedAt: new Date() })
    .where(and(eq(candidateImports.id, id), eq(candidateImports.status, 'validated'))).returning({ id: candidateImports.id });
  return rows.length === 1;
}

/** The columns an import row may set on an existing candidate (the ref and ownership never change). */
export type ImportColumn = Exclude<keyof CandidateInsert, 'id' | 'partnershipId' | 'organisationId' | 'ref' | 'createdAt' | 'anonymisedAt'>;

const columnSql: Record<ImportColumn, string> = {
  externalRef: 'external_ref', name: 'name', email: 'email', phone: 'phone', cprEncrypted: 'cpr_encrypted', cprHash: 'cpr_hash',
  cvText: 'cv_text', occupations: 'occupations', skills: 'skills', certificates: 'certificates', educationLevel: 'education_level',
  languages: 'languages', postalCode: 'postal_code', maxCommuteKm: 'max_commute_km', availableFrom: 'available_from',
  hoursPerWeek: 'hours_per_week', targetGroup: 'target_group', active: 'active', lastActivityAt: 'last_activity_at', updatedAt: 'updated_at',
};

/**
 * Inserts or updates the rows on (organisation_id, external_ref): an update changes only `set` (the fields the file
 * has a column for) and keeps the candidate's ref. Returns the ids in row order.
 */
export async function upsertCandidates(db: Db, rows: CandidateInsert[], set: ImportColumn[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const updates = Object.fromEntries(set.map((c) => [c, sql.raw(`excluded.${columnSql[c]}`)]));
  const result = await db.insert(candidates).values(rows)
    .onConflictDoUpdate({ target: [candidates.organisationId, candidates.externalRef], set: updates })
    .returning({ id: candidates.id });
  return result.map((r) => r.id);
}
