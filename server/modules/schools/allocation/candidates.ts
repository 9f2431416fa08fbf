import { baseCost, distanceKm, hostAllowed, weekAllowed, weekCost, type World } from './world';

/** A column of the restricted model: class `ci` at host-week `hw`. */
export interface Candidate {
  ci: number;
  hw: number;
  cost: number;
}

/** Visits every allowed host-week with places left of class `ci` whose host may lie within `radiusKm`. */
function scanBand(world: World, ci: number, radiusKm: number, visit: (hw: number, km: number, cost: number) => void): void {
  const c = world.classes[ci];
  world.hostIndex.forEachNear(c.lat, c.lon, radiusKm, (hi) => {
    if (!hostAllowed(world, ci, hi)) return;
    const weeks = world.hostWeeks[hi];
    let km = -1;
    let base = 0;
    for (const hw of weeks) {
      if (world.hwCap[hw] <= 0 || !weekAllowed(world, ci, world.hwWeek[hw])) continue;
      if (km < 0) {
        km = distanceKm(world, ci, hi);
        base = baseCost(world, ci, hi, km);
      }
      visit(hw, km, base + weekCost(world, ci, world.hwWeek[hw]));
    }
  });
}

/**
 * The k cheapest host-weeks with places left for one class, exactly: the search radius widens until the k-th
 * cheapest found costs no more than perKm × radius, below which nothing farther away can come.
 */
export function cheapestHostWeeks(world: World, ci: number, k: number): Candidate[] {
  const perKm = world.weights.perKm;
  let radius = perKm > 0 ? 25 : Infinity;
  for (;;) {
    const found: Candidate[] = [];
    scanBand(world, ci, radius, (hw, _km, cost) => found.push({ ci, hw, cost }));
    found.sort((a, b) => a.cost - b.cost || a.hw - b.hw);
    const covered = radius === Infinity || radius > 40_000;
    if (covered || (found.length >= k && found[k - 1].cost <= perKm * radius)) return found.slice(0, k);
    // With k found, the k-th cost is exactly the radius that settles it; otherwise look farther.
    radius = found.length >= k ? found[k - 1].cost / perKm + 1e-9 : radius * 3;
  }
}

export interface PricingResult {
  columns: Candidate[];
  /** Σ over classes of min(0, most negative reduced cost): added to the LP value it gives a global bound. */
  lagrangianGap: number;
}

/**
 * Prices every left-out pair against the restricted LP's duals (classDual per free class row, hwDual per
 * host-week row, ≤ 0). The reduced cost is cost − u_c − v_hw; as cost ≥ perKm·km and −v_hw ≤ −min(v),
 * only hosts within (u_c − min v)/perKm km can price out, so each class scans a small neighbourhood only.
 */
export function priceOut(world: World, freeClasses: number[], classDual: Float64Array, hwDual: Float64Array,
  inModel: Set<number>, maxPerClass: number): PricingResult {
  const perKm = world.weights.perKm;
  let minV = 0;
  for (const v of hwDual) if (v < minV) minV = v;
  const columns: Candidate[] = [];
  let lagrangianGap = 0;
  const tolerance = 1e-6;
  freeClasses.forEach((ci, row) => {
    const u = classDual[row];
    const radius = perKm > 0 ? Math.max(0, (u - minV) / perKm) + 1e-6 : Infinity;
    const found: (Candidate & { reduced: number })[] = [];
    let best = 0;
    scanBand(world, ci, radius, (hw, km, cost) => {
      if (perKm * km > u - minV + tolerance) return;
      const reduced = cost - u - hwDual[hw];
      if (reduced < best) best = reduced;
      if (reduced < -tolerance && !inModel.has(ci * world.hwHost.length + hw)) found.push({ ci, hw, cost, reduced });
    });
    lagrangianGap += best;
    found.sort((a, b) => a.reduced - b.reduced || a.hw - b.hw);
    for (const cand of found.slice(0, maxPerClass)) columns.push({ ci, hw: cand.hw, cost: cand.cost });
  });
  return { columns, lagrangianGap };
}

/** The key a pair has in the restricted model's column set. */
export const pairKey = (world: World, ci: number, hw: number): number => ci * world.hwHost.length + hw;
