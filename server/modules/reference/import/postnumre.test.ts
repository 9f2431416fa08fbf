import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns, postalCodes } from '../../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../../db/test-db';
import { seedReferenceData } from '../seed';
import { importPostnumre } from './postnumre';
import { dataFile, hasSharedData, noDataMessage, tempDir } from './test-data';

describe.skipIf(!hasSharedData)(`postnumre import ${hasSharedData ? '' : noDataMessage}`, () => {
  let database: TestDatabase;
  const tmp = tempDir();
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.db);
  });
  afterAll(async () => {
    tmp.remove();
    await database?.drop();
  });

  it('imports every postal code of the official file (1125, SOURCES.md), idempotently', async () => {
    const seen: number[] = [];
    const report = await importPostnumre(database.db, dataFile('dk_postnumre.csv'), { progress: (done) => seen.push(done) });
    expect(report).toMatchObject({ kind: 'postnumre', read: 1125, written: 1125, rejected: 0 });
    expect(seen.at(-1)).toBe(fs.statSync(dataFile('dk_postnumre.csv')).size);
    expect(await database.db.$count(postalCodes)).toBe(1125);
    const [vejle] = await database.db.select().from(postalCodes).where(eq(postalCodes.code, '7100'));
    expect(vejle).toMatchObject({ name: 'Vejle', municipalityCode: 630 });
    expect(vejle.lat).toBeGreaterThan(55);
    // Gudhjem also lists Ertholmene (411), which is no municipality.
    const [gudhjem] = await database.db.select().from(postalCodes).where(eq(postalCodes.code, '3760'));
    expect(gudhjem.municipalityCodes).toEqual([400]);

    const again = await importPostnumre(database.db, dataFile('dk_postnumre.csv'), {});
    expect(again).toMatchObject({ read: 1125, written: 1125, rejected: 0 });
    expect(await database.db.$count(postalCodes)).toBe(1125);
    const runs = await database.db.select().from(importRuns).where(eq(importRuns.kind, 'postnumre'));
    expect(runs.map((r) => [r.status, r.read, r.written])).toEqual([['completed', 1125, 1125], ['completed', 1125, 1125]]);
  });

  it('writes nothing on a dry run', async () => {
    const file = path.join(tmp.dir, 'dry.csv');
    fs.writeFileSync(file, 'postnr,navn,stormodtager,lat,lon,kommunekode_primaer,kommunekoder_postnord\n7100,Vejle Ændret,,55.7,9.5,630,630\n9999,Nyby,,55.7,9.5,630,630\n');
    const runsBefore = await database.db.$count(importRuns);
    const report = await importPostnumre(database.db, file, { dryRun: true });
    expect(report).toMatchObject({ read: 2, written: 0, rejected: 0 });
    expect(await database.db.$count(postalCodes, eq(postalCodes.code, '9999'))).toBe(0);
    const [vejle] = await database.db.select().from(postalCodes).where(eq(postalCodes.code, '7100'));
    expect(vejle.name).toBe('Vejle');
    expect(await database.db.$count(importRuns)).toBe(runsBefore);
  });

  it('reports a broken file record by record and writes only its good records', async () => {
    const file = path.join(tmp.dir, 'broken.csv');
    fs.writeFileSync(file, [
      'postnr,navn,stormodtager,lat,lon,kommunekode_primaer,kommunekoder_postnord',
      '0001,Godby,,55.7,9.5,630,630',
      'abc,Dårlig,,55.7,9.5,630,630',
      '0002,Ukendt kommune,,55.7,9.5,999,999',
      '0003,Forkert antal felter',
      '0001,Dublet,,55.7,9.5,630,630',
      '0004,"Afbrudt',
      '',
    ].join('\n'));
    const before = await database.db.$count(postalCodes);
    const report = await importPostnumre(database.db, file, {});
    expect(report.read).toBe(6);
    expect(report.written).toBe(1);
    expect(report.rejections.map((r) => r.position)).toEqual([3, 4, 5, 6, 7]);
    expect(report.rejections[0].reason).toMatch(/fire cifre/);
    expect(report.rejections[1].reason).toMatch(/kendt kommune/);
    expect(report.rejections[2].reason).toMatch(/felter/);
    expect(report.rejections[3].reason).toMatch(/linje 2/);
    expect(report.rejections[4].reason).toMatch(/linje 7/);
    expect(await database.db.$count(postalCodes)).toBe(before + 1);
    const [run] = await database.db.select().from(importRuns).where(eq(importRuns.source, file));
    expect(run).toMatchObject({ status: 'completed_with_rejections', read: 6, written: 1, rejected: 5 });
  });
});
