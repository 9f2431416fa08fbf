import type { Bottleneck, MunicipalityShortage, NoHostCause, Problem, Shortage } from './types';
import { hostAllowed, weekAllowed, type World } from './world';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** True when the class has at least one host-week it may use (capacity not considered). */
export function hasEligibleHost(world: World, ci: number): boolean {
  return world.hosts.some((_, hi) => hostAllowed(world, ci, hi) && world.hostWeeks[hi].some((hw) => weekAllowed(world, ci, world.hwWeek[hw])));
}

/** Why a class has no eligible host: each cause alone, or both together when only their combination rules all out. */
export function noHostCauses(world: World, ci: number): NoHostCause[] {
  const forbidden = world.forbiddenHosts.get(ci);
  const open = world.hosts.map((_, hi) => hi).filter((hi) => !forbidden?.has(hi));
  if (open.length === 0) return ['all_forbidden'];
  const pupils = world.classes[ci].pupils;
  const causes: NoHostCause[] = [];
  if (!open.some((hi) => world.hostWeeks[hi].some((hw) => weekAllowed(world, ci, world.hwWeek[hw])))) causes.push('no_week_overlap');
  if (!open.some((hi) => world.hosts[hi].maxPupils >= pupils)) causes.push('too_many_pupils');
  return causes.length > 0 ? causes : ['no_week_overlap', 'too_many_pupils'];
}

function noHostText(world: World, ci: number, causes: NoHostCause[]): string {
  const c = world.classes[ci];
  if (causes[0] === 'all_forbidden') return `Klasse ${c.label} kan ikke placeres: alle værter er udelukket for klassen.`;
  const maxPupils = Math.max(0, ...world.hosts.map((h) => h.maxPupils));
  if (causes.length === 2) return `Klasse ${c.label} (${c.pupils} elever) kan ikke placeres: ingen vært tager så mange elever i de uger, der passer klassen.`;
  if (causes[0] === 'too_many_pupils') return `Klasse ${c.label} kan ikke placeres: den har ${c.pupils} elever, men ingen vært tager mere end ${maxPupils}.`;
  return `Klasse ${c.label} kan ikke placeres: ingen vært tilbyder de uger, der passer klassen (${c.suitableWeeks.join(', ')}).`;
}

/** Host-weeks a class may use, places left or not. */
function eligibleHostWeeks(world: World, ci: number): number[] {
  const out: number[] = [];
  world.hosts.forEach((_, hi) => {
    if (!hostAllowed(world, ci, hi)) return;
    for (const hw of world.hostWeeks[hi]) if (weekAllowed(world, ci, world.hwWeek[hw])) out.push(hw);
  });
  return out;
}

/**
 * Hall's condition made visible: from each unassigned class, follow every host-week it may use and every class
 * the plan put there, and so on. In an optimal plan all those host-weeks are full, so the classes reached need
 * more places than their host-weeks have: `classes − capacity` is exactly what is short there. Components that
 * meet are merged.
 */
function bottlenecks(world: World, assignedHw: Map<number, number>, unassigned: number[]): Bottleneck[] {
  const classesAt = new Map<number, number[]>();
  for (const [ci, hw] of assignedHw) classesAt.set(hw, [...(classesAt.get(hw) ?? []), ci]);
  const parent: number[] = [];
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const classComp = new Map<number, number>();
  const hwComp = new Map<number, number>();
  for (const start of unassigned) {
    if (classComp.has(start)) continue;
    const comp = parent.length;
    parent.push(comp);
    const queue = [start];
    classComp.set(start, comp);
    while (queue.length > 0) {
      const ci = queue.pop() as number;
      for (const hw of eligibleHostWeeks(world, ci)) {
        const other = hwComp.get(hw);
        if (other !== undefined) {
          parent[find(other)] = find(comp);
          continue;
        }
        hwComp.set(hw, comp);
        for (const next of classesAt.get(hw) ?? []) {
          if (!classComp.has(next)) {
            classComp.set(next, comp);
            queue.push(next);
          }
        }
      }
    }
  }
  const groups = new Map<number, { classes: number[]; hws: number[] }>();
  const group = (comp: number) => {
    const root = find(comp);
    if (!groups.has(root)) groups.set(root, { classes: [], hws: [] });
    return groups.get(root) as { classes: number[]; hws: number[] };
  };
  for (const [ci, comp] of classComp) group(comp).classes.push(ci);
  for (const [hw, comp] of hwComp) group(comp).hws.push(hw);
  const offeredWeeks = new Set(world.hwWeek);
  const unassignedSet = new Set(unassigned);
  return [...groups.values()].map(({ classes, hws }) => {
    const weeks = [...new Set(hws.map((hw) => world.hwWeek[hw]))].sort((a, b) => a - b);
    const byMunicipality = new Map<string, MunicipalityShortage>();
    const entry = (code: string) => {
      if (!byMunicipality.has(code)) byMunicipality.set(code, { municipalityCode: code, classes: 0, capacity: 0 });
      return byMunicipality.get(code) as MunicipalityShortage;
    };
    for (const ci of classes) entry(world.classes[ci].municipalityCode).classes++;
    for (const hw of hws) entry(world.hosts[world.hwHost[hw]].municipalityCode).capacity += Math.max(0, world.hwCap[hw]);
    return {
      short: classes.filter((ci) => unassignedSet.has(ci)).length,
      classes: classes.length,
      capacity: hws.reduce((sum, hw) => sum + Math.max(0, world.hwCap[hw]), 0),
      weeks,
      allWeeks: weeks.length === offeredWeeks.size,
      municipalities: [...byMunicipality.values()].sort((a, b) => b.classes - a.classes || a.municipalityCode.localeCompare(b.municipalityCode)),
      classIds: classes.map((ci) => world.classes[ci].id).sort(),
    };
  }).sort((a, b) => b.short - a.short || a.classIds[0].localeCompare(b.classIds[0]));
}

function bottleneckText(b: Bottleneck): string {
  const weeks = b.allWeeks ? '' : ` i ${b.weeks.length === 1 ? 'uge' : 'ugerne'} ${b.weeks.join(', ')}`;
  const where = b.municipalities.slice(0, 5)
    .map((m) => `kommune ${m.municipalityCode}: ${plural(m.classes, 'klasse', 'klasser')}, ${plural(m.capacity, 'plads', 'pladser')}`).join('; ');
  return `Der mangler plads til ${plural(b.short, 'klasse', 'klasser')}${weeks}: ${plural(b.classes, 'klasse', 'klasser')} kan kun bruge værter med ${plural(b.capacity, 'ledig plads', 'ledige pladser')} (${where}).`;
}

/** The infeasibility report: the exact number of classes short, where, and which classes have no host at all. */
export function describeShortage(world: World, assignedHw: Map<number, number>, unassigned: number[], noHost: number[]): { shortage: Shortage; problems: Problem[] } {
  const found = bottlenecks(world, assignedHw, unassigned);
  const noEligibleHost = noHost.map((ci) => ({ classId: world.classes[ci].id, label: world.classes[ci].label, causes: noHostCauses(world, ci) }));
  const totalCapacity = world.hwCap.reduce((sum, cap) => sum + Math.max(0, cap), 0);
  const shortClasses = unassigned.length + noHost.length;
  const problems: Problem[] = [{
    code: 'capacity.short_total',
    severity: 'error',
    params: { short: shortClasses, classes: world.classes.length, capacity: totalCapacity },
    text: `Der kan ikke laves en plan for alle klasser: ${plural(shortClasses, 'klasse', 'klasser')} af ${world.classes.length} kan ikke få en plads. Værterne har ${plural(totalCapacity, 'ledig plads', 'ledige pladser')} i alt.`,
  }];
  noEligibleHost.forEach((entry, k) => problems.push({
    code: 'class.no_eligible_host', severity: 'error', params: { label: entry.label, causes: entry.causes.join(',') },
    text: noHostText(world, noHost[k], entry.causes), ref: { classId: entry.classId },
  }));
  for (const b of found) {
    problems.push({
      code: b.allWeeks ? 'capacity.short' : 'capacity.short_in_weeks', severity: 'error',
      params: { short: b.short, classes: b.classes, capacity: b.capacity, weeks: b.weeks.join(', ') },
      text: bottleneckText(b),
      ...(b.municipalities.length === 1 ? { ref: { municipalityCode: b.municipalities[0].municipalityCode } } : {}),
    });
  }
  return { shortage: { shortClasses, totalClasses: world.classes.length, totalCapacity, noEligibleHost, bottlenecks: found }, problems };
}
