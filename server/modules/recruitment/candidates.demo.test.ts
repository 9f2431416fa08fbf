import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cprSchema } from '../../../common/recruitment';
import { testEngine } from '../../db/test-db';
import { loadEnv } from '../../env';
import { createTestApp, type TestApp } from '../../test/helpers';
import { seedDemoPartnership } from '../identity';
import { seedReferenceData } from '../reference';
import { testCprKey } from './candidate-test-fixtures';
import { demoCandidates, seedDemoCandidates } from './candidates.demo';
import { decryptCpr, deriveCprKeys } from './cpr';

let t: TestApp;
const env = loadEnv({ NODE_ENV: 'test', SAMSPIL_CPR_KEY: testCprKey });

beforeAll(async () => {
  t = await createTestApp({ SAMSPIL_CPR_KEY: testCprKey });
  await seedReferenceData(t.db);
  await seedDemoPartnership(t.db);
});
afterAll(async () => t?.close());

describe(`demo candidates (${testEngine})`, () => {
  it('uses valid fictitious CPR numbers and the demo taxonomy only', async () => {
    const list = demoCandidates();
    expect(list.length).toBeGreaterThanOrEqual(40);
    for (const d of list) if (d.values.cprEncrypted) expect(cprSchema.safeParse(d.values.cprEncrypted).success).toBe(true);
    const uris = [...new Set(list.flatMap((d) => [...(d.values.occupations ?? []), ...(d.values.skills ?? [])]))];
    const known = (await t.db.execute(sql`select uri from occupations union select uri from skills`)).rows.map((r) => r.uri);
    expect(uris.filter((u) => !known.includes(u))).toEqual([]);
  });

  it('seeds ~40 candidates over the demo job centres, idempotently, with one person at two centres', async () => {
    await seedDemoCandidates(t.db, env);
    await seedDemoCandidates(t.db, env);
    const rows = (await t.db.execute(sql`select o.name as centre, c.cpr_hash, c.cpr_encrypted, c.ref from candidates c join organisations o on o.id = c.organisation_id`)).rows as
      { centre: string; cpr_hash: string | null; cpr_encrypted: string | null; ref: string }[];
    expect(rows).toHaveLength(demoCandidates().length);
    expect(new Set(rows.map((r) => r.centre)).size).toBe(7);
    expect(rows.filter((r) => r.centre === 'Jobcenter Kolding').length).toBeGreaterThan(10);
    const byHash = new Map<string, string[]>();
    for (const r of rows) if (r.cpr_hash) byHash.set(r.cpr_hash, [...(byHash.get(r.cpr_hash) ?? []), r.centre]);
    const shared = [...byHash.values()].filter((centres) => centres.length > 1);
    expect(shared).toEqual([['Jobcenter Kolding', 'Jobcenter Vejle'].sort()].map((c) => expect.arrayContaining(c)));
    const keys = deriveCprKeys(Buffer.from(testCprKey, 'base64'));
    expect(rows.filter((r) => r.cpr_encrypted).map((r) => decryptCpr(keys, r.cpr_encrypted as string))).toContain('1212880042');
  });
});
