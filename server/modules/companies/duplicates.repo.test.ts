import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies } from '../../db/schema';
import { createTestDatabase, testEngine, type TestDatabase } from '../../db/test-db';
import { companyPairs, companyPairsQuery, type CompanyPairRow } from './duplicates.repo';

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] }

let database: TestDatabase;
const ids: Record<string, string> = {};
const spec = { partnershipId: '00000000-0000-4000-8000-000000000001', limit: 100, offset: 0 };

async function company(key: string, values: Partial<typeof companies.$inferInsert> & { name: string }): Promise<void> {
  const [row] = await database.db.insert(companies).values({ source: values.cvr ? 'cvr' : 'manual', ...values }).returning();
  ids[key] = row.id;
}

const pairOf = (pairs: CompanyPairRow[], x: string, y: string) =>
  pairs.filter((p) => [p.a_id, p.b_id].sort().join() === [ids[x], ids[y]].sort().join());

beforeAll(async () => {
  database = await createTestDatabase();
  await company('alfa', { cvr: '13748136', name: 'Alfa Stål A/S', postalCode: '6000' });
  await company('alfaHand', { name: 'Alfa Stål', postalCode: '6000' });
  await company('alfaElsewhere', { name: 'Alfa Stål', postalCode: '8000' });
  await company('blank1', { name: 'Gamma Consult', postalCode: '7000', street: '', phone: 'ukendt', email: '' });
  await company('blank2', { name: 'Delta Handel', postalCode: '7000', street: '', phone: 'ukendt', email: '' });
  await company('twin1', { name: 'Kolding Smede', postalCode: '6000', phone: '75 50 12 12' });
  await company('twin2', { name: 'Kolding Smedie', postalCode: '6000', phone: '+4575501212' });
  await company('epsilon', { cvr: '25313763', name: 'Epsilon Maskiner A/S', email: 'post@epsilon.dk' });
  await company('epsilonHand', { name: 'Epsilon Maskiner', email: 'POST@epsilon.dk' });
});
afterAll(async () => database?.drop());

describe(`duplicate pairs by key (${testEngine})`, () => {
  it('pairs names by postal code and name word, blank fields never, two hand-created companies once', async () => {
    const pairs = await companyPairs(database.db, spec);
    expect(pairOf(pairs, 'alfa', 'alfaHand')).toMatchObject([{ similarity: 1, same_address: false, same_phone: false, same_email: false }]);
    // The same name in another postal code, and nothing else in common.
    expect(pairOf(pairs, 'alfa', 'alfaElsewhere')).toEqual([]);
    // Empty street and e-mail, a phone without digits: nothing to compare.
    expect(pairOf(pairs, 'blank1', 'blank2')).toEqual([]);
    const twins = pairOf(pairs, 'twin1', 'twin2');
    expect(twins).toHaveLength(1);
    expect(twins[0]).toMatchObject({ same_phone: true, same_address: false });
    expect(twins[0].similarity).toBeGreaterThanOrEqual(0.5);
    // Without a postal code names are not compared; the e-mail (case folded) still pairs them.
    expect(pairOf(pairs, 'epsilon', 'epsilonHand')).toMatchObject([{ same_email: true, similarity: 1 }]);
    expect(pairs.every((p) => p.total === pairs.length)).toBe(true);
  });

  it('finds its candidates by probing the key indexes', async () => {
    const plan = await database.db.transaction(async (tx) => {
      // A table this small is cheaper to scan; the point here is that each probe CAN look its key up.
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(sql`explain (format json) ${companyPairsQuery(spec)}`);
      const cell = Object.values((result as unknown as { rows: Record<string, unknown>[] }).rows[0])[0];
      return (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
    });
    const probes = new Map<string, string>();
    const walk = (node: PlanNode) => {
      if (node['Index Name'] && node['Index Cond']) probes.set(node['Index Name'], node['Index Cond']);
      expect(node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'companies').toBe(false);
      node.Plans?.forEach(walk);
    };
    walk(plan[0].Plan);
    expect(probes.get('companies_duplicate_words_idx')).toMatch(/samspil_duplicate_word_keys\(.*&&/);
    expect(probes.get('companies_duplicate_address_idx')).toMatch(/btrim\(street\)\)+ = /);
    expect(probes.get('companies_duplicate_phone_idx')).toMatch(/regexp_replace.*=/);
    expect(probes.get('companies_duplicate_email_idx')).toMatch(/btrim\(email\)\)+ = /);
  });
});
