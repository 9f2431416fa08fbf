import { and, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { candidates, occupations, organisations, postalCodes, skills } from '../../db/schema';

export type CandidateRecord = typeof candidates.$inferSelect;
export type CandidateInsert = typeof candidates.$inferInsert;
/** A candidate with its owning centre's name. */
export type CandidateRow = CandidateRecord & { organisationName: string };

const selectRow = {
  id: candidates.id, partnershipId: candidates.partnershipId, organisationId: candidates.organisationId, ref: candidates.ref,
  externalRef: candidates.externalRef, name: candidates.name, email: candidates.email, phone: candidates.phone,
  cprEncrypted: candidates.cprEncrypted, cprHash: candidates.cprHash, cvText: candidates.cvText, occupations: candidates.occupations,
  skills: candidates.skills, certificates: candidates.certificates, educationLevel: candidates.educationLevel,
  languages: candidates.languages, postalCode: candidates.postalCode, maxCommuteKm: candidates.maxCommuteKm,
  availableFrom: candidates.availableFrom, hoursPerWeek: candidates.hoursPerWeek, targetGroup: candidates.targetGroup,
  active: candidates.active, lastActivityAt: candidates.lastActivityAt, anonymisedAt: candidates.anonymisedAt,
  createdAt: candidates.createdAt, updatedAt: candidates.updatedAt, organisationName: organisations.name,
};

export interface OrganisationRef { id: string; name: string; kind: string; partnershipId: string }

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRef | null> {
  const [row] = await db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, partnershipId: organisations.partnershipId })
    .from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}

/** A candidate of the partnership, or null (another partnership's candidates do not exist for the caller). */
export async function findCandidate(db: Db, partnershipId: string, id: string): Promise<CandidateRow | null> {
  const [row] = await db.select(selectRow).from(candidates).innerJoin(organisations, eq(organisations.id, candidates.organisationId))
    .where(and(eq(candidates.id, id), eq(candidates.partnershipId, partnershipId))).limit(1);
  return row ?? null;
}

/** Another candidate of the same centre with this CPR hash (the same person registered twice), or null. */
export async function findByCprHash(db: Db, organisationId: string, cprHash: string, exceptId?: string): Promise<{ id: string; ref: string } | null> {
  const [row] = await db.select({ id: candidates.id, ref: candidates.ref }).from(candidates)
    .where(and(eq(candidates.organisationId, organisationId), eq(candidates.cprHash, cprHash), exceptId ? ne(candidates.id, exceptId) : undefined))
    .limit(1);
  return row ?? null;
}

/** The centre's candidates with these CPR hashes (hash → id and external ref). */
export async function candidatesByCprHashes(db: Db, organisationId: string, hashes: string[]): Promise<Map<string, { id: string; externalRef: string | null }>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.select({ id: candidates.id, hash: candidates.cprHash, externalRef: candidates.externalRef }).from(candidates)
    .where(and(eq(candidates.organisationId, organisationId), inArray(candidates.cprHash, hashes)));
  return new Map(rows.map((r) => [r.hash as string, { id: r.id, externalRef: r.externalRef }]));
}

/** The centre's candidates with these external refs (external ref → id). */
export async function candidatesByExternalRefs(db: Db, organisationId: string, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await db.select({ id: candidates.id, externalRef: candidates.externalRef }).from(candidates)
    .where(and(eq(candidates.organisationId, organisationId), inArray(candidates.externalRef, refs)));
  return new Map(rows.map((r) => [r.externalRef as string, r.id]));
}

export async function takenRefs(db: Db, refs: string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db.select({ ref: candidates.ref }).from(candidates).where(inArray(candidates.ref, refs));
  return new Set(rows.map((r) => r.ref));
}

export async function insertCandidates(db: Db, values: CandidateInsert[]): Promise<{ id: string; ref: string }[]> {
  if (values.length === 0) return [];
  return db.insert(candidates).values(values).returning({ id: candidates.id, ref: candidates.ref });
}

export async function updateCandidate(db: Db, id: string, values: Partial<CandidateInsert>): Promise<void> {
  await db.update(candidates).set({ ...values, updatedAt: new Date() }).where(eq(candidates.id, id));
}

export interface CandidateFilter {
  partnershipId: string;
  /** Only this centre's candidates (scope=own); null for every centre. */
  organisationId: string | null;
  active: 'true' | 'false' | 'all';
  q?: string;
  /** Whether `q` may match names and the centre's own ids (own scope only) or only the pseudonymous ref. */
  searchIdentity: boolean;
}

function conditions(f: CandidateFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(candidates.partnershipId, f.partnershipId)];
  if (f.organisationId) parts.push(eq(candidates.organisationId, f.organisationId));
  if (f.active !== 'all') parts.push(eq(candidates.active, f.active === 'true'));
  if (f.q) {
    const q = f.q.trim();
    const byRef = sql`upper(${candidates.ref}) = upper(${q})`;
    parts.push(f.searchIdentity
      ? sql`(${byRef} or strpos(samspil_search_norm(coalesce(${candidates.name}, '')), samspil_search_norm(${q})) > 0 or ${candidates.externalRef} = ${q})`
      : byRef);
  }
  return and(...parts);
}

/** A page of candidates: own scope in Danish name order, all centres by ref. */
export async function listCandidates(db: Db, f: CandidateFilter, limit: number, offset: number): Promise<{ rows: CandidateRow[]; total: number }> {
  const where = conditions(f);
  const order = f.organisationId
    ? [sql`da_sort_key(coalesce(${candidates.name}, '')) collate "C"`, candidates.ref]
    : [candidates.ref];
  const [rows, [{ total }]] = await Promise.all([
    db.select(selectRow).from(candidates).innerJoin(organisations, eq(organisations.id, candidates.organisationId))
      .where(where).orderBy(...order).limit(limit).offset(offset),
    db.select({ total: count() }).from(candidates).where(where),
  ]);
  return { rows, total: Number(total) };
}

/** Labels of the occupations that exist among `uris` (uri → label). */
export async function occupationLabels(db: Db, uris: string[]): Promise<Map<string, string>> {
  if (uris.length === 0) return new Map();
  const rows = await db.select({ uri: occupations.uri, label: occupations.preferredLabel }).from(occupations).where(inArray(occupations.uri, uris));
  return new Map(rows.map((r) => [r.uri, r.label]));
}

/** Labels of the skills that exist among `uris` (uri → label). */
export async function skillLabels(db: Db, uris: string[]): Promise<Map<string, string>> {
  if (uris.length === 0) return new Map();
  const rows = await db.select({ uri: skills.uri, label: skills.preferredLabel }).from(skills).where(inArray(skills.uri, uris));
  return new Map(rows.map((r) => [r.uri, r.label]));
}

/** Town names of the postal codes that exist among `codes` (code → name). */
export async function postalNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: postalCodes.code, name: postalCodes.name }).from(postalCodes).where(inArray(postalCodes.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Whether postal codes have been imported at all (before that, a 4-digit code cannot be checked). */
