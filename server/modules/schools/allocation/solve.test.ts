import { describe, expect, it } from 'vitest';
import { haversineKm } from './geo';
import { allocateSchools } from './solve';
import { hostOffer, lcg, schoolClass } from './test-fixtures';
import { defaultWeights, type AllocationInput, type AllocationResult, type HostOffer, type Success } from './types';

const themePool = ['robotter', 'svejsning', 'cnc', 'træ'];

/** A small random instance: ≤ 7 classes, ≤ 5 host-weeks, random themes, weeks, sizes and forbids. */
function randomInstance(seed: number): AllocationInput {
  const rnd = lcg(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pickSome = <T>(items: T[], n: number) => items.filter(() => rnd() < n / items.length);
  const weeks = [10, 11, 12];
  const hosts: HostOffer[] = [];
  let hostWeeks = 0;
  while (hostWeeks < 5) {
    const ws = pickSome(weeks, 1.5).slice(0, 5 - hostWeeks);
    if (ws.length === 0) continue;
    hostWeeks += ws.length;
    hosts.push(hostOffer(`h${hosts.length}`, {
      companyId: `co${int(0, 2)}`, municipalityCode: rnd() < 0.5 ? '751' : '746', lat: 56 + rnd() * 0.4, lon: 9.8 + rnd() * 0.6,
      weeks: ws, classesPerWeek: int(1, 2), maxPupils: int(20, 28), themes: pickSome(themePool, 2),
    }));
  }
  const classes = Array.from({ length: int(2, 7) }, (_, i) => schoolClass(`c${i}`, {
    municipalityCode: rnd() < 0.5 ? '751' : '746', lat: 56 + rnd() * 0.4, lon: 9.8 + rnd() * 0.6, pupils: int(18, 26),
    suitableWeeks: rnd() < 0.5 ? [] : pickSome(weeks, 2), preferredWeeks: rnd() < 0.5 ? [] : pickSome(weeks, 1), themes: pickSome(themePool, 1.5),
  }));
  const forbidden = classes.filter(() => rnd() < 0.2).map((c) => (rnd() < 0.5
    ? { classId: c.id, companyId: hosts[int(0, hosts.length - 1)].companyId }
    : { classId: c.id, hostOfferId: hosts[int(0, hosts.length - 1)].id }));
  return { classes, hosts, forbidden };
}

/** The cost of one class at one host-week written out from the weights' documentation, or null when not allowed. */
function pairCost(input: AllocationInput, ci: number, hi: number, week: number): number | null {
  const c = input.classes[ci];
  const h = input.hosts[hi];
  const w = defaultWeights;
  const banned = (input.forbidden ?? []).some((f) => f.classId === c.id && ('hostOfferId' in f ? f.hostOfferId === h.id : f.companyId === h.companyId));
  if (banned || c.pupils > h.maxPupils || (c.suitableWeeks.length > 0 && !c.suitableWeeks.includes(week))) return null;
  const missing = c.themes.length === 0 ? 0 : c.themes.filter((t) => !h.themes.includes(t)).length / c.themes.length;
  const wish = c.preferredWeeks && c.preferredWeeks.length > 0 && !c.preferredWeeks.includes(week) ? w.unpreferredWeek : 0;
  return w.perKm * haversineKm(c.lat, c.lon, h.lat, h.lon) + w.themeMismatch * missing + wish
    + (c.municipalityCode === h.municipalityCode ? 0 : w.outsideMunicipality);
}

/** Exhaustive search: the most classes any plan places, and the least cost of a plan placing all of them. */
function exhaustive(input: AllocationInput): { maxPlaced: number; best: number } {
  const slots = input.hosts.flatMap((h, hi) => h.weeks.map((week) => ({ hi, week, cap: h.classesPerWeek })));
  let maxPlaced = 0;
  let best = Infinity;
  const go = (ci: number, placed: number, cost: number) => {
    if (ci === input.classes.length) {
      maxPlaced = Math.max(maxPlaced, placed);
      if (placed === input.classes.length) best = Math.min(best, cost);
      return;
    }
    go(ci + 1, placed, cost);
    for (const slot of slots) {
      const c = slot.cap > 0 ? pairCost(input, ci, slot.hi, slot.week) : null;
      if (c === null) continue;
      slot.cap--;
      go(ci + 1, placed + 1, cost + c);
      slot.cap++;
    }
  };
  go(0, 0, 0);
  return { maxPlaced, best };
}

function expectPlanRespectsInput(input: AllocationInput, result: Success): void {
  const used = new Map<string, number>();
  for (const a of result.assignments) {
    const ci = input.classes.findIndex((c) => c.id === a.classId);
    const hi = input.hosts.findIndex((h) => h.id === a.hostOfferId);
    expect(input.hosts[hi].weeks).toContain(a.week);
    if (!a.locked) expect(pairCost(input, ci, hi, a.week)).not.toBeNull();
    used.set(`${a.hostOfferId}:${a.week}`, (used.get(`${a.hostOfferId}:${a.week}`) ?? 0) + 1);
  }
  for (const [key, n] of used) expect(n).toBeLessThanOrEqual(input.hosts.find((h) => h.id === key.split(':')[0])?.classesPerWeek ?? 0);
  expect(new Set(result.assignments.map((a) => a.classId)).size).toBe(input.classes.length);
}

const success = (r: AllocationResult): Success => {
  if (r.status !== 'optimal' && r.status !== 'feasible') throw new Error(`expected a plan, got ${JSON.stringify(r).slice(0, 500)}`);
  return r;
};

describe('allocateSchools: optimality against exhaustive search', () => {
  it('matches the exhaustive optimum, or reports exactly how many classes are short, on 40 random small instances', async () => {
    let feasible = 0;
    let infeasible = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const input = randomInstance(seed);
      const truth = exhaustive(input);
      const result = await allocateSchools(input);
      if (truth.maxPlaced === input.classes.length) {
        feasible++;
        const plan = success(result);
        expect(plan.status).toBe('optimal');
        expect(plan.objective).toBeCloseTo(truth.best, 6);
        expect(plan.bound).toBeLessThanOrEqual(plan.objective + 1e-9);
        expect(plan.gapPct).toBeLessThanOrEqual(0.1);
        expectPlanRespectsInput(input, plan);
        const sum = plan.assignments.reduce((s, a) => s + a.reasons.cost.total, 0);
        expect(sum).toBeCloseTo(plan.objective, 9);
      } else {
        infeasible++;
        expect(result.status).toBe('infeasible');
        if (result.status === 'infeasible') expect(result.shortage.shortClasses).toBe(input.classes.length - truth.maxPlaced);
      }
    }
    expect(feasible).toBeGreaterThan(10);
    expect(infeasible).toBeGreaterThan(3);
  });

  it('pricing recovers the optimum when the first restricted model has one candidate per class', async () => {
    const rnd = lcg(99);
    const classes = Array.from({ length: 60 }, (_, i) => schoolClass(`c${i}`, {
      lat: 56.1 + rnd() * 0.2, lon: 10.1 + rnd() * 0.2, municipalityCode: rnd() < 0.5 ? '751' : '746', themes: [themePool[i % 4]],
    }));
    const hosts = Array.from({ length: 25 }, (_, i) => hostOffer(`h${i}`, {
      lat: 56.1 + rnd() * 0.2, lon: 10.1 + rnd() * 0.2, weeks: [10, 11, 12], classesPerWeek: 1, themes: [themePool[i % 3]],
    }));
    const narrow = success(await allocateSchools({ classes, hosts, options: { initialCandidates: 1, columnsPerRound: 2 } }));
    const dense = success(await allocateSchools({ classes, hosts, options: { initialCandidates: 10_000 } }));
    expect(narrow.stats.pricingRounds).toBeGreaterThan(1);
    expect(narrow.stats.pricedColumns).toBeGreaterThan(0);
    expect(narrow.stats.pricingConverged).toBe(true);
    expect(narrow.objective).toBeCloseTo(dense.objective, 6);
    expect(narrow.status).toBe('optimal');
  });
});

describe('allocateSchools: locks and forbidden pairs', () => {
  const hosts = [hostOffer('near', { lat: 56.15, lon: 10.2 }), hostOffer('far', { lat: 56.5, lon: 10.2, weeks: [12, 13] })];
  const classes = [schoolClass('a'), schoolClass('b', { suitableWeeks: [12, 13] })];

  it('keeps a locked assignment and re-plans the rest around it', async () => {
    const free = success(await allocateSchools({ classes, hosts }));
    const lockedTo = free.assignments.find((a) => a.classId === 'a')?.hostOfferId === 'near' ? 'far' : 'near';
    const plan = success(await allocateSchools({ classes, hosts, locks: [{ classId: 'a', hostOfferId: lockedTo, week: 12 }] }));
    const a = plan.assignments.find((x) => x.classId === 'a');
    expect(a).toMatchObject({ hostOfferId: lockedTo, week: 12, locked: true });
    expect(a?.reasons.items.map((i) => i.code)).toContain('locked');
    expect(plan.stats.lockedClasses).toBe(1);
    expect(plan.objective).toBeGreaterThanOrEqual(free.objective - 1e-9);
    expect(plan.assignments.find((x) => x.classId === 'b')).toMatchObject({ locked: false });
  });

  it('never uses a forbidden offer or company', async () => {
    const byOffer = success(await allocateSchools({ classes, hosts, forbidden: [{ classId: 'a', hostOfferId: 'near' }] }));
    expect(byOffer.assignments.find((x) => x.classId === 'a')?.hostOfferId).toBe('far');
    const byCompany = success(await allocateSchools({ classes, hosts, forbidden: [{ classId: 'b', companyId: 'co-near' }] }));
    expect(byCompany.assignments.find((x) => x.classId === 'b')?.hostOfferId).toBe('far');
  });

  it('gives the same plan on every run (deterministic)', async () => {
    const input = randomInstance(5);
    const strip = (r: AllocationResult) => JSON.stringify({ ...r, solveSeconds: 0 });
    expect(strip(await allocateSchools(input))).toBe(strip(await allocateSchools(input)));
  });
});
