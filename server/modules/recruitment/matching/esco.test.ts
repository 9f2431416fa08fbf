import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../import/csv';
import { CandidateIndex } from './candidate-index';
import { buildMatchTaxonomy, type MatchTaxonomy } from './taxonomy';
import type { CandidateProfile, MatchTaxonomyInput } from './types';

/** The official ESCO v1.1.1 English download beside the checkout (read only, never copied into the repo). */
const escoDir = path.resolve(__dirname, '../../../../../shared/data/esco-v1.1.1-official');
const welder = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

async function readEsco(): Promise<MatchTaxonomyInput> {
  const input: MatchTaxonomyInput = { occupations: [], relations: [], skills: [], postalCodes: [{ code: '7100', lat: 55.7113, lon: 9.5357 }] };
  const occupations = input.occupations as MatchTaxonomyInput['occupations'][number][];
  for await (const { values: v } of readCsvRows(path.join(escoDir, 'occupations_en.csv'), ['conceptUri', 'iscoGroup', 'preferredLabel'])) {
    occupations.push({ uri: v.conceptUri, iscoGroup: v.iscoGroup, label: v.preferredLabel, code: v.code });
  }
  for await (const { values: v } of readCsvRows(path.join(escoDir, 'skills_en.csv'), ['conceptUri', 'preferredLabel'])) {
    (input.skills as MatchTaxonomyInput['skills'][number][]).push({ uri: v.conceptUri, label: v.preferredLabel });
  }
  for await (const { values: v } of readCsvRows(path.join(escoDir, 'occupationSkillRelations.csv'), ['occupationUri', 'relationType', 'skillUri'])) {
    const type = v.relationType === 'essential' ? 'essential' : 'optional';
    (input.relations as MatchTaxonomyInput['relations'][number][]).push({ occupationUri: v.occupationUri, skillUri: v.skillUri, relationType: type });
  }
  return input;
}

const candidate = (id: string, occupation: string, skills: readonly string[]): CandidateProfile => ({
  id, centreId: 'jc', personKey: null, occupations: [occupation], skills, certificates: [], languages: ['da'],
  postalCode: '7100', maxCommuteKm: 40, availableFrom: null, hoursWanted: 37, targetGroup: null,
});

describe('matching on the official ESCO v1.1.1 taxonomy', () => {
  let taxonomy: MatchTaxonomy;
  let index: CandidateIndex;
  let welderSkills: string[];

  beforeAll(async () => {
    taxonomy = buildMatchTaxonomy(await readEsco());
    const id = taxonomy.resolveOccupation(welder).occupation;
    welderSkills = [...taxonomy.essentialSkills(id)].map((s) => taxonomy.skillUris[s]);
    // Every tenth occupation, each with its essential skills; and welders with all but one, two or three.
    const profiles: CandidateProfile[] = [];
    taxonomy.occupationUris.forEach((uri, o) => {
      if (o % 10 === 0) profiles.push(candidate(`o${o}`, uri, [...taxonomy.essentialSkills(o)].map((s) => taxonomy.skillUris[s])));
    });
    for (const missing of [0, 1, 2, 3]) profiles.push(candidate(`welder-${missing}`, welder, welderSkills.slice(missing)));
    index = new CandidateIndex(taxonomy, profiles);
  }, 60_000);

  it('reads the download: about 3,000 occupations with ISCO unit groups and essential skills', () => {
    expect(taxonomy.occupationCount).toBeGreaterThan(2900);
    expect(taxonomy.groupCode(taxonomy.resolveOccupation(welder).group)).toBe('7212');
    expect(welderSkills.length).toBeGreaterThan(5);
  });

  it('ranks welders first, explained with ESCO labels inside Danish sentences', () => {
    const r = index.match({ occupation: welder, workplacePostalCode: '7100' }, { today: '2026-03-02', limit: 10 });
    expect(r.matches.slice(0, 4).map((m) => m.candidateId)).toEqual(['welder-0', 'welder-1', 'welder-2', 'welder-3']);
    expect(r.matches[0].reasons[0].text).toBe('samme erhverv: welder');
    expect(r.matches[0].reasons[1].text).toBe(`${welderSkills.length} af ${welderSkills.length} nødvendige kompetencer`);
    const missing = taxonomy.skillLabels[taxonomy.skillId(welderSkills[0])];
    expect(r.matches[1].reasons[2].text).toBe(`mangler: ${missing}`);
    expect(r.considered).toBeGreaterThan(4);
  });

  it('matches an order naming the ISCO unit group 7212 on the group', () => {
    const r = index.match({ occupation: '7212' }, { today: '2026-03-02', limit: 5 });
    expect(r.matches.length).toBeGreaterThan(0);
    expect(r.matches[0].reasons[0].text).toMatch(/^samme faggruppe \(DISCO 7212\): /);
  });

  it('shows welders beyond the limit one or two skills short as near misses', () => {
    const r = index.match({ occupation: welder }, { today: '2026-03-02', limit: 1 });
    expect(r.matches[0].candidateId).toBe('welder-0');
    expect(r.nearMisses.map((n) => n.candidateId)).toEqual(['welder-1', 'welder-2']);
    expect(r.nearMisses[1].missingSkills).toHaveLength(2);
  });
});
