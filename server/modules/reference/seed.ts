import type { Db } from '../../db/client';
import { db07Sections, iscoMajorGroups, iscoUri } from './builtin/classifications';
import { demoOccupationUri, demoOccupations, demoScheme, demoSkillUri, demoSkills } from './builtin/demo-taxonomy';
import { builtinMunicipalities, builtinRegions } from './builtin/geography';
import { builtinPostalCodes } from './builtin/postal-codes';
import { broaderTable, bulkUpsert, occupationSkillsTable, occupationsTable, skillsTable } from './import/import.repo';
import { municipalitiesTable, postalCodesTable, regionsTable, sectionsTable } from './seed.repo';

const bilingual = (da: string, en: string, alt: string[] = []) => ({ da: { preferred: da, alt }, en: { preferred: en, alt: [] } });

/**
 * Writes the built-in reference data: regions, municipalities, DB07 sections, ISCO-08 major groups,
 * the demo taxonomy and the partnership area's postal codes. Idempotent and quick (a handful of statements), so it runs at every start.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  const occupations: unknown[][] = [
    ...iscoMajorGroups.map((g) => [iscoUri(g.code), 'isco08', g.code, g.code, 'iscoGroup', g.da, bilingual(g.da, g.en), null, 1]),
    ...demoOccupations.map((o) => [demoOccupationUri(o.slug), demoScheme, null, o.isco, 'occupation', o.da, bilingual(o.da, o.en, o.alt), null, null]),
  ];
  const skills = demoSkills.map((s) => [demoSkillUri(s.slug), demoScheme, s.type, null, s.da, bilingual(s.da, s.en), null]);
  const relations = demoOccupations.flatMap((o) => [
    ...o.essential.map((skill) => [demoOccupationUri(o.slug), demoSkillUri(skill), 'essential']),
    ...o.optional.map((skill) => [demoOccupationUri(o.slug), demoSkillUri(skill), 'optional']),
  ]);
  const broader = demoOccupations.map((o) => [demoOccupationUri(o.slug), iscoUri(o.isco.charAt(0)), 'occupation']);
  await db.transaction(async (tx) => {
    await bulkUpsert(tx, regionsTable, builtinRegions.map((r) => [r.code, r.name, r.nameEn, r.nuts2]));
    await bulkUpsert(tx, municipalitiesTable, builtinMunicipalities.map((m) => [m.code, m.name, m.regionCode]));
    await bulkUpsert(tx, sectionsTable, db07Sections.map((s) => ['DB07', s.letter, 0, null, s.letter, s.titleDa, s.titleEn]));
    await bulkUpsert(tx, occupationsTable, occupations);
    await bulkUpsert(tx, skillsTable, skills);
    await bulkUpsert(tx, occupationSkillsTable, relations);
    await bulkUpsert(tx, broaderTable, broader);
    await bulkUpsert(tx, postalCodesTable, builtinPostalCodes.map((p) => [p.code, p.name, p.municipalityCode, p.lat, p.lon]));
  });
}
