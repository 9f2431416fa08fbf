import { haversineKm, PointIndex } from './geo';
import type { AllocationInput, AllocationWeights, HostOffer, SchoolClass } from './types';

/** Theme names compare trimmed and lower-cased, so "Robotter" and "robotter " are one theme. */
export const themeKey = (theme: string): string => theme.trim().toLocaleLowerCase('da');

/**
 * The validated input in index form: host-weeks (one per offer and offered week) are the capacity rows,
 * locked classes are taken out and their places subtracted, forbidden pairs are per-class host sets.
 */
export interface World {
  classes: SchoolClass[];
  hosts: HostOffer[];
  weights: AllocationWeights;
  classThemes: Set<string>[];
  hostThemes: Set<string>[];
  /** Null = any week. */
  suitable: (Set<number> | null)[];
  /** Null = no wish. */
  preferred: (Set<number> | null)[];
  forbiddenHosts: Map<number, Set<number>>;
  hwHost: Int32Array;
  hwWeek: Int32Array;
  /** Places left in each host-week after locks. */
  hwCap: Int32Array;
  /** Host-week indices of each host, in the host's week order. */
  hostWeeks: number[][];
  /** Host-week of each locked class, -1 when free. */
  lockedHw: Int32Array;
  hostIndex: PointIndex;
  /** Largest cost any eligible pair can have (bounding-box distance plus every penalty). */
  maxPairCost: number;
}

export function buildWorld(input: AllocationInput, weights: AllocationWeights): World {
  const { classes, hosts } = input;
  const hostById = new Map(hosts.map((h, i) => [h.id, i]));
  const classById = new Map(classes.map((c, i) => [c.id, i]));
  const hwHost: number[] = [];
  const hwWeek: number[] = [];
  const hwCap: number[] = [];
  const hostWeeks = hosts.map((h, hi) => [...new Set(h.weeks)].map((week) => {
    hwHost.push(hi);
    hwWeek.push(week);
    hwCap.push(h.classesPerWeek);
    return hwHost.length - 1;
  }));
  const lockedHw = new Int32Array(classes.length).fill(-1);
  for (const lock of input.locks ?? []) {
    const ci = classById.get(lock.classId);
    const hi = hostById.get(lock.hostOfferId);
    if (ci === undefined || hi === undefined) continue;
    const hw = hostWeeks[hi].find((k) => hwWeek[k] === lock.week);
    if (hw === undefined) continue;
    lockedHw[ci] = hw;
    hwCap[hw] -= 1;
  }
  const forbiddenHosts = new Map<number, Set<number>>();
  const offersOfCompany = new Map<string, number[]>();
  hosts.forEach((h, hi) => offersOfCompany.set(h.companyId, [...(offersOfCompany.get(h.companyId) ?? []), hi]));
  for (const f of input.forbidden ?? []) {
    const ci = classById.get(f.classId);
    if (ci === undefined) continue;
    const his = 'hostOfferId' in f ? [hostById.get(f.hostOfferId)].filter((x) => x !== undefined) : offersOfCompany.get(f.companyId) ?? [];
    const set = forbiddenHosts.get(ci) ?? new Set<number>();
    for (const hi of his) set.add(hi);
    forbiddenHosts.set(ci, set);
  }
  const all = [...classes, ...hosts];
  const box = all.reduce((b, p) => ({
    minLat: Math.min(b.minLat, p.lat), maxLat: Math.max(b.maxLat, p.lat), minLon: Math.min(b.minLon, p.lon), maxLon: Math.max(b.maxLon, p.lon),
  }), { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity });
  const diagonal = all.length === 0 ? 0 : haversineKm(box.minLat, box.minLon, box.maxLat, box.maxLon);
  return {
    classes,
    hosts,
    weights,
    classThemes: classes.map((c) => new Set(c.themes.map(themeKey))),
    hostThemes: hosts.map((h) => new Set(h.themes.map(themeKey))),
    suitable: classes.map((c) => (c.suitableWeeks.length > 0 ? new Set(c.suitableWeeks) : null)),
    preferred: classes.map((c) => (c.preferredWeeks && c.preferredWeeks.length > 0 ? new Set(c.preferredWeeks) : null)),
    forbiddenHosts,
    hwHost: Int32Array.from(hwHost),
    hwWeek: Int32Array.from(hwWeek),
    hwCap: Int32Array.from(hwCap),
    hostWeeks,
    lockedHw,
    hostIndex: new PointIndex(hosts.map((h) => h.lat), hosts.map((h) => h.lon)),
    maxPairCost: weights.perKm * diagonal * 1.5 + weights.themeMismatch + weights.unpreferredWeek + weights.outsideMunicipality,
  };
}

/** Class and host can meet at all (any week): the class fits and the pair is not forbidden. */
export function hostAllowed(world: World, ci: number, hi: number): boolean {
  return world.classes[ci].pupils <= world.hosts[hi].maxPupils && !world.forbiddenHosts.get(ci)?.has(hi);
}

export function weekAllowed(world: World, ci: number, week: number): boolean {
  const suitable = world.suitable[ci];
  return suitable === null || suitable.has(week);
}

/** Share of the class's themes the host lacks (0 when the class named none). */
export function missingThemeShare(world: World, ci: number, hi: number): number {
  const wanted = world.classThemes[ci];
  if (wanted.size === 0) return 0;
  let missing = 0;
  for (const theme of wanted) if (!world.hostThemes[hi].has(theme)) missing++;
  return missing / wanted.size;
}

export function distanceKm(world: World, ci: number, hi: number): number {
  const c = world.classes[ci];
  const h = world.hosts[hi];
  return haversineKm(c.lat, c.lon, h.lat, h.lon);
}

/** Cost of a class at a host, apart from the week. */
export function baseCost(world: World, ci: number, hi: number, km = distanceKm(world, ci, hi)): number {
  const w = world.weights;
  return w.perKm * km + w.themeMismatch * missingThemeShare(world, ci, hi)
    + (world.classes[ci].municipalityCode === world.hosts[hi].municipalityCode ? 0 : w.outsideMunicipality);
}

export function weekCost(world: World, ci: number, week: number): number {
  const preferred = world.preferred[ci];
  return preferred === null || preferred.has(week) ? 0 : world.weights.unpreferredWeek;
}

/** Every eligible host-week of a class (capacity not considered), with its cost. */
export function forEachEligibleHostWeek(world: World, ci: number, hi: number, base: number, visit: (hw: number, cost: number) => void): void {
  if (!hostAllowed(world, ci, hi)) return;
  for (const hw of world.hostWeeks[hi]) {
    const week = world.hwWeek[hw];
    if (weekAllowed(world, ci, week)) visit(hw, base + weekCost(world, ci, week));
  }
}
