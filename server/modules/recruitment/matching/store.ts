import { dayNumber } from './geo';
import { IntList, post } from './postings';
import type { MatchTaxonomy } from './taxonomy';
import type { CandidateProfile } from './types';

/** Day number meaning "available now". */
export const AVAILABLE_NOW = -2_147_483_648;
/** Languages are kept as a bit mask: the first 31 language codes seen get a bit; later ones are not matched. */
const LANGUAGE_BITS = 31;

function grow<T extends Float32Array | Int32Array>(array: T, capacity: number, fill: number): T {
  const grown = new (array.constructor as new (n: number) => T)(capacity);
  grown.set(array);
  grown.fill(fill, array.length);
  return grown;
}

function intern(map: Map<string, number>, names: string[], name: string): number {
  let id = map.get(name);
  if (id === undefined) {
    id = names.length;
    map.set(name, id);
    names.push(name);
  }
  return id;
}

const sortedUnique = (values: number[]) => Int32Array.from(new Set(values)).sort();

/**
 * The candidates in columns: one slot per registration, numbers in typed arrays, interned ids for
 * centres, certificates, target groups and languages, and one Int32Array per slot holding
 * [occupation count, certificate count, occupations…, certificates…, skills… (sorted)].
 * Occupations that name only a unit group are stored as −2 − group. Inverted posting lists by
 * occupation, unit group and skill point back at slots.
 */
export class CandidateStore {
  capacity = 0;
  ids: (string | undefined)[] = [];
  persons: (string | null)[] = [];
  centre = new Int32Array(0);
  lat = new Float32Array(0);
  lon = new Float32Array(0);
  maxKm = new Float32Array(0);
  available = new Int32Array(0);
  hours = new Float32Array(0);
  target = new Int32Array(0);
  languages = new Int32Array(0);
  data: (Int32Array | undefined)[] = [];
  readonly byOccupation: (IntList | undefined)[] = [];
  readonly byGroup: (IntList | undefined)[] = [];
  readonly bySkill: (IntList | undefined)[] = [];
  readonly centreNames: string[] = [];
  readonly certificateCodes: string[] = [];
  readonly targetNames: string[] = [];
  readonly languageCodes: string[] = [];
  readonly slotOf = new Map<string, number>();
  readonly personSlots = new Map<string, number[]>();
  private readonly centreIds = new Map<string, number>();
  private readonly certificateIds = new Map<string, number>();
  private readonly targetIds = new Map<string, number>();
  private readonly languageIds = new Map<string, number>();
  private readonly free: number[] = [];
  private used = 0;

  constructor(readonly taxonomy: MatchTaxonomy) {}

  get size(): number {
    return this.slotOf.size;
  }

  /** The slot count in use including freed ones (scratch arrays are sized to it). */
  get highWater(): number {
    return this.used;
  }

  certificateId(code: string): number {
    return this.certificateIds.get(code) ?? -1;
  }

  targetId(name: string): number {
    return this.targetIds.get(name) ?? -1;
  }

  languageBit(code: string): number {
    const id = this.languageIds.get(code);
    return id === undefined || id >= LANGUAGE_BITS ? 0 : 1 << id;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.capacity) return;
    const next = Math.max(capacity, this.capacity * 2, 1024);
    this.centre = grow(this.centre, next, -1);
    this.lat = grow(this.lat, next, Number.NaN);
    this.lon = grow(this.lon, next, Number.NaN);
    this.maxKm = grow(this.maxKm, next, Number.NaN);
    this.available = grow(this.available, next, AVAILABLE_NOW);
    this.hours = grow(this.hours, next, Number.NaN);
    this.target = grow(this.target, next, -1);
    this.languages = grow(this.languages, next, 0);
    this.capacity = next;
  }

  /** Adds or replaces a registration; throws on an invalid profile (before changing anything). */
  upsert(p: CandidateProfile): void {
    if (!p.id) throw new Error('En kandidat skal have et id.');
    if (!p.centreId) throw new Error(`Kandidat ${p.id} mangler jobcenter.`);
    if (p.maxCommuteKm !== null && !(p.maxCommuteKm >= 0)) throw new Error(`Kandidat ${p.id}: ugyldig maks. transporttid (${p.maxCommuteKm}).`);
    if (p.hoursWanted !== null && !(p.hoursWanted >= 0)) throw new Error(`Kandidat ${p.id}: ugyldigt timetal (${p.hoursWanted}).`);
    const available = p.availableFrom ? dayNumber(p.availableFrom) : AVAILABLE_NOW;
    const existing = this.slotOf.get(p.id);
    if (existing !== undefined) this.clear(existing);
    const slot = existing ?? this.free.pop() ?? this.used++;
    this.ensure(slot + 1);
    const t = this.taxonomy;
    const occupations: number[] = [];
    const groups: number[] = [];
    for (const ref of p.occupations) {
      const r = t.resolveOccupation(ref, true);
      if (r.occupation >= 0) occupations.push(r.occupation);
      else if (r.group >= 0) occupations.push(-2 - r.group);
      if (r.group >= 0) groups.push(r.group);
    }
    const occ = [...new Set(occupations)];
    const certs = sortedUnique(p.certificates.map((c) => intern(this.certificateIds, this.certificateCodes, c)));
    const skills = sortedUnique(p.skills.map((s) => t.internSkill(s)));
    const data = new Int32Array(2 + occ.length + certs.length + skills.length);
    data[0] = occ.length;
    data[1] = certs.length;
    data.set(occ, 2);
    data.set(certs, 2 + occ.length);
    data.set(skills, 2 + occ.length + certs.length);

    this.ids[slot] = p.id;
    this.slotOf.set(p.id, slot);
    this.data[slot] = data;
    this.centre[slot] = intern(this.centreIds, this.centreNames, p.centreId);
    const point = t.postalCentroid(p.postalCode);
    this.lat[slot] = point ? point[0] : Number.NaN;
    this.lon[slot] = point ? point[1] : Number.NaN;
    this.maxKm[slot] = p.maxCommuteKm ?? Number.NaN;
    this.available[slot] = available;
    this.hours[slot] = p.hoursWanted ?? Number.NaN;
    this.target[slot] = p.targetGroup ? intern(this.targetIds, this.targetNames, p.targetGroup) : -1;
    let mask = 0;
    for (const l of p.languages) {
      const id = intern(this.languageIds, this.languageCodes, l);
      if (id < LANGUAGE_BITS) mask |= 1 << id;
    }
    this.languages[slot] = mask;
    this.persons[slot] = p.personKey;
    if (p.personKey !== null) {
      const list = this.personSlots.get(p.personKey);
      if (list) list.push(slot);
      else this.personSlots.set(p.personKey, [slot]);
    }
    for (const o of occ) if (o >= 0) post(this.byOccupation, o, slot);
    for (const g of new Set(groups)) post(this.byGroup, g, slot);
    for (const s of skills) post(this.bySkill, s, slot);
  }

  /** Removes a registration; false when the id is unknown. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.clear(slot);
    this.free.push(slot);
    return true;
  }

  /** Takes a slot out of every posting list and the person map, leaving it empty. */
  private clear(slot: number): void {
    const data = this.data[slot];
    const id = this.ids[slot];
    if (!data || id === undefined) return;
    const t = this.taxonomy;
    const groups = new Set<number>();
    for (let k = 2; k < 2 + data[0]; k += 1) {
      const o = data[k];
      if (o >= 0) {
        this.byOccupation[o]?.remove(slot);
        if (t.occupationGroup[o] >= 0) groups.add(t.occupationGroup[o]);
      } else {
        groups.add(-2 - o);
      }
    }
    for (const g of groups) this.byGroup[g]?.remove(slot);
    for (let k = 2 + data[0] + data[1]; k < data.length; k += 1) this.bySkill[data[k]]?.remove(slot);
    const person = this.persons[slot];
    if (person !== null) {
      const list = this.personSlots.get(person) ?? [];
      const rest = list.filter((s) => s !== slot);
      if (rest.length > 0) this.personSlots.set(person, rest);
      else this.personSlots.delete(person);
    }
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.data[slot] = undefined;
    this.persons[slot] = null;
    this.centre[slot] = -1;
    this.target[slot] = -1;
  }

  /** Whether the slot's sorted skill list holds the skill (binary search). */
  hasSkill(slot: number, skill: number): boolean {
    const data = this.data[slot];
    if (!data) return false;
    let lo = 2 + data[0] + data[1];
    let hi = data.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = data[mid];
      if (v === skill) return true;
      if (v < skill) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  hasCertificate(slot: number, certificate: number): boolean {
    const data = this.data[slot];
    if (!data) return false;
    const end = 2 + data[0] + data[1];
    for (let k = 2 + data[0]; k < end; k += 1) if (data[k] === certificate) return true;
    return false;
  }
}
