import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobOrderLog, occupations, organisations, postalCodes, productionUnits, skills, users } from '../../db/schema';

// The reference data an order points at (taxonomy, postal codes, P-units, job centres) and the log's reader.

/** Danish label when the taxonomy has one, else the preferred label. */
const danishLabel = (table: typeof occupations | typeof skills) =>
  sql<string>`coalesce(nullif(${table.labels}->'da'->>'preferred', ''), ${table.preferredLabel})`;

export interface OccupationRef { uri: string; label: string; iscoGroup: string | null }

/**
 * The occupation an order names: an exact URI (ESCO, DISCO-08, ISCO or the demo taxonomy), else a bare DISCO-08/ISCO
 * code such as "7212" looked up by scheme and code (DISCO-08 first). Null when nothing matches.
 */
export async function resolveOccupationUri(db: Db, value: string): Promise<string | null> {
  const [exact] = await db.select({ uri: occupations.uri }).from(occupations).where(eq(occupations.uri, value)).limit(1);
  if (exact) return exact.uri;
  if (!/^\d{1,6}$/.test(value)) return null;
  const [coded] = await db.select({ uri: occupations.uri }).from(occupations)
    .where(and(inArray(occupations.scheme, ['disco08', 'isco08']), eq(occupations.code, value)))
    .orderBy(sql`(${occupations.scheme} = 'disco08') desc`).limit(1);
  return coded?.uri ?? null;
}

export async function occupationRefs(db: Db, uris: readonly string[]): Promise<Map<string, OccupationRef>> {
  if (uris.length === 0) return new Map();
  const rows = await db.select({
    uri: occupations.uri, label: danishLabel(occupations), iscoGroup: occupations.iscoGroup,
  }).from(occupations).where(inArray(occupations.uri, [...new Set(uris)]));
  return new Map(rows.map((r) => [r.uri, r]));
}

export async function skillLabels(db: Db, uris: readonly string[]): Promise<Map<string, string>> {
  if (uris.length === 0) return new Map();
  const rows = await db.select({ uri: skills.uri, label: danishLabel(skills) })
    .from(skills).where(inArray(skills.uri, [...new Set(uris)]));
  return new Map(rows.map((r) => [r.uri, r.label]));
}

export async function postalCode(db: Db, code: string): Promise<{ code: string; municipalityCode: number | null } | null> {
  const [row] = await db.select({ code: postalCodes.code, municipalityCode: postalCodes.municipalityCode })
    .from(postalCodes).where(eq(postalCodes.code, code)).limit(1);
  return row ?? null;
}

export async function productionUnit(db: Db, id: string)
  : Promise<{ id: string; companyId: string | null; name: string; municipalityCode: number | null } | null> {
  const [row] = await db.select({
    id: productionUnits.id, companyId: productionUnits.companyId, name: productionUnits.name, municipalityCode: productionUnits.municipalityCode,
  })
    .from(productionUnits).where(eq(productionUnits.id, id)).limit(1);
  return row ?? null;
}

export interface Centre { id: string; name: string; municipalityCode: number | null }

/** Of the given skill URIs, those the taxonomy knows. */
export async function knownSkills(db: Db, uris: readonly string[]): Promise<Set<string>> {
  if (uris.length === 0) return new Set();
  const rows = await db.select({ uri: skills.uri }).from(skills).where(inArray(skills.uri, [...new Set(uris)]));
  return new Set(rows.map((r) => r.uri));
}

/** The partnership's active job centres in Danish name order. */
export function jobCentres(db: Db, partnershipId: string): Promise<Centre[]> {
  return db.select({ id: organisations.id, name: organisations.name, municipalityCode: organisations.municipalityCode })
    .from(organisations)
    .where(and(eq(organisations.partnershipId, partnershipId), eq(organisations.kind, 'jobcentre'), isNull(organisations.deactivatedAt)))
    .orderBy(sql`da_sort_key(${organisations.name}) collate "C"`, asc(organisations.id));
}

/** "Kasper Jobcenter (Jobcenter Kolding)": who did it, for the log's sentences. */
export async function actorLabel(db: Db, userId: string): Promise<{ name: string; organisationName: string }> {
  const [row] = await db.select({ name: users.name, organisationName: organisations.name }).from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, userId)).limit(1);
  return row ?? { name: 'Ukendt bruger', organisationName: 'ukendt organisation' };
}

export interface LogRow {
  id: string; at: Date; kind: string; fromStatus: string | null; toStatus: string | null;
  userName: string | null; organisationName: string | null; text: string;
}

/** An order's log, oldest first. */
export function orderLog(db: Db, orderId: string): Promise<LogRow[]> {
  return db.select({
    id: jobOrderLog.id, at: jobOrderLog.at, kind: jobOrderLog.kind, fromStatus: jobOrderLog.fromStatus, toStatus: jobOrderLog.toStatus,
    userName: users.name, organisationName: organisations.name, text: jobOrderLog.text,
  }).from(jobOrderLog)
    .leftJoin(users, eq(users.id, jobOrderLog.userId))
    .leftJoin(organisations, eq(organisations.id, jobOrderLog.organisationId))
    .where(eq(jobOrderLog.orderId, orderId))
    .orderBy(asc(jobOrderLog.at), asc(jobOrderLog.id));
}
