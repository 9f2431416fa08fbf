import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PlacementStatus } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { candidateConsents, jobOrders, placements } from '../../db/schema';

// All SQL of placements (formidlinger) and consents. Reads carry the pseudonymous ref, never identity.

const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export type PlacementRecord = typeof placements.$inferSelect;
export type ConsentRecord = typeof candidateConsents.$inferSelect;

/** What proposing needs to know of a candidate: owner, state and ref. */
export interface CandidateFacts {
  id: string;
  partnership_id: string;
  organisation_id: string;
  organisation_name: string;
  ref: string;
  active: boolean;
  anonymised: boolean;
}

export async function candidateFacts(db: Db, id: string): Promise<CandidateFacts | null> {
  const [row] = await rows<CandidateFacts>(db, sql`
    select c.id, c.partnership_id, c.organisation_id, o.name as organisation_name, c.ref, c.active, c.anonymised_at is not null as anonymised
    from candidates c join organisations o on o.id = c.organisation_id where c.id = ${id}`);
  return row ?? null;
}

/** A placement with its order, company and the candidate's ref and owner. */
export interface PlacementRow {
  id: string;
  order_id: string;
  order_number: string;
  order_title: string;
  order_status: string;
  partnership_id: string;
  company_id: string;
  company_name: string;
  holding_organisation_id: string;
  candidate_id: string;
  candidate_ref: string;
  organisation_id: string;
  organisation_name: string;
  status: PlacementStatus;
  match_score: number | null;
  match_reasons: unknown;
  status_changed_at: string | Date;
  presented_at: string | Date | null;
  created_at: string | Date;
}

const selectPlacements = sql`
  select p.id, p.order_id, j.number as order_number, j.title as order_title, j.status as order_status, j.partnership_id,
    j.company_id, co.name as company_name, j.holding_organisation_id, p.candidate_id, c.ref as candidate_ref,
    p.organisation_id, o.name as organisation_name, p.status, p.match_score, p.match_reasons, p.status_changed_at, p.presented_at, p.created_at
  from placements p
    join job_orders j on j.id = p.order_id
    join companies co on co.id = j.company_id
    join candidates c on c.id = p.candidate_id
    join organisations o on o.id = p.organisation_id`;

export async function findPlacement(db: Db, id: string): Promise<PlacementRow | null> {
  const [row] = await rows<PlacementRow>(db, sql`${selectPlacements} where p.id = ${id}`);
  return row ?? null;
}

/** Every placement on an order, newest first. */
export function orderPlacements(db: Db, orderId: string): Promise<PlacementRow[]> {
  return rows(db, sql`${selectPlacements} where p.order_id = ${orderId} order by p.created_at desc, p.id`);
}

export async function getPlacementRecord(db: Db, id: string): Promise<PlacementRecord | null> {
  const [row] = await db.select().from(placements).where(eq(placements.id, id)).limit(1);
  return row ?? null;
}

export async function insertPlacement(db: Db, values: typeof placements.$inferInsert): Promise<PlacementRecord> {
  const [row] = await db.insert(placements).values(values).returning();
  return row;
}

/** Moves a placement if it still has `from` (someone else may have moved it); null when it had not. */
export async function updatePlacementStatus(db: Db, id: string, from: PlacementStatus, change: Partial<typeof placements.$inferInsert>)
  : Promise<PlacementRecord | null> {
  const [row] = await db.update(placements).set({ ...change, updatedAt: new Date() })
    .where(and(eq(placements.id, id), eq(placements.status, from))).returning();
  return row ?? null;
}

/** The order the candidate is already hired through (other than `orderId`), if any. */
export async function hiredElsewhere(db: Db, candidateId: string, orderId: string): Promise<{ orderId: string; number: string } | null> {
  const [row] = await rows<{ order_id: string; number: string }>(db, sql`
    select p.order_id, j.number from placements p join job_orders j on j.id = p.order_id
    where p.candidate_id = ${candidateId} and p.status = 'ansat' and p.order_id <> ${orderId} limit 1`);
  return row ? { orderId: row.order_id, number: row.number } : null;
}

/** Moves an order from oprettet to under_behandling (its first placement); null when it was not oprettet. */
export async function startOrderHandling(db: Db, orderId: string, at: Date): Promise<boolean> {
  const moved = await db.update(jobOrders).set({ status: 'under_behandling', statusChangedAt: at, updatedAt: at })
    .where(and(eq(jobOrders.id, orderId), eq(jobOrders.status, 'oprettet'))).returning({ id: jobOrders.id });
  return moved.length > 0;
}

/** How many candidates are hired (ansat) through an order. */
export async function hiresOnOrder(db: Db, orderId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from placements where order_id = ${orderId} and status = 'ansat'`);
  return row?.n ?? 0;
}

/** Closes an order as filled, if it is still in the status read before (false when someone else moved it). */
export async function closeOrderFilled(db: Db, orderId: string, from: string, at: Date): Promise<boolean> {
  const moved = await db.update(jobOrders).set({ status: 'afsluttet_behov_opfyldt', statusChangedAt: at, closedAt: at, updatedAt: at })
    .where(and(eq(jobOrders.id, orderId), eq(jobOrders.status, from))).returning({ id: jobOrders.id });
  return moved.length > 0;
}

// ---------------------------------------------------------------- consents

/** The consent in force for a candidate and an order (not withdrawn), newest first. */
export async function activeConsent(db: Db, candidateId: string, orderId: string): Promise<ConsentRecord | null> {
  const [row] = await db.select().from(candidateConsents)
    .where(and(eq(candidateConsents.candidateId, candidateId), eq(candidateConsents.orderId, orderId), isNull(candidateConsents.withdrawnAt)))
    .orderBy(sql`${candidateConsents.givenAt} desc, ${candidateConsents.createdAt} desc`).limit(1);
  return row ?? null;
}

/** The latest consent (in force or withdrawn) per candidate of an order. */
export async function latestConsents(db: Db, orderId: string): Promise<Map<string, ConsentRecord>> {
  const list = await db.select().from(candidateConsents).where(eq(candidateConsents.orderId, orderId))
    .orderBy(sql`${candidateConsents.givenAt} asc, ${candidateConsents.createdAt} asc`);
  const byCandidate = new Map<string, ConsentRecord>();
  // A consent in force outranks a later withdrawn one; otherwise the latest wins.
  for (const c of list) {
    const held = byCandidate.get(c.candidateId);
    if (!held || c.withdrawnAt === null || held.withdrawnAt !== null) byCandidate.set(c.candidateId, c);
  }
  return byCandidate;
}

export async function getConsent(db: Db, id: string): Promise<ConsentRecord | null> {
  const [row] = await db.select().from(candidateConsents).where(eq(candidateConsents.id, id)).limit(1);
  return row ?? null;
}

export async function insertConsent(db: Db, values: typeof candidateConsents.$inferInsert): Promise<ConsentRecord> {
  const [row] = await db.insert(candidateConsents).values(values).returning();
  return row;
}

/** Withdraws a consent still in force; null when it already was. */
export async function withdrawConsent(db: Db, id: string, userId: string, at: Date): Promise<ConsentRecord | null> {
  const [row] = await db.update(candidateConsents).set({ withdrawnAt: at, withdrawnByUserId: userId })
    .where(and(eq(candidateConsents.id, id), isNull(candidateConsents.withdrawnAt))).returning();
  return row ?? null;
}

/** The placement of a candidate on an order. */
export async function placementFor(db: Db, orderId: string, candidateId: string): Promise<PlacementRecord | null> {
  const [row] = await db.select().from(placements).where(and(eq(placements.orderId, orderId), eq(placements.candidateId, candidateId))).limit(1);
  return row ?? null;
}
