import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db';
import { seedDemoCompanies } from './demo.service';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => database?.drop());

const count = async (q: ReturnType<typeof sql>) => Number((await database.db.execute(q) as unknown as { rows: { n: string | number }[] }).rows[0].n);

describe('seedDemoCompanies', () => {
  it('inserts the demo companies quickly, and only once', async () => {
    const started = Date.now();
    expect(await seedDemoCompanies(database.db, 3000)).toBe(3000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await count(sql`select count(*) as n from companies where is_demo and source = 'demo'`)).toBe(3000);
    expect(await count(sql`select count(*) as n from production_units where is_demo and company_id is not null`)).toBeGreaterThan(2);
    expect(await seedDemoCompanies(database.db, 3000)).toBe(0);
    expect(await count(sql`select count(*) as n from companies`)).toBe(3000);
  });
});
