import { and, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { closedOrderStatuses, type OrderStatus } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { companies, jobOrders, municipalities, organisations, placements } from '../../db/schema';
import type { JobOrderRow } from './orders.lookup';

export type JobOrderInsert = typeof jobOrders.$inferInsert;

/** An order with the names its views show: company, holding centre, workplace municipality. */
export interface OrderView {
  order: JobOrderRow;
  companyName: string;
  companyCvr: string | null;
  holdingName: string;
  municipalityName: string | null;
}

const viewColumns = {
  order: jobOrders,
  companyName: companies.name,
  companyCvr: companies.cvr,
  holdingName: organisations.name,
  municipalityName: municipalities.name,
};

const selectViews = (db: Db) => db.select(viewColumns).from(jobOrders)
  .innerJoin(companies, eq(companies.id, jobOrders.companyId))
  .innerJoin(organisations, eq(organisations.id, jobOrders.holdingOrganisationId))
  .leftJoin(municipalities, eq(municipalities.code, jobOrders.workplaceMunicipalityCode));

export async function findOrderView(db: Db, id: string): Promise<OrderView | null> {
  const [row] = await selectViews(db).where(eq(jobOrders.id, id)).limit(1);
  return row ?? null;
}

export interface OrderFilter {
  partnershipId: string;
  /** Company users: always their own company. */
  companyId?: string;
  /** `open`: every status that is not closed (drafts included); `closed`: the three closing statuses. */
  status: OrderStatus | 'open' | 'closed' | 'all';
  q?: string;
  holdingOrganisationId?: string;
  municipality?: number;
  jobType?: string;
}

function filterCondition(f: OrderFilter): SQL | undefined {
  const status = f.status === 'open' ? notInArray(jobOrders.status, [...closedOrderStatuses])
    : f.status === 'closed' ? inArray(jobOrders.status, [...closedOrderStatuses])
      : f.status === 'all' ? undefined : eq(jobOrders.status, f.status);
  return and(
    eq(jobOrders.partnershipId, f.partnershipId),
    f.companyId ? eq(jobOrders.companyId, f.companyId) : undefined,
    status,
    f.holdingOrganisationId ? eq(jobOrders.holdingOrganisationId, f.holdingOrganisationId) : undefined,
    f.municipality !== undefined ? eq(jobOrders.workplaceMunicipalityCode, f.municipality) : undefined,
    f.jobType ? eq(jobOrders.jobType, f.jobType) : undefined,
    f.q ? sql`strpos(samspil_search_norm(${jobOrders.title} || ' ' || ${jobOrders.number} || ' ' || ${companies.name}), samspil_search_norm(${f.q}::text)) > 0` : undefined,
  );
}

/** The newest orders first; `total` counts every match. */
export async function listOrderViews(db: Db, f: OrderFilter, limit: number, offset: number): Promise<{ rows: OrderView[]; total: number }> {
  const where = filterCondition(f);
  const rows = await selectViews(db).where(where).orderBy(desc(jobOrders.createdAt), desc(jobOrders.id)).limit(limit).offset(offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(jobOrders)
    .innerJoin(companies, eq(companies.id, jobOrders.companyId)).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Placements per order and status (every centre's). */
export async function placementCounts(db: Db, orderIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (orderIds.length === 0) return counts;
  const rows = await db.select({ orderId: placements.orderId, status: placements.status, n: sql<number>`count(*)::int` })
    .from(placements).where(inArray(placements.orderId, [...orderIds])).groupBy(placements.orderId, placements.status);
  for (const r of rows) counts.set(r.orderId, { ...(counts.get(r.orderId) ?? {}), [r.status]: Number(r.n) });
  return counts;
}

/** The next order number: JO-<year>-<five digits> from the installation's sequence. */
export async function nextOrderNumber(db: Db, year: string): Promise<string> {
  const result = await db.execute(sql`select nextval('job_order_number_seq')::text as n`);
  const [row] = (result as unknown as { rows: { n: string }[] }).rows;
  return `JO-${year}-${row.n.padStart(5, '0')}`;
}

export async function insertOrder(db: Db, values: JobOrderInsert): Promise<JobOrderRow> {
  const [row] = await db.insert(jobOrders).values(values).returning();
  return row;
}

export async function updateOrder(db: Db, id: string, changes: Partial<JobOrderInsert>): Promise<JobOrderRow> {
  const [row] = await db.update(jobOrders).set({ ...changes, updatedAt: new Date() }).where(eq(jobOrders.id, id)).returning();
  return row;
}

/** Moves an order from `from`; null when it is no longer in `from` (someone else moved it meanwhile). */
export async function moveOrder(db: Db, id: string, from: OrderStatus, changes: Partial<JobOrderInsert>): Promise<JobOrderRow | null> {
  const [row] = await db.update(jobOrders).set({ ...changes, updatedAt: new Date() })
    .where(and(eq(jobOrders.id, id), eq(jobOrders.status, from))).returning();
  return row ?? null;
}
