import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidate-index';
import { occ, skill, testTaxonomy, testTaxonomyInput } from './test-taxonomy';
import type { CandidateProfile, MatchOrder } from './types';
import { seededRandom } from '../../../../common/random';

const random = seededRandom;

const occupations = testTaxonomyInput.occupations.map((o) => o.uri);
const skills = testTaxonomyInput.skills.map((s) => s.uri);
const postcodes = [...testTaxonomyInput.postalCodes.map((p) => p.code), '9999', null];

function randomProfile(rnd: () => number, id: string): CandidateProfile {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const some = <T>(list: readonly T[], p: number) => list.filter(() => rnd() < p);
  return {
    id,
    centreId: pick(['jc-a', 'jc-b', 'jc-c']),
    personKey: rnd() < 0.8 ? `person-${Math.floor(rnd() * 25)}` : null,
    occupations: rnd() < 0.1 ? ['7212'] : some(occupations, 0.25),
    skills: [...some(skills, 0.4), ...(rnd() < 0.1 ? ['urn:test:skill:unknown'] : [])],
    certificates: some(['welding', 'forklift', 'driving_licence_C'], 0.3),
    languages: some(['da', 'en', 'pl'], 0.6),
    postalCode: pick(postcodes),
    maxCommuteKm: rnd() < 0.2 ? null : Math.round(10 + rnd() * 100),
    availableFrom: rnd() < 0.5 ? null : `2026-0${1 + Math.floor(rnd() * 6)}-1${Math.floor(rnd() * 9)}`,
    hoursWanted: rnd() < 0.2 ? null : pick([15, 25, 30, 37]),
    targetGroup: pick([null, 'dagpenge', 'fleksjob']),
  };
}

const orders: MatchOrder[] = [
  { occupation: occ('svejser'), workplacePostalCode: '7000', hoursPerWeek: 37, startDate: '2026-03-01', languages: ['da'] },
  { occupation: occ('smed'), certificates: ['welding'], workplacePostalCode: '8000' },
  { occupation: '7212', wantedSkills: [skill('skaere')], targetGroups: ['fleksjob'] },
  { occupation: occ('lagermedarbejder'), certificates: ['forklift', 'driving_licence_C'], languages: ['da', 'pl'] },
  { occupation: occ('maskinarbejder'), requiredSkills: [skill('drejning'), skill('maaleteknik')], workplacePostalCode: '2100' },
];

describe('CandidateIndex: upserts and removals keep the index consistent', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`matches after random updates equal matches on a freshly built index (seed ${seed})`, () => {
      const rnd = random(seed);
      const taxonomy = testTaxonomy();
      const index = new CandidateIndex(taxonomy);
      const current = new Map<string, CandidateProfile>();
      for (let step = 0; step < 400; step += 1) {
        const id = `c${Math.floor(rnd() * 60)}`;
        if (rnd() < 0.3) {
          expect(index.remove(id)).toBe(current.delete(id));
        } else {
          const p = randomProfile(rnd, id);
          index.upsert(p);
          current.set(id, p);
        }
      }
      expect(index.size).toBe(current.size);
      // A fresh index on a fresh taxonomy, fed in reverse order.
      const fresh = new CandidateIndex(testTaxonomy(), [...current.values()].reverse());
      let shown = 0;
      let near = 0;
      for (const order of orders) {
        for (const limit of [3, 50]) {
          const options = { today: '2026-02-01', limit, nearMisses: 5 };
          const a = index.match(order, options);
          shown += a.matches.length;
          near += a.nearMisses.length;
          expect(a).toEqual(fresh.match(order, options));
          const people = [...a.matches, ...a.nearMisses].map((m) => current.get(m.candidateId)?.personKey).filter((k) => k !== null);
          expect(new Set(people).size).toBe(people.length);
        }
      }
      // Pruning by score bound must not change the top: a short list is the head of an unbounded one.
      for (const order of orders) {
        const all = index.match(order, { today: '2026-02-01', limit: 10_000, nearMisses: 0 }).matches;
        expect(index.match(order, { today: '2026-02-01', limit: 3, nearMisses: 0 }).matches).toEqual(all.slice(0, 3));
      }
      expect(shown).toBeGreaterThan(10);
      expect(near).toBeGreaterThan(0);
    });
  }
});
