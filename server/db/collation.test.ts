import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daSortKey } from '../../common/text';
import { createTestDatabase, testEngine, type TestDatabase } from './test-db';

const names = [
  'Åbenrå Smed', 'Zebra ApS', 'Aalborg Stål', 'Øster Plast', 'Ærø Maskiner', 'abe', 'Abe', 'Vejle Plast',
  'ærlig Bager', 'Éclair', 'Müller & Co', 'Ødis', 'Åkirkeby', 'Aarhus Tømrer', '3D Print ApS', 'Bæk & Co',
  'Bøgh', 'Baa', 'ØSTERGAARD', 'Ängel', 'Öberg', 'Saab Service', 'Straße Čapek', 'Ñandú Çelik', 'ÉCOLE Ørsted',
];

describe(`Danish sort order in SQL (${testEngine})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('da_sort_key() in SQL equals daSortKey() in TypeScript for every name', async () => {
    const result = await database.db.execute<{ name: string; key: string }>(
      sql`select n as name, da_sort_key(n) as key from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) as n`,
    );
    for (const row of result.rows) expect(row.key).toBe(daSortKey(row.name));
  });

  it('orders names Danish-style with COLLATE "C", independent of the database locale', async () => {
    const result = await database.db.execute<{ name: string }>(
      sql`select n as name from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) as n order by da_sort_key(n) collate "C", n collate "C"`,
    );
    const ordered = result.rows.map((r) => r.name);
    expect(ordered.indexOf('Zebra ApS')).toBeLessThan(ordered.indexOf('Ærø Maskiner'));
    expect(ordered.indexOf('Ærø Maskiner')).toBeLessThan(ordered.indexOf('Øster Plast'));
    expect(ordered.indexOf('Øster Plast')).toBeLessThan(ordered.indexOf('Åbenrå Smed'));
    expect(ordered.indexOf('Åbenrå Smed')).toBeLessThan(ordered.indexOf('Aalborg Stål'));
    expect(ordered.indexOf('Aarhus Tømrer')).toBeGreaterThan(ordered.indexOf('Åkirkeby'));
    expect(ordered.indexOf('Baa')).toBeGreaterThan(ordered.indexOf('Bøgh'));
    expect(ordered[0]).toBe('3D Print ApS');
    expect(ordered.slice(-1)[0]).toBe('Aarhus Tømrer');
  });

  it('keeps the generated company sort key and search name in step with the name', async () => {
    await database.db.execute(sql`insert into companies (name) values ('Søndergård Æbler A/S')`);
    const result = await database.db.execute<{ sort_key: string; name_tokens: string[] }>(
      sql`select sort_key, name_tokens from companies where name = 'Søndergård Æbler A/S'`,
    );
    expect(result.rows[0].sort_key).toBe(daSortKey('Søndergård Æbler A/S'));
    expect(result.rows[0].name_tokens).toEqual(['sondergard', 'aebler', 'a', 's']);
  });

  it('refuses to change or remove audit entries', async () => {
    await database.db.execute(sql`insert into audit_log (action, entity) values ('test.write', 'test')`);
    await expect(database.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const count = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(count.rows[0].n).toBe(1);
  });
});
