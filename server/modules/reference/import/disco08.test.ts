import fs from 'node:fs';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupations, taxonomyBroader } from '../../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../../db/test-db';
import { disco08Uri, importDisco08 } from './disco08';
import { dataFile, hasSharedData, noDataMessage, tempDir } from './test-data';

const disco = eq(occupations.scheme, 'disco08');

describe.skipIf(!hasSharedData)(`disco08 import ${hasSharedData ? '' : noDataMessage}`, () => {
  let database: TestDatabase;
  const tmp = tempDir();
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    tmp.remove();
    await database?.drop();
  });

  it('writes nothing on a dry run', async () => {
    const report = await importDisco08(database.db, dataFile('disco08_da.csv'), { dryRun: true });
    expect(report).toMatchObject({ read: 1171, written: 0, rejected: 0 });
    expect(await database.db.$count(occupations)).toBe(0);
  });

  it('imports DISCO-08 (10/42/126/429/564 per level, SOURCES.md) with broader links, idempotently', async () => {
    for (let round = 0; round < 2; round += 1) {
      const report = await importDisco08(database.db, dataFile('disco08_da.csv'), {});
      expect(report).toMatchObject({ read: 1171, written: 1171, rejected: 0 });
      expect(await database.db.$count(occupations, disco)).toBe(1171);
      expect(await database.db.$count(taxonomyBroader, like(taxonomyBroader.uri, 'urn:samspil:disco08:%'))).toBe(1161);
    }
    for (const [level, count] of [[1, 10], [2, 42], [3, 126], [4, 429], [5, 564]]) {
      expect(await database.db.$count(occupations, and(disco, eq(occupations.level, level)))).toBe(count);
    }
    const [ceo] = await database.db.select().from(occupations).where(eq(occupations.uri, disco08Uri('112010')));
    expect(ceo).toMatchObject({ code: '112010', iscoGroup: '1120', conceptType: 'occupation', level: 5,
      preferredLabel: 'Øverste administrerende virksomhedsledelse', labels: { da: { preferred: 'Øverste administrerende virksomhedsledelse', alt: [] } } });
    const parents = await database.db.select().from(taxonomyBroader).where(eq(taxonomyBroader.uri, disco08Uri('112010')));
    expect(parents.map((p) => p.broaderUri)).toEqual([disco08Uri('1120')]);
  });

  it('rejects bad rows with line and reason, and changes nothing else', async () => {
    const file = path.join(tmp.dir, 'broken.csv');
    fs.writeFileSync(file, 'kode,niveau,overordnet_kode,titel_da\n112099,5,1120,Ny funktion\n12345,5,1234,Forkert længde\n999999,5,9999,Forældreløs\n112098,5,1120,"Afbrudt\n');
    const report = await importDisco08(database.db, file, {});
    expect(report.written).toBe(1);
    expect(report.rejections.map((r) => r.position)).toEqual([3, 4, 5]);
    expect(report.rejections[2].reason).toMatch(/linje 5/);
    expect(await database.db.$count(occupations, disco)).toBe(1172);
  });
});
