import { buildMatchTaxonomy, type MatchTaxonomy } from './taxonomy';
import type { CandidateProfile, MatchTaxonomyInput } from './types';

/** A small production taxonomy for tests, shaped like the built-in demo taxonomy (ISCO groups, essential/optional skills). */
export const occ = (slug: string): string => `urn:test:occupation:${slug}`;
export const skill = (slug: string): string => `urn:test:skill:${slug}`;

const skills: [string, string][] = [
  ['mig-mag', 'MIG/MAG-svejsning'], ['tig', 'TIG-svejsning'], ['tegning', 'Tegningslæsning'], ['plade', 'Pladebearbejdning'],
  ['skaere', 'Skærebrænding'], ['drejning', 'Drejning'], ['fraesning', 'Fræsning'], ['maaleteknik', 'Måleteknik'],
  ['ordreplukning', 'Ordreplukning'], ['lager', 'Lagerstyring'], ['arbejdsmiljoe', 'Arbejdsmiljø'], ['plc', 'PLC-programmering'],
];

const occupations: { slug: string; label: string; isco: string; code?: string; essential: string[]; optional: string[] }[] = [
  { slug: 'svejser', label: 'svejser', isco: '7212', code: '721210', essential: ['mig-mag', 'tig', 'tegning'], optional: ['skaere', 'plade'] },
  { slug: 'svejser-assistent', label: 'svejseassistent', isco: '7212', essential: ['mig-mag'], optional: ['tegning'] },
  { slug: 'smed', label: 'smed', isco: '7214', essential: ['mig-mag', 'tegning', 'plade'], optional: ['tig', 'skaere'] },
  { slug: 'maskinarbejder', label: 'maskinarbejder', isco: '7223', essential: ['drejning', 'fraesning', 'tegning'], optional: ['maaleteknik'] },
  { slug: 'lagermedarbejder', label: 'lagermedarbejder', isco: '4321', essential: ['ordreplukning', 'arbejdsmiljoe'], optional: ['lager'] },
  { slug: 'automatiktekniker', label: 'automatiktekniker', isco: '3113', essential: ['plc'], optional: [] },
];

export const testTaxonomyInput: MatchTaxonomyInput = {
  skills: skills.map(([slug, label]) => ({ uri: skill(slug), label })),
  occupations: occupations.map((o) => ({ uri: occ(o.slug), iscoGroup: o.isco, label: o.label, code: o.code ?? null })),
  relations: occupations.flatMap((o) => [
    ...o.essential.map((s) => ({ occupationUri: occ(o.slug), skillUri: skill(s), relationType: 'essential' as const })),
    ...o.optional.map((s) => ({ occupationUri: occ(o.slug), skillUri: skill(s), relationType: 'optional' as const })),
  ]),
  postalCodes: [
    { code: '7100', lat: 55.7113, lon: 9.5357 }, // Vejle
    { code: '7000', lat: 55.5650, lon: 9.7526 }, // Fredericia
    { code: '6000', lat: 55.4904, lon: 9.4722 }, // Kolding
    { code: '8000', lat: 56.1567, lon: 10.2108 }, // Aarhus C
    { code: '2100', lat: 55.7186, lon: 12.5806 }, // København Ø
  ],
  municipalities: [{ code: '0630', lat: 55.7113, lon: 9.5357 }],
};

export function testTaxonomy(): MatchTaxonomy {
  return buildMatchTaxonomy(testTaxonomyInput);
}

/** A candidate in Vejle, available now, with the given changes. */
export function profile(id: string, changes: Partial<CandidateProfile> = {}): CandidateProfile {
  return {
    id, centreId: 'jc-vejle', personKey: null, occupations: [], skills: [], certificates: [], languages: ['da'],
    postalCode: '7100', maxCommuteKm: 50, availableFrom: null, hoursWanted: 37, targetGroup: null, ...changes,
  };
}
