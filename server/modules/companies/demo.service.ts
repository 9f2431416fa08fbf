import type { Db } from '../../db/client';
import { generateDemoCompanies } from './demo-companies';
import { demoCompaniesExist, insertDemoCompanies } from './demo.repo';

/**
 * Seeds `count` deterministic demo companies (anchors included) in one transaction.
 * Idempotent: does nothing when demo companies already exist. Returns how many were inserted.
 */
export async function seedDemoCompanies(db: Db, count: number): Promise<number> {
  if (count <= 0 || await demoCompaniesExist(db)) return 0;
  const companies = generateDemoCompanies(count);
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (let i = 0; i < companies.length; i += 1000) {
      inserted += await insertDemoCompanies(tx as unknown as Db, companies.slice(i, i + 1000));
    }
    return inserted;
  });
}
