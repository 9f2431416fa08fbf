import fs from 'node:fs';
import path from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns, municipalities, municipalityBoundaries } from '../../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../../db/test-db';
import { ImportFormatError } from '../../../import/report';
import { seedReferenceData } from '../seed';
import { importKommunerGeojson } from './kommuner-geojson';
import { dataFile, hasSharedData, noDataMessage, tempDir } from './test-data';

describe.skipIf(!hasSharedData)(`kommuner-geojson import ${hasSharedData ? '' : noDataMessage}`, () => {
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
    const report = await importKommunerGeojson(database.db, dataFile('dk_kommuner.geojson'), { dryRun: true });
    expect(report).toMatchObject({ read: 99, written: 0, rejected: 1 });
    expect(await database.db.$count(municipalityBoundaries)).toBe(0);
    expect(await database.db.$count(municipalities, isNull(municipalities.lat))).toBe(98);
  });

  it('imports 98 boundaries, rejects Ertholmene (411), sets a point inside each municipality, idempotently', async () => {
    for (let round = 0; round < 2; round += 1) {
      const report = await importKommunerGeojson(database.db, dataFile('dk_kommuner.geojson'), {});
      expect(report).toMatchObject({ read: 99, written: 98, rejected: 1 });
      expect(report.rejections[0]).toMatchObject({ key: '411', reason: expect.stringMatching(/kendt kommune/) });
      expect(await database.db.$count(municipalityBoundaries)).toBe(98);
    }
    const all = await database.db.select().from(municipalities);
    for (const m of all) {
      expect(m.lat, m.name).toBeGreaterThan(54.5);
      expect(m.lat, m.name).toBeLessThan(57.8);
      expect(m.lon, m.name).toBeGreaterThan(8);
      expect(m.lon, m.name).toBeLessThan(15.2);
    }
    const [vejle] = await database.db.select().from(municipalityBoundaries).where(eq(municipalityBoundaries.code, 630));
    const geometry = vejle.geometry as { type: string; coordinates: number[][][][] };
    expect(geometry.type).toBe('MultiPolygon');
    expect(geometry.coordinates[0][0][0]).toHaveLength(2);
  });

  it('rejects a feature with bad geometry and fails on a file that is not GeoJSON, writing nothing', async () => {
    const file = path.join(tmp.dir, 'bad.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { kommunekode: '630' }, geometry: { type: 'Point', coordinates: [9.5, 55.7] } },
    ] }));
    const report = await importKommunerGeojson(database.db, file, {});
    expect(report.rejections).toEqual([{ position: 1, key: '630', reason: expect.stringMatching(/Polygon/) }]);
    const truncated = path.join(tmp.dir, 'truncated.geojson');
    fs.writeFileSync(truncated, fs.readFileSync(dataFile('dk_kommuner.geojson'), 'utf8').slice(0, 5000));
    const runs = await database.db.$count(importRuns);
    await expect(importKommunerGeojson(database.db, truncated, {})).rejects.toBeInstanceOf(ImportFormatError);
    expect(await database.db.$count(municipalityBoundaries)).toBe(98);
    expect(await database.db.$count(importRuns, eq(importRuns.status, 'failed'))).toBe(1);
    expect(await database.db.$count(importRuns)).toBe(runs + 1);
  });
});
