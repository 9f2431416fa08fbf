import { explain } from './explain';
import { haversineKm } from './geo';
import { planOrder, type OrderPlan } from './order-plan';
import { scoreTenths, weights, type ScoreInput } from './score';
import { AVAILABLE_NOW, CandidateStore } from './store';
import type { MatchTaxonomy } from './taxonomy';
import type {
  CandidateMatch, CandidateProfile, MatchOptions, MatchOrder, MatchResult, NearMiss, UpskillingSuggester,
} from './types';

/** The default upskilling seam: suggests nothing until the course catalogue plugs in. */
export const noUpskilling: UpskillingSuggester = { suggest: () => [] };

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Scored candidates of one order, in parallel arrays. */
interface Scored {
  count: number;
  slots: Int32Array;
  tenths: Int16Array;
  potential: Int16Array;
}

const scored = (n: number): Scored => ({ count: 0, slots: new Int32Array(n), tenths: new Int16Array(n), potential: new Int16Array(n) });

/**
 * The in-memory candidate index: all centres' registrations, kept current with `upsert` and `remove`,
 * matched against one order at a time. A match touches only candidates that share the order's
 * occupation, unit group, a related occupation or a required/wanted skill (through posting lists),
 * scores them with plain arithmetic, and builds reasons only for the results shown.
 *
 * Results are de-duplicated by `personKey`: the best-scoring registration of a person is shown, with
 * the other centres that hold the person in `alsoAt`. Order is score descending, then candidate id, so
 * a result depends only on the set of profiles, never on the order they arrived in.
 */
export class CandidateIndex {
  private readonly store: CandidateStore;
  private stamp = new Uint32Array(0);
  private epoch = 0;
  private requiredHeld = new Uint16Array(0);
  private wantedHeld = new Uint16Array(0);
  private occupationPoints = new Float32Array(0);
  private touched = new Int32Array(0);
  private readonly input: ScoreInput = {
    occupationPoints: 0, requiredHeld: 0, wantedHeld: 0, distanceKm: 0, maxCommuteKm: 0, availableDay: 0, hoursWanted: 0, missingLanguages: 0,
  };

  constructor(readonly taxonomy: MatchTaxonomy, profiles: Iterable<CandidateProfile> = []) {
    this.store = new CandidateStore(taxonomy);
    for (const p of profiles) this.store.upsert(p);
  }

  /** Registrations in the index. */
  get size(): number {
    return this.store.size;
  }

  has(id: string): boolean {
    return this.store.slotOf.has(id);
  }

  /** Adds a registration or replaces the one with the same id. Throws on an invalid profile, leaving the index as it was. */
  upsert(profile: CandidateProfile): void {
    this.store.upsert(profile);
  }

  /** Removes a registration; false when the id is unknown. */
  remove(id: string): boolean {
    return this.store.remove(id);
  }

  /** The best candidates for an order across all centres, and near misses (see types.ts). */
  match(order: MatchOrder, options: MatchOptions): MatchResult {
    const limit = Math.max(0, options.limit ?? 50);
    const nearWanted = Math.max(0, options.nearMisses ?? 20);
    const plan = planOrder(this.store, order, options.today);
    const n = this.gather(plan);
    const { eligible, near } = this.score(plan, n, nearWanted > 0, limit);
    const store = this.store;
    const chosen = this.rank(eligible, false, limit, null, null);
    const chosenSlots = new Set(chosen.map((i) => eligible.slots[i]));
    const chosenPersons = new Set<string>();
    for (const s of chosenSlots) if (store.persons[s] !== null) chosenPersons.add(store.persons[s] as string);
    const nearChosen = this.rank(near, true, nearWanted, chosenSlots, chosenPersons);

    const matches: CandidateMatch[] = chosen.map((i) => {
      const slot = eligible.slots[i];
      const { reasons, missingSkills } = explain(store, plan, slot, this.distance(plan, slot));
      return { candidateId: store.ids[slot] as string, centreId: store.centreNames[store.centre[slot]], score: eligible.tenths[i] / 10, reasons, missingSkills, alsoAt: this.alsoAt(slot) };
    });
    const upskilling = options.upskilling ?? noUpskilling;
    const nearMisses: NearMiss[] = nearChosen.map((i) => {
      const slot = near.slots[i];
      const candidateId = store.ids[slot] as string;
      const { reasons, missingSkills, missingCertificates } = explain(store, plan, slot, this.distance(plan, slot));
      return {
        candidateId, centreId: store.centreNames[store.centre[slot]], score: near.tenths[i] / 10, potentialScore: near.potential[i] / 10,
        reasons, missingSkills, missingCertificates, alsoAt: this.alsoAt(slot),
        suggestions: upskilling.suggest({ candidateId, missingSkills, missingCertificates }),
      };
    });
    return { matches, nearMisses, considered: n };
  }

  private ensureScratch(): void {
    const need = this.store.highWater;
    if (this.stamp.length >= need) return;
    const size = Math.max(need, this.stamp.length * 2, 1024);
    this.stamp = new Uint32Array(size);
    this.epoch = 0;
    this.requiredHeld = new Uint16Array(size);
    this.wantedHeld = new Uint16Array(size);
    this.occupationPoints = new Float32Array(size);
    this.touched = new Int32Array(size);
  }

  /** Collects the candidates the order touches, counting held skills and occupation points per slot. Returns how many. */
  private gather(plan: OrderPlan): number {
    this.ensureScratch();
    if (this.epoch >= 0xfffffffe) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const { stamp, requiredHeld, wantedHeld, occupationPoints, touched } = this;
    const s = this.store;
    let n = 0;
    const visit = (list: { data: Int32Array; length: number } | undefined, kind: 0 | 1 | 2, points: number) => {
      if (!list) return;
      const data = list.data;
      for (let i = 0; i < list.length; i += 1) {
        const slot = data[i];
        if (stamp[slot] !== epoch) {
          stamp[slot] = epoch;
          requiredHeld[slot] = 0;
          wantedHeld[slot] = 0;
          occupationPoints[slot] = 0;
          touched[n] = slot;
          n += 1;
        }
        if (kind === 0) requiredHeld[slot] += 1;
        else if (kind === 1) wantedHeld[slot] += 1;
        else if (points > occupationPoints[slot]) occupationPoints[slot] = points;
      }
    };
    for (const skill of plan.required) visit(s.bySkill[skill], 0, 0);
    for (const skill of plan.wanted) visit(s.bySkill[skill], 1, 0);
    if (plan.occupation >= 0) visit(s.byOccupation[plan.occupation], 2, weights.occupationExact);
    if (plan.group >= 0) visit(s.byGroup[plan.group], 2, weights.occupationGroup);
    for (const [occupation, r] of plan.related) visit(s.byOccupation[occupation], 2, r.points);
    return n;
  }

  private distance(plan: OrderPlan, slot: number): number {
    const s = this.store;
    if (!plan.place || Number.isNaN(s.lat[slot])) return Number.NaN;
    return haversineKm(plan.place[0], plan.place[1], s.lat[slot], s.lon[slot]);
  }

  /**
   * Applies the hard filters and scores the touched candidates; sorts them into eligible and near misses.
   * Candidates are visited by an upper bound of their score (best distance and start, no penalties),
   * highest first; once `limit` distinct people score above every bound still to come, the rest can
   * only be near misses, and only those that could be one (one or two required skills short) are scored.
   */
  private score(plan: OrderPlan, n: number, withNear: boolean, limit: number): { eligible: Scored; near: Scored } {
    const s = this.store;
    const eligible = scored(n);
    const near = scored(withNear ? n : 0);
    const input = this.input;
    const required = plan.required.length;
    const bound = new Int16Array(n);
    const boundCount = new Int32Array(1002);
    for (let i = 0; i < n; i += 1) {
      const slot = this.touched[i];
      input.occupationPoints = this.occupationPoints[slot];
      input.requiredHeld = this.requiredHeld[slot];
      input.wantedHeld = this.wantedHeld[slot];
      input.distanceKm = 0;
      input.maxCommuteKm = Number.NaN;
      input.availableDay = AVAILABLE_NOW;
      input.hoursWanted = Number.NaN;
      input.missingLanguages = 0;
      bound[i] = scoreTenths(plan.score, input);
      boundCount[bound[i]] += 1;
    }
    // Counting sort by bound, highest first.
    const start = new Int32Array(1002);
    for (let v = 999; v >= 0; v -= 1) start[v] = start[v + 1] + boundCount[v + 1];
    const byBound = new Int32Array(n);
    for (let i = 0; i < n; i += 1) byBound[start[bound[i]]++] = i;

    const eligibleAt = new Int32Array(1001);
    const persons = new Set<string>();
    let duplicates = 0;
    let pruned = false;
    let last = -1;
    for (let k = 0; k < n; k += 1) {
      const i = byBound[k];
      const slot = this.touched[i];
      if (!pruned && bound[i] !== last) {
        last = bound[i];
        let above = 0;
        for (let v = 1000; v > last; v -= 1) above += eligibleAt[v];
        pruned = above - duplicates >= limit;
      }
      const held = this.requiredHeld[slot];
      const nearPossible = withNear && required - held <= 2 && held * 2 >= required;
      if (pruned && !nearPossible) continue;
      if (plan.targets && !plan.targets.has(s.target[slot])) continue;
      const km = this.distance(plan, slot);
      const maxKm = s.maxKm[slot];
      if (km > maxKm) continue;
      let missingCertificates = 0;
      for (const c of plan.certificates) if (c.id < 0 || !s.hasCertificate(slot, c.id)) missingCertificates += 1;
      input.occupationPoints = this.occupationPoints[slot];
      input.requiredHeld = held;
      input.wantedHeld = this.wantedHeld[slot];
      input.distanceKm = km;
      input.maxCommuteKm = maxKm;
      input.availableDay = s.available[slot];
      input.hoursWanted = s.hours[slot];
      input.missingLanguages = plan.languagesUnknown + popcount(plan.languageMask & ~s.languages[slot]);
      const tenths = scoreTenths(plan.score, input);
      if (missingCertificates === 0) {
        eligible.slots[eligible.count] = slot;
        eligible.tenths[eligible.count] = tenths;
        eligible.count += 1;
        eligibleAt[tenths] += 1;
        const person = s.persons[slot];
        if (person !== null) {
          if (persons.has(person)) duplicates += 1;
          else persons.add(person);
        }
      }
      const gaps = missingCertificates + required - held;
      if (nearPossible && gaps >= 1 && gaps <= 2) {
        near.slots[near.count] = slot;
        near.tenths[near.count] = tenths;
        input.requiredHeld = required;
        near.potential[near.count] = scoreTenths(plan.score, input);
        near.count += 1;
      }
    }
    return { eligible, near };
  }

  /**
   * The best `want` entries (indexes into `set`), one per person, ordered by score (near misses: by
   * potential score, then score) and then id. Finds a score threshold with a histogram so only the top
   * is sorted; widens it when duplicates or exclusions thin the top out.
   */
  private rank(set: Scored, byPotential: boolean, want: number, excludeSlots: Set<number> | null, excludePersons: Set<string> | null): number[] {
    if (want === 0 || set.count === 0) return [];
    const primary = byPotential ? set.potential : set.tenths;
    const secondary = byPotential ? set.tenths : null;
    const { ids, persons } = this.store;
    const histogram = new Int32Array(1001);
    for (let i = 0; i < set.count; i += 1) histogram[primary[i]] += 1;
    for (let k = want + 16; ; k *= 4) {
      let threshold = 0;
      for (let v = 1000, total = 0; v >= 0; v -= 1) {
        total += histogram[v];
        if (total >= k) {
          threshold = v;
          break;
        }
      }
      const picked: number[] = [];
      for (let i = 0; i < set.count; i += 1) if (primary[i] >= threshold) picked.push(i);
      picked.sort((a, b) => primary[b] - primary[a] || (secondary ? secondary[b] - secondary[a] : 0)
        || compareIds(ids[set.slots[a]] as string, ids[set.slots[b]] as string));
      const out: number[] = [];
      const seen = new Set<string>();
      for (const i of picked) {
        const slot = set.slots[i];
        if (excludeSlots?.has(slot)) continue;
        const person = persons[slot];
        if (person !== null) {
          if (seen.has(person) || excludePersons?.has(person)) continue;
          seen.add(person);
        }
        out.push(i);
        if (out.length === want) return out;
      }
      if (picked.length === set.count) return out;
    }
  }

  /** The other centres holding the same person, sorted, without the entry's own centre. */
  private alsoAt(slot: number): string[] {
    const s = this.store;
    const person = s.persons[slot];
    if (person === null) return [];
    const own = s.centreNames[s.centre[slot]];
    const centres = new Set<string>();
    for (const other of s.personSlots.get(person) ?? []) {
      const name = s.centreNames[s.centre[other]];
      if (other !== slot && name !== own) centres.add(name);
    }
    return [...centres].sort(compareIds);
  }
}
