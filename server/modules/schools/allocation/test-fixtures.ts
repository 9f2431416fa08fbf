import type { HostOffer, SchoolClass } from './types';

/** Test support: a seeded generator so random instances are the same on every run. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A class near Aarhus with sensible defaults. */
export function schoolClass(id: string, over: Partial<SchoolClass> = {}): SchoolClass {
  return { id, label: `8.${id}`, municipalityCode: '751', lat: 56.15, lon: 10.2, pupils: 22, suitableWeeks: [], themes: [], ...over };
}

/** An offer near Aarhus with sensible defaults. */
export function hostOffer(id: string, over: Partial<HostOffer> = {}): HostOffer {
  return {
    id, companyId: `co-${id}`, companyName: `Firma ${id}`, municipalityCode: '751', lat: 56.16, lon: 10.21, weeks: [12],
    classesPerWeek: 1, maxPupils: 30, themes: [], ...over,
  };
}
