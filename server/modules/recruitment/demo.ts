import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { seedDemoCandidates } from './candidates.demo';
import { seedDemoOrders } from './orders.demo';

/** The demo partnership's recruitment: a company user, job orders, candidates at two job centres (idempotent). */
export async function seedDemoRecruitment(db: Db, env: Env): Promise<void> {
  await seedDemoOrders(db);
  await seedDemoCandidates(db, env);
}
