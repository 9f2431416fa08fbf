import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvRows } from '../server/import/csv';
import type { CandidateProfile, CentroidInput, MatchOrder, MatchTaxonomyInput } from '../server/modules/recruitment/matching';
import { seededRandom } from '../common/random';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data');
/** The official ESCO v1.1.1 English download beside the checkout (read only here and in tests). */
export const escoDir = path.join(dataDir, 'esco-v1.1.1-official');
export const postalFile = path.join(dataDir, 'dk_postnumre.csv');

/** The taxonomy arrays read straight from an ESCO CSV download (occupations, skills, relations). */
export async function readEscoTaxonomy(dir = escoDir): Promise<Omit<MatchTaxonomyInput, 'postalCodes'>> {
  const occupations: MatchTaxonomyInput['occupations'][number][] = [];
  for await (const { values: v } of readCsvRows(path.join(dir, 'occupations_en.csv'), ['conceptUri', 'iscoGroup', 'preferredLabel'])) {
    occupations.push({ uri: v.conceptUri, iscoGroup: v.iscoGroup || null, label: v.preferredLabel, code: v.code || null });
  }
  const skills: MatchTaxonomyInput['skills'][number][] = [];
  for await (const { values: v } of readCsvRows(path.join(dir, 'skills_en.csv'), ['conceptUri', 'preferredLabel'])) {
    skills.push({ uri: v.conceptUri, label: v.preferredLabel });
  }
  const relations: MatchTaxonomyInput['relations'][number][] = [];
  for await (const { values: v } of readCsvRows(path.join(dir, 'occupationSkillRelations.csv'), ['occupationUri', 'relationType', 'skillUri'])) {
    if (v.relationType === 'essential' || v.relationType === 'optional') {
      relations.push({ occupationUri: v.occupationUri, skillUri: v.skillUri, relationType: v.relationType });
    }
  }
  return { occupations, skills, relations };
}

/** Real postal-code centroids; large receivers (stormodtagere) are left out as homes and workplaces. */
export async function readPostalCentroids(file = postalFile): Promise<CentroidInput[]> {
  const out: CentroidInput[] = [];
  for await (const { values: v } of readCsvRows(file, ['postnr', 'lat', 'lon', 'stormodtager'])) {
    const lat = Number(v.lat);
    const lon = Number(v.lon);
    if (v.stormodtager !== 'true' && v.lat !== '' && Number.isFinite(lat) && Number.isFinite(lon)) out.push({ code: v.postnr, lat, lon });
  }
  return out;
}

export const seeded = seededRandom;

interface Profile {
  uri: string;
  group: string | null;
  label: string;
  essential: string[];
  optional: string[];
}

const CERTIFICATES = ['driving_licence_B', 'forklift', 'welding', 'crane', 'driving_licence_C'] as const;
const TARGET_GROUPS = ['dagpenge', 'dagpenge', 'dagpenge', 'kontanthjælp', 'sygedagpenge', 'fleksjob', 'ledighedsydelse'];
const COMMUTES = [15, 20, 25, 30, 30, 40, 40, 50, 60, null];
const HOURS = [37, 37, 37, 37, 37, 37, 30, 25, 20, null];

/**
 * A synthetic CV bank from real ESCO occupation profiles. Each registration stores only what the
 * benchmark needs to judge results (source occupation, place, limits); `profile(i)` draws the rest
 * (skills, availability, hours…) from a generator seeded by the registration, so profiles are built
 * on the fly and never held twice.
 */
export class RecruitmentWorld {
  readonly occupations: Profile[];
  readonly source: Int32Array;
  readonly postal: Int32Array;
  readonly person: Int32Array;
  readonly centre: Int32Array;
  readonly maxKm: Float32Array;
  readonly certificates: Int32Array;
  readonly target: Int32Array;
  private readonly skillPool: string[];

  constructor(taxonomy: Omit<MatchTaxonomyInput, 'postalCodes'>, readonly postalCodes: CentroidInput[], readonly count: number, readonly seed: number, readonly today: string) {
    const byUri = new Map<string, Profile>();
    for (const o of taxonomy.occupations) byUri.set(o.uri, { uri: o.uri, group: o.iscoGroup, label: o.label, essential: [], optional: [] });
    for (const r of taxonomy.relations) byUri.get(r.occupationUri)?.[r.relationType].push(r.skillUri);
    this.occupations = [...byUri.values()].filter((o) => o.essential.length >= 3);
    this.skillPool = [...new Set(taxonomy.relations.map((r) => r.skillUri))];
    const rnd = seeded(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    this.source = new Int32Array(count);
    this.postal = new Int32Array(count);
    this.person = new Int32Array(count);
    this.centre = new Int32Array(count);
    this.maxKm = new Float32Array(count);
    this.certificates = new Int32Array(count);
    this.target = new Int32Array(count);
    for (let i = 0; i < count; i += 1) {
      const duplicateOf = i > 0 && rnd() < 0.03 ? Math.floor(rnd() * i) : -1;
      this.source[i] = duplicateOf >= 0 ? this.source[duplicateOf] : Math.floor(rnd() * this.occupations.length);
      this.postal[i] = duplicateOf >= 0 ? this.postal[duplicateOf] : Math.floor(rnd() * postalCodes.length);
      this.person[i] = duplicateOf >= 0 ? this.person[duplicateOf] : i;
      this.centre[i] = duplicateOf >= 0 ? (this.centre[duplicateOf] + 1 + Math.floor(rnd() * 9)) % 10 : Math.floor(rnd() * 10);
      this.maxKm[i] = pick(COMMUTES) ?? Number.NaN;
      this.target[i] = Math.floor(rnd() * TARGET_GROUPS.length);
      const label = this.occupations[this.source[i]].label;
      let certs = 0;
      if (rnd() < 0.7) certs |= 1;
      if (rnd() < 0.15) certs |= 2;
      if (/weld/i.test(label) ? rnd() < 0.7 : rnd() < 0.02) certs |= 4;
      if (/crane/i.test(label) ? rnd() < 0.7 : rnd() < 0.02) certs |= 8;
      if (/driver|lorry|truck/i.test(label) ? rnd() < 0.7 : rnd() < 0.05) certs |= 16;
      this.certificates[i] = certs;
    }
  }

  /** Registration i as the service would hand it to the index. */
  profile(i: number): CandidateProfile {
    const rnd = seeded(this.seed * 7919 + i * 31 + 1);
    const occupation = this.occupations[this.source[i]];
    const skills = new Set<string>();
    for (const s of occupation.essential) if (rnd() < 0.85) skills.add(s);
    for (const s of occupation.optional) if (rnd() < 0.2) skills.add(s);
    const noise = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < noise; k += 1) skills.add(this.skillPool[Math.floor(rnd() * this.skillPool.length)]);
    const occupations = [occupation.uri];
    if (rnd() < 0.1) occupations.push(this.occupations[Math.floor(rnd() * this.occupations.length)].uri);
    const languages = rnd() < 0.9 ? ['da'] : ['pl'];
    if (rnd() < 0.4) languages.push('en');
    const available = rnd() < 0.6 ? null : addDays(this.today, Math.floor(rnd() * 120));
    return {
      id: `K${String(i).padStart(6, '0')}`,
      centreId: `jobcenter-${this.centre[i] + 1}`,
      personKey: `p${this.person[i]}`,
      occupations,
      skills: [...skills],
      certificates: CERTIFICATES.filter((_, bit) => (this.certificates[i] & (1 << bit)) !== 0),
      languages,
      postalCode: this.postalCodes[this.postal[i]].code,
      maxCommuteKm: Number.isNaN(this.maxKm[i]) ? null : this.maxKm[i],
      availableFrom: available,
      hoursWanted: HOURS[Math.floor(rnd() * HOURS.length)],
      targetGroup: TARGET_GROUPS[this.target[i]],
    };
  }

  *profiles(): Generator<CandidateProfile> {
    for (let i = 0; i < this.count; i += 1) yield this.profile(i);
  }

  /** Orders, each built from the occupation of a random registration (so every order has its own candidates somewhere). */
  orders(count: number): { order: MatchOrder; source: number }[] {
    const rnd = seeded(this.seed * 104_729 + 7);
    const out: { order: MatchOrder; source: number }[] = [];
    for (let k = 0; k < count; k += 1) {
      const source = this.source[Math.floor(rnd() * this.count)];
      const o = this.occupations[source];
      const order: MatchOrder = {
        occupation: o.uri,
        workplacePostalCode: this.postalCodes[Math.floor(rnd() * this.postalCodes.length)].code,
        hoursPerWeek: rnd() < 0.85 ? 37 : 30,
        startDate: addDays(this.today, 14 + Math.floor(rnd() * 75)),
        languages: rnd() < 0.7 ? ['da'] : [],
      };
      if (rnd() < 0.3) {
        order.requiredSkills = o.essential.filter(() => rnd() < 0.5).slice(0, 8);
        order.wantedSkills = o.optional.filter(() => rnd() < 0.3).slice(0, 4);
      }
      if (rnd() < 0.2) order.certificates = [/weld/i.test(o.label) ? 'welding' : /crane/i.test(o.label) ? 'crane' : rnd() < 0.7 ? 'driving_licence_B' : 'forklift'];
      if (rnd() < 0.03) order.targetGroups = ['fleksjob'];
      out.push({ order, source });
    }
    return out;
  }

  /** Whether registration i passes the order's hard filters (certificates, own max commute, target group). */
  feasible(i: number, order: MatchOrder, place: CentroidInput | undefined, km: (a: CentroidInput, b: CentroidInput) => number): boolean {
    for (const c of order.certificates ?? []) {
      if ((this.certificates[i] & (1 << CERTIFICATES.indexOf(c as (typeof CERTIFICATES)[number]))) === 0) return false;
    }
    if (order.targetGroups && !order.targetGroups.includes(TARGET_GROUPS[this.target[i]])) return false;
    return !place || Number.isNaN(this.maxKm[i]) || km(place, this.postalCodes[this.postal[i]]) <= this.maxKm[i];
  }
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
