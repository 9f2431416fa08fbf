import { defaultCertificateLabels } from './reasons';
import type { MatchTaxonomyInput } from './types';

/** An order's or candidate's occupation reference resolved to interned ids (-1 = none). */
export interface ResolvedOccupation {
  occupation: number;
  group: number;
}

/** An occupation related to a skill set: how many of the set's skills are essential to it. */
export interface RelatedOccupation {
  occupation: number;
  shared: number;
  /** shared ÷ size of the skill set, 0–1. */
  strength: number;
}

const UNIT_GROUP = /^\d{4}$/;
const CODE = /^\d{4,6}$/;
/** Related occupations share at least this share of the order's required skills, and at least two of them. */
const RELATED_MIN_STRENGTH = 0.25;
const RELATED_MAX = 30;
/** A unit group's default required skills: those essential to at least this share of its occupations. */
const GROUP_ESSENTIAL_SHARE = 0.5;
const GROUP_ESSENTIAL_MAX = 20;
const CACHE_MAX = 10_000;

function push(lists: number[][], at: number, value: number): void {
  (lists[at] ??= []).push(value);
}

/**
 * The taxonomy the matcher works on, with every URI interned to a small integer. Built once from plain
 * arrays (the `occupations`, `occupation_skills`, `skills` and `postal_codes` tables); rebuild it, and
 * the candidate index on it, when the taxonomy is re-imported. Skills and occupations that candidates
 * name but the taxonomy lacks are interned on first sight, labelled with their URI.
 */
export class MatchTaxonomy {
  readonly occupationUris: string[] = [];
  readonly occupationLabels: string[] = [];
  /** Unit group id per occupation, -1 when unknown. */
  readonly occupationGroup: number[] = [];
  readonly groupCodes: string[] = [];
  readonly skillUris: string[] = [];
  readonly skillLabels: string[] = [];
  private readonly occupationIds = new Map<string, number>();
  private readonly occupationCodes = new Map<string, number>();
  private readonly groupIds = new Map<string, number>();
  private readonly groupMembers: number[][] = [];
  private readonly skillIds = new Map<string, number>();
  private readonly essentials: Int32Array[] = [];
  private readonly optionals: Int32Array[] = [];
  /** Per skill: the occupations it is essential to. */
  private readonly essentialTo: Int32Array[] = [];
  private readonly postal = new Map<string, [number, number]>();
  private readonly municipality = new Map<string, [number, number]>();
  private readonly certificateLabels = new Map<string, string>();
  private readonly relatedCache = new Map<string, RelatedOccupation[]>();
  private readonly groupDefaults = new Map<number, Int32Array>();

  constructor(input: MatchTaxonomyInput) {
    for (const s of input.skills) this.internSkill(s.uri, s.label);
    for (const o of input.occupations) {
      if (this.occupationIds.has(o.uri)) continue;
      const id = this.internOccupation(o.uri, o.label, o.iscoGroup && UNIT_GROUP.test(o.iscoGroup) ? o.iscoGroup : null);
      // Unit-group codes always mean the group, so only longer codes (DISCO-08 job functions) name an occupation.
      if (o.code && !UNIT_GROUP.test(o.code) && !this.occupationCodes.has(o.code)) this.occupationCodes.set(o.code, id);
    }
    const essential: number[][] = [];
    const optional: number[][] = [];
    const essentialTo: number[][] = [];
    for (const r of input.relations) {
      const occupation = this.occupationIds.get(r.occupationUri);
      if (occupation === undefined) continue;
      const skill = this.internSkill(r.skillUri);
      if (r.relationType === 'essential') {
        push(essential, occupation, skill);
        push(essentialTo, skill, occupation);
      } else {
        push(optional, occupation, skill);
      }
    }
    const sorted = (list: number[] | undefined) => Int32Array.from(new Set(list ?? [])).sort();
    for (let o = 0; o < this.occupationUris.length; o += 1) {
      this.essentials[o] = sorted(essential[o]);
      const ess = new Set(this.essentials[o]);
      this.optionals[o] = sorted(optional[o]).filter((s) => !ess.has(s));
    }
    for (let s = 0; s < this.skillUris.length; s += 1) this.essentialTo[s] = sorted(essentialTo[s]);
    for (const p of input.postalCodes) this.postal.set(p.code, [p.lat, p.lon]);
    for (const m of input.municipalities ?? []) this.municipality.set(String(Number(m.code)), [m.lat, m.lon]);
    for (const c of input.certificates ?? []) this.certificateLabels.set(c.code, c.label);
  }

  get occupationCount(): number {
    return this.occupationUris.length;
  }

  get skillCount(): number {
    return this.skillUris.length;
  }

  get groupCount(): number {
    return this.groupCodes.length;
  }

  /** The id of a skill URI, interning unknown ones (labelled with the URI). */
  internSkill(uri: string, label?: string): number {
    let id = this.skillIds.get(uri);
    if (id === undefined) {
      id = this.skillUris.length;
      this.skillIds.set(uri, id);
      this.skillUris.push(uri);
      this.skillLabels.push(label ?? uri);
      this.essentialTo.push(new Int32Array(0));
    }
    return id;
  }

  /** The id of a skill URI, or -1. */
  skillId(uri: string): number {
    return this.skillIds.get(uri) ?? -1;
  }

  private internGroup(code: string): number {
    let id = this.groupIds.get(code);
    if (id === undefined) {
      id = this.groupCodes.length;
      this.groupIds.set(code, id);
      this.groupCodes.push(code);
      this.groupMembers.push([]);
    }
    return id;
  }

  private internOccupation(uri: string, label: string, group: string | null): number {
    const id = this.occupationUris.length;
    this.occupationIds.set(uri, id);
    this.occupationUris.push(uri);
    this.occupationLabels.push(label);
    const g = group === null ? -1 : this.internGroup(group);
    this.occupationGroup.push(g);
    if (g >= 0) this.groupMembers[g].push(id);
    this.essentials.push(new Int32Array(0));
    this.optionals.push(new Int32Array(0));
    return id;
  }

  /**
   * Resolves an occupation reference: a URI in the taxonomy; else a 6-digit DISCO-08 code (an occupation
   * with that code, or its unit group); else a 4-digit unit group. With `intern`, an unknown URI becomes
   * an occupation without a group (so candidates naming it still match orders naming it exactly).
   */
  resolveOccupation(ref: string, intern = false): ResolvedOccupation {
    const known = this.occupationIds.get(ref) ?? this.occupationCodes.get(ref);
    if (known !== undefined) return { occupation: known, group: this.occupationGroup[known] };
    if (CODE.test(ref)) {
      const g = ref.length === 5 ? -1 : this.internGroup(ref.slice(0, 4));
      return { occupation: -1, group: g };
    }
    if (!intern) return { occupation: -1, group: -1 };
    return { occupation: this.internOccupation(ref, ref, null), group: -1 };
  }

  groupCode(group: number): string {
    return this.groupCodes[group];
  }

  essentialSkills(occupation: number): Int32Array {
    return this.essentials[occupation];
  }

  optionalSkills(occupation: number): Int32Array {
    return this.optionals[occupation];
  }

  /** The required skills of an order that names only a unit group: those essential to most of its occupations. */
  groupEssentialSkills(group: number): Int32Array {
    const cached = this.groupDefaults.get(group);
    if (cached) return cached;
    const members = this.groupMembers[group].filter((o) => this.essentials[o].length > 0);
    const counts = new Map<number, number>();
    for (const o of members) for (const s of this.essentials[o]) counts.set(s, (counts.get(s) ?? 0) + 1);
    const picked = [...counts].filter(([, n]) => n >= Math.max(1, members.length * GROUP_ESSENTIAL_SHARE))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, GROUP_ESSENTIAL_MAX).map(([s]) => s);
    const result = Int32Array.from(picked).sort();
    this.groupDefaults.set(group, result);
    return result;
  }

  /**
   * Occupations to which a good share (≥ 25 %, at least two) of the given required skills are essential,
   * strongest first, at most 30. Cached per skill set.
   */
  relatedOccupations(required: Int32Array): RelatedOccupation[] {
    if (required.length === 0) return [];
    const key = required.join(',');
    const cached = this.relatedCache.get(key);
    if (cached) return cached;
    const counts = new Map<number, number>();
    for (const s of required) {
      for (const o of this.essentialTo[s]) counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    const minShared = Math.min(2, required.length);
    const related: RelatedOccupation[] = [];
    for (const [occupation, shared] of counts) {
      const strength = shared / required.length;
      if (shared >= minShared && strength >= RELATED_MIN_STRENGTH) related.push({ occupation, shared, strength });
    }
    related.sort((a, b) => b.shared - a.shared || a.occupation - b.occupation);
    const result = related.slice(0, RELATED_MAX);
    if (this.relatedCache.size >= CACHE_MAX) this.relatedCache.clear();
    this.relatedCache.set(key, result);
    return result;
  }

  /** [lat, lon] of a postal code's centroid, or null. */
  postalCentroid(code: string | null | undefined): [number, number] | null {
    return code ? this.postal.get(code.trim()) ?? null : null;
  }

  /** [lat, lon] of a municipality (by code, e.g. 621 or "0621"), or null. */
  municipalityCentroid(code: string | number | null | undefined): [number, number] | null {
    return code === null || code === undefined ? null : this.municipality.get(String(Number(code))) ?? null;
  }

  /** The Danish name of a certificate code: the taxonomy's, the built-in one, a skill's label, or the code. */
  certificateLabel(code: string): string {
    const skill = this.skillIds.get(code);
    return this.certificateLabels.get(code) ?? defaultCertificateLabels[code] ?? (skill === undefined ? code : this.skillLabels[skill]);
  }
}

/** Builds the matcher's taxonomy from plain arrays (see `MatchTaxonomyInput`). */
export function buildMatchTaxonomy(input: MatchTaxonomyInput): MatchTaxonomy {
  return new MatchTaxonomy(input);
}
