import fs from 'node:fs';
import path from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns, occupationSkills, occupations, skills, taxonomyBroader } from '../../../db/schema';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../db/test-db';
import { importEsco, splitLabels } from './esco';
import { dataFile, hasSharedData, headOfCsv, noDataMessage, tempDir, writeCsv } from './test-data';

const official = dataFile('esco-v1.1.1-official');
const esco = eq(occupations.scheme, 'esco');
const escoSkill = eq(skills.scheme, 'esco');

/** Both engines import the whole download (about 10 s on PGlite); set SAMSPIL_ESCO_SUBSET=1 to use the first records only. */
const full = process.env.SAMSPIL_ESCO_SUBSET !== '1';

async function buildSubset(dir: string, count: number): Promise<void> {
  for (const name of fs.readdirSync(official)) {
    if (name.endsWith('.csv')) writeCsv(path.join(dir, name), await headOfCsv(path.join(official, name), count));
  }
}

describe('splitLabels', () => {
  it('splits newline-separated labels, trims and drops blanks and repeats', () => {
    expect(splitLabels('a\r\n b \n\na')).toEqual(['a', 'b']);
    expect(splitLabels('')).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)(`esco import ${hasSharedData ? '' : noDataMessage}`, () => {
  let database: TestDatabase;
  const tmp = tempDir();
  let folder = official;
  beforeAll(async () => {
    database = await createTestDatabase();
    if (!full) {
      folder = path.join(tmp.dir, 'subset');
      fs.mkdirSync(folder);
      await buildSubset(folder, 400);
    }
  });
  afterAll(async () => {
    tmp.remove();
    await database?.drop();
  });

  it('writes nothing on a dry run', async () => {
    const report = await importEsco(database.db, folder, { dryRun: true });
    expect(report.written).toBe(0);
    expect(report.read).toBeGreaterThan(0);
    expect(await database.db.$count(occupations)).toBe(0);
    expect(await database.db.$count(importRuns)).toBe(0);
  });

  it('imports the download with every concept and relation accounted for, idempotently and fast', { timeout: 120_000 }, async () => {
    let seen = 0;
    const started = Date.now();
    const report = await importEsco(database.db, folder, { progress: (done) => { seen = done; } });
    const seconds = (Date.now() - started) / 1000;
    console.log(`[esco] ${full ? 'full' : 'subset'} import on ${testEngine}: ${seconds.toFixed(1)} s, ${report.read} records`);
    if (full) expect(seconds).toBeLessThan(60);
    expect(seen).toBeGreaterThan(0);
    const rejectedIn = (file: string) => report.rejections.filter((r) => r.reason.startsWith(`${file}:`)).length;
    const relations = await database.db.$count(occupationSkills, like(occupationSkills.occupationUri, 'http://data.europa.eu/esco/%'));
    if (full) {
      // SOURCES.md: 3,007 occupations, 13,896 skills, 123,855 relations.
      expect(await database.db.$count(occupations, and(esco, eq(occupations.conceptType, 'occupation')))).toBe(3007);
      expect(await database.db.$count(skills, and(escoSkill, sql`${skills.skillType} is distinct from 'skillGroup'`))).toBe(13_896);
      expect(relations + rejectedIn('occupationSkillRelations.csv')).toBe(123_855);
      expect(rejectedIn('occupations_en.csv') + rejectedIn('skills_en.csv')).toBe(0);
    } else {
      expect(relations + rejectedIn('occupationSkillRelations.csv')).toBe(400);
    }
    for (const r of report.rejections) {
      expect(r.position).toBeGreaterThan(1);
      expect(r.reason).toMatch(/findes ikke/);
    }
    const counts = async () => [await database.db.$count(occupations), await database.db.$count(skills),
      await database.db.$count(occupationSkills), await database.db.$count(taxonomyBroader)];
    const first = await counts();
    const again = await importEsco(database.db, folder, {});
    expect(again.written).toBe(report.written);
    expect(await counts()).toEqual(first);
  });

  it('takes another language from its file names, merges labels and prefers Danish', async () => {
    const da = path.join(tmp.dir, 'da');
    fs.mkdirSync(da);
    const [occupation] = await database.db.select().from(occupations).where(and(esco, eq(occupations.conceptType, 'occupation'))).limit(1);
    const [skill] = await database.db.select().from(skills).where(escoSkill).limit(1);
    writeCsv(path.join(da, 'occupations_da.csv'), [
      ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'description', 'code'],
      ['Occupation', occupation.uri, occupation.iscoGroup ?? '', 'CNC-operatør på dansk', 'drejer\nfræser', 'Dansk beskrivelse', occupation.code ?? ''],
    ]);
    writeCsv(path.join(da, 'skills_da.csv'), [
      ['conceptType', 'conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels'],
      ['KnowledgeSkillCompetence', skill.uri, skill.skillType ?? '', skill.reuseLevel ?? '', 'svejsning', ''],
    ]);
    writeCsv(path.join(da, 'occupationSkillRelations_da.csv'), [
      ['occupationUri', 'relationType', 'skillType', 'skillUri'],
      [occupation.uri, 'essential', 'skill/competence', skill.uri],
      [occupation.uri, 'essential', 'skill/competence', 'http://data.europa.eu/esco/skill/findes-ikke'],
    ]);
    const report = await importEsco(database.db, path.join(da, 'occupations_da.csv'), {});
    expect(report.rejections).toEqual([{ position: 3, key: occupation.uri, reason: expect.stringMatching(/^occupationSkillRelations_da.csv: Kompetencen .* findes ikke/) }]);
    const [merged] = await database.db.select().from(occupations).where(eq(occupations.uri, occupation.uri));
    expect(merged.preferredLabel).toBe('CNC-operatør på dansk');
    expect(merged.description).toBe('Dansk beskrivelse');
    const labels = merged.labels as Record<string, { preferred: string; alt: string[] }>;
    expect(labels.da).toEqual({ preferred: 'CNC-operatør på dansk', alt: ['drejer', 'fræser'] });
    expect(labels.en.preferred).toBe(occupation.preferredLabel);
    // English again afterwards keeps Danish as the preferred label and updates the English one.
    const en = path.join(tmp.dir, 'en');
    fs.mkdirSync(en);
    writeCsv(path.join(en, 'occupations_en.csv'), [
      ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'description', 'code'],
      ['Occupation', occupation.uri, occupation.iscoGroup ?? '', 'English label', '', 'English description', occupation.code ?? ''],
    ]);
    await importEsco(database.db, en, {});
    const [after] = await database.db.select().from(occupations).where(eq(occupations.uri, occupation.uri));
    expect(after.preferredLabel).toBe('CNC-operatør på dansk');
    expect(after.description).toBe('Dansk beskrivelse');
    expect((after.labels as Record<string, { preferred: string }>).en.preferred).toBe('English label');
  }, 120_000);
});
