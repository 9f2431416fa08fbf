import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { industryCodes, municipalities, occupationSkills, occupations, regions, skills, taxonomyBroader } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../db/test-db';
import { demoOccupations, demoSkills } from './builtin/demo-taxonomy';
import { seedReferenceData } from './seed';

describe('seedReferenceData', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const counts = async () => {
    const { db } = database;
    return [await db.$count(regions), await db.$count(municipalities), await db.$count(industryCodes),
      await db.$count(occupations), await db.$count(skills), await db.$count(occupationSkills), await db.$count(taxonomyBroader)];
  };

  it('writes the built-in data once however often it runs, quickly', async () => {
    await seedReferenceData(database.db);
    const first = await counts();
    const relations = demoOccupations.reduce((n, o) => n + o.essential.length + o.optional.length, 0);
    expect(first).toEqual([5, 98, 21, 10 + demoOccupations.length, demoSkills.length, relations, demoOccupations.length]);
    const started = Date.now();
    await seedReferenceData(database.db);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await counts()).toEqual(first);
  });

  it('stores bilingual labels and the ISCO unit group of demo occupations', async () => {
    const [cnc] = await database.db.select().from(occupations).where(eq(occupations.uri, 'urn:samspil:occupation:cnc-operatoer'));
    expect(cnc).toMatchObject({ scheme: 'samspil-demo', iscoGroup: '7223', preferredLabel: 'CNC-operatør',
      labels: { da: { preferred: 'CNC-operatør' }, en: { preferred: 'CNC operator' } } });
    const [major] = await database.db.select().from(occupations).where(eq(occupations.uri, 'urn:samspil:isco08:7'));
    expect(major).toMatchObject({ scheme: 'isco08', conceptType: 'iscoGroup', labels: { en: { preferred: 'Craft and related trades workers' } } });
  });

  it('keeps what imports added: municipality points and official section titles', async () => {
    await database.db.update(municipalities).set({ lat: 55.7, lon: 9.5 }).where(eq(municipalities.code, 630));
    await database.db.update(industryCodes).set({ titleEn: 'MANUFACTURING (imported)' }).where(eq(industryCodes.code, 'C'));
    await seedReferenceData(database.db);
    const [vejle] = await database.db.select().from(municipalities).where(eq(municipalities.code, 630));
    expect(vejle).toMatchObject({ name: 'Vejle', regionCode: 1083, lat: 55.7, lon: 9.5 });
    const [c] = await database.db.select().from(industryCodes).where(eq(industryCodes.code, 'C'));
    expect(c.titleEn).toBe('MANUFACTURING (imported)');
  });
});
