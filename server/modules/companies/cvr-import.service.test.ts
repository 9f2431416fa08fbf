import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db';
import { ImportFormatError } from '../../import/report';
import { importCvr } from './cvr-import.service';

const samples = path.resolve(__dirname, '../../../../shared/data/cvr');
const present = fs.existsSync(samples);
if (!present) console.warn(`[companies] ${samples} findes ikke: importtest med rigtige CVR-filer springes over.`);

let database: TestDatabase;
let tmp: string;
beforeAll(async () => {
  database = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-cvr-'));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const rows = async <T>(q: ReturnType<typeof sql>) => (await database.db.execute(q) as unknown as { rows: T[] }).rows;
const counts = async () => (await rows<{ c: string | number; p: string | number; r: string | number }>(sql`
  select (select count(*) from companies) as c, (select count(*) from production_units) as p,
    (select count(*) from import_runs) as r`)).map((x) => ({ c: Number(x.c), p: Number(x.p), r: Number(x.r) }))[0];

const company = (cvr: number, name: string) => ({ Vrvirksomhed: { cvrNummer: cvr, navne: [{ navn: name, periode: { gyldigFra: '2020-01-01', gyldigTil: null } }], penheder: [] } });
function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('CVR import', () => {
  it('a first load into an empty register gets all its indexes back after the bulk load', async () => {
    const indexes = async () => (await rows<{ indexname: string }>(sql`
      select indexname from pg_indexes where tablename = 'companies' order by indexname`)).map((r) => r.indexname);
    const before = await indexes();
    expect(before).toContain('companies_name_tokens_idx');
    const lines = [company(25052943, 'Første Indlæsning ApS'), company(10150817, 'Anden Linje A/S')].map((c) => JSON.stringify(c));
    const report = await importCvr(database.db, write('first.jsonl', `${lines.join('\n')}\n`), {});
    expect(report.written).toBe(2);
    expect(await indexes()).toEqual(before);
    const found = await rows<{ name: string }>(sql`select name from companies where name_tokens && '{indlaesning}'::text[]`);
    expect(found.map((r) => r.name)).toEqual(['Første Indlæsning ApS']);
    await database.db.execute(sql`delete from production_units`);
    await database.db.execute(sql`delete from companies`);
    await database.db.execute(sql`delete from import_runs`);
  });

  it.skipIf(!present)('imports the envelope sample, links P-units, and a re-run updates without duplicates', async () => {
    const file = path.join(samples, 'sample_search_response.json');
    const first = await importCvr(database.db, file, {});
    expect(first).toMatchObject({ read: 10, written: 10, rejected: 0 });
    const afterFirst = await counts();
    expect(afterFirst.c).toBe(10);
    const units = await rows<{ n: string | number }>(sql`select count(*) as n from production_units p join companies c on c.id = p.company_id where c.cvr = '10150817'`);
    expect(Number(units[0].n)).toBe(11);
    const progress: number[] = [];
    await importCvr(database.db, file, { progress: (done) => progress.push(done) });
    expect(progress[progress.length - 1]).toBe(fs.statSync(file).size);
    const again = await counts();
    expect(again.c).toBe(afterFirst.c);
    expect(again.p).toBe(afterFirst.p);
    expect(again.r).toBe(afterFirst.r + 1);
    const units2 = await importCvr(database.db, path.join(samples, 'magenta_plugin-cvr_unit.json'), {});
    expect(units2.written).toBe(10);
    const ceased = await rows<{ status: string; end_date: unknown }>(sql`select status, end_date from production_units where p_number = '1021686405'`);
    expect(ceased[0].status).toBe('ceased');
  });

  it('imports JSON lines, rejecting a bad CVR and a truncated last line with their line numbers', async () => {
    const before = await counts();
    const lines = [
      JSON.stringify(company(13748136, 'Linje Et ApS')),
      JSON.stringify({ _source: company(10150817, 'Erhvervsstyrelsen') }),
      JSON.stringify(company(13748137, 'Forkert CVR ApS')),
      '',
      JSON.stringify(company(25052943, 'MAGENTA ApS')).slice(0, 40),
    ];
    const report = await importCvr(database.db, write('lines.jsonl', lines.join('\n')), {});
    expect(report.read).toBe(4);
    expect(report.written).toBe(2);
    expect(report.rejections.map((r) => r.position)).toEqual([3, 5]);
    expect(report.rejections[0]).toMatchObject({ key: '13748137' });
    const named = await rows<{ name: string }>(sql`select name from companies where cvr = '13748136'`);
    expect(named[0].name).toBe('Linje Et ApS');
    expect((await counts()).c).toBe(before.c + (present ? 1 : 2));
  });

  it('rejects a bad hit in an envelope by its index and imports the rest', async () => {
    const envelope = { hits: { hits: [{ _source: company(29000009, 'Uden gyldig') }, { _source: company(12345674, 'Gyldig Hit ApS') }] } };
    const report = await importCvr(database.db, write('env.json', JSON.stringify(envelope, null, 2)), {});
    expect(report.rejections).toEqual([expect.objectContaining({ position: 1 })]);
    expect(report.written).toBe(1);
  });

  it('writes nothing from a truncated envelope and says where it broke', async () => {
    const before = await counts();
    const text = JSON.stringify({ hits: { hits: [{ _source: company(31000004, 'Aldrig ApS') }] } }, null, 2);
    await expect(importCvr(database.db, write('broken.json', text.slice(0, text.length - 30)), {})).rejects.toThrow(ImportFormatError);
    await expect(importCvr(database.db, write('broken.json', text.slice(0, text.length - 30)), {})).rejects.toThrow(/linje \d+|afkortet/);
    expect(await counts()).toEqual(before);
  });

  it('a dry run validates and reports but writes nothing', async () => {
    const before = await counts();
    const report = await importCvr(database.db, write('dry.jsonl', `${JSON.stringify(company(31000009, 'Prøve ApS'))}\n`), { dryRun: true });
    expect(report).toMatchObject({ read: 1, written: 1, rejected: 0 });
    expect(await counts()).toEqual(before);
  });
});
