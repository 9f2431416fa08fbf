import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobOrders } from '../../db/schema';

export type JobOrderRow = typeof jobOrders.$inferSelect;

/** One order row by id (no scoping: callers ask the policy with its partnership, holder and company). */
export async function findOrderRow(db: Db, id: string): Promise<JobOrderRow | null> {
  const [row] = await db.select().from(jobOrders).where(eq(jobOrders.id, id)).limit(1);
  return row ?? null;
}

/** The policy resource of an order: its partnership, holding centre and company. */
export const orderResource = (order: JobOrderRow) => ({
  partnershipId: order.partnershipId, organisationId: order.holdingOrganisationId, companyId: order.companyId,
});
