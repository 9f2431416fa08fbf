import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns, industryCodes } from '../../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../../db/test-db';
import { seedReferenceData } from '../seed';
import { importDb07, sentenceCase } from './db07';
import { dataFile, hasSharedData, noDataMessage, tempDir } from './test-data';

const code = (c: string) => and(eq(industryCodes.classification, 'DB07'), eq(industryCodes.code, c));

describe.skipIf(!hasSharedData)(`db07 import ${hasSharedData ? '' : noDataMessage}`, () => {
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

  it('writes nothing on a dry run', async () => {
    const report = await importDb07(database.db, dataFile('db07.csv'), { dryRun: true });
    expect(report).toMatchObject({ read: 1740, written: 0, rejected: 0 });
    expect(await database.db.$count(industryCodes)).toBe(21);
    expect(await database.db.$count(importRuns)).toBe(0);
  });

  it('imports the DST structure (1740 codes, levels 0–4, SOURCES.md), idempotently', async () => {
    for (let round = 0; round < 2; round += 1) {
      const report = await importDb07(database.db, dataFile('db07.csv'), {});
      expect(report).toMatchObject({ read: 1740, written: 1740, rejected: 0 });
      expect(await database.db.$count(industryCodes)).toBe(1740);
    }
    const perLevel = [21, 88, 272, 618, 741];
    for (const [level, count] of perLevel.entries()) {
      expect(await database.db.$count(industryCodes, eq(industryCodes.level, level))).toBe(count);
    }
    const [c] = await database.db.select().from(industryCodes).where(code('C'));
    expect(c).toMatchObject({ level: 0, parentCode: null, section: 'C', titleDa: 'Fremstillingsvirksomhed', titleEn: 'Manufacturing' });
    const [leaf] = await database.db.select().from(industryCodes).where(code('011100'));
    expect(leaf).toMatchObject({ level: 4, parentCode: '0111', section: 'A' });
    expect(leaf.titleEn).toMatch(/cereals/);
    expect(await database.db.$count(industryCodes, isNull(industryCodes.section))).toBe(0);
    const [unknown] = await database.db.select().from(industryCodes).where(code('999999'));
    expect(unknown).toMatchObject({ level: 4, section: 'X', parentCode: null, titleDa: 'Uoplyst' });
  });

  it('rejects bad rows with line and reason, and changes nothing else', async () => {
    const file = path.join(tmp.dir, 'broken.csv');
    fs.writeFileSync(file, [
      'niveau,kode,kode_punktum,sektion,overordnet_kode,titel_da,nace_rev2_kode,titel_en_nace,nace_klasse_titel_en,note',
      '4,011101,01.11.01,A,0111,Ny underkode,,,,',
      '7,011102,01.11.02,A,0111,Forkert niveau,,,,',
      '4,998877,99.88.77,A,9988,Forældreløs,,,,',
      '4,011103,01.11.03,A,0111,"Afbrudt',
      '4,011104,01.11.04,A,0111,Tabt,,,,',
    ].join('\n'));
    const [before] = await database.db.select().from(industryCodes).where(code('011100'));
    const report = await importDb07(database.db, file, {});
    expect(report.written).toBe(1);
    expect(report.rejections.map((r) => [r.position, r.key])).toEqual([[3, '011102'], [4, '998877'], [5, undefined]]);
    expect(report.rejections[1].reason).toMatch(/9988/);
    expect(await database.db.$count(industryCodes)).toBe(1741);
    expect((await database.db.select().from(industryCodes).where(code('011100')))[0]).toEqual(before);
  });

  it('puts NACE capitals in sentence case', () => {
    expect(sentenceCase('MINING AND QUARRYING')).toBe('Mining and quarrying');
    expect(sentenceCase('Growing of rice')).toBe('Growing of rice');
  });
});
