import { createHash } from 'node:crypto';

/*
 * The pure part of bulk assignment: who gets which company. No I/O, so it is tested and benchmarked on its own.
 */

/** A matching company as it stands in the organisation now, in Danish name order. */
export interface BulkCompanyState { id: string; responsibleId: string | null; tierId: string | null }

/** A chosen consultant, in Danish name order, with the size of their whole portfolio in the organisation now. */
export interface BulkConsultantState { id: string; portfolioCount: number }

export interface BulkPlanInput {
  organisationId: string;
  companies: readonly BulkCompanyState[];
  consultants: readonly BulkConsultantState[];
  tierId: string | null;
  balance: 'even' | 'portfolio';
}

export interface BulkPlanRow {
  id: string;
  responsibleBefore: string | null;
  responsibleAfter: string | null;
  tierBefore: string | null;
  tierAfter: string | null;
}

export interface BulkPlan {
  rows: BulkPlanRow[];
  /** Per chosen consultant (input order): how many of the matching companies they hold after the split. */
  targets: number[];
  fingerprint: string;
}

/**
 * Splits `total` companies across consultants whose portfolios start at `bases`, so the largest result is as small
 * as possible (water filling): everyone is raised to a common level L, and the few left over go one each to the
 * first consultants (in the given order) at that level. With all bases 0 this is total/k each, the first
 * total mod k getting one more.
 */
export function splitTargets(total: number, bases: readonly number[]): number[] {
  if (bases.length === 0) return [];
  const fill = (level: number) => bases.reduce((sum, b) => sum + Math.max(0, level - b), 0);
  // The highest level the companies can fill completely.
  let low = 0;
  let high = Math.max(...bases) + total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fill(mid) <= total) low = mid; else high = mid - 1;
  }
  const targets = bases.map((b) => Math.max(0, low - b));
  let left = total - fill(low);
  for (let i = 0; i < bases.length && left > 0; i += 1) {
    if (bases[i] <= low) { targets[i] += 1; left -= 1; }
  }
  return targets;
}

/**
 * Plans a bulk assignment. A chosen consultant keeps the matching companies they already have, up to their share
 * (the first ones in Danish name order), so re-applying the same plan changes nothing and a changed plan moves as
 * few companies as it can. The rest are dealt out in Danish name order, round-robin over the consultants that
 * still have room. Responsibles are untouched when no consultant is chosen; tiers when no tier is.
 */
export function planBulkAssignment(input: BulkPlanInput): BulkPlan {
  const { companies, consultants } = input;
  const index = new Map(consultants.map((c, i) => [c.id, i]));
  const inSet = consultants.map(() => 0);
  for (const c of companies) {
    const i = c.responsibleId === null ? undefined : index.get(c.responsibleId);
    if (i !== undefined) inSet[i] += 1;
  }
  const bases = input.balance === 'portfolio' ? consultants.map((c, i) => Math.max(0, c.portfolioCount - inSet[i])) : consultants.map(() => 0);
  const targets = splitTargets(companies.length, bases);

  const after: (string | null)[] = companies.map((c) => c.responsibleId);
  if (consultants.length > 0) {
    const kept = consultants.map(() => 0);
    const pool: number[] = [];
    companies.forEach((c, n) => {
      const i = c.responsibleId === null ? undefined : index.get(c.responsibleId);
      if (i !== undefined && kept[i] < targets[i]) kept[i] += 1;
      else pool.push(n);
    });
    const room = targets.map((t, i) => t - kept[i]);
    const slots: number[] = [];
    for (let round = 0; slots.length < pool.length && round <= pool.length; round += 1) {
      room.forEach((r, i) => { if (r > round) slots.push(i); });
    }
    pool.forEach((n, j) => { after[n] = consultants[slots[j]].id; });
  }

  const rows = companies.map((c, n) => ({
    id: c.id, responsibleBefore: c.responsibleId, responsibleAfter: after[n],
    tierBefore: c.tierId, tierAfter: input.tierId ?? c.tierId,
  }));
  return { rows, targets, fingerprint: fingerprintOf(input, rows) };
}

/** sha256 over the organisation, the choices, and every company with its state before and after, in order. */
function fingerprintOf(input: BulkPlanInput, rows: readonly BulkPlanRow[]): string {
  const hash = createHash('sha256');
  hash.update(`v1|${input.organisationId}|${input.tierId ?? ''}|${input.balance}|${input.consultants.map((c) => c.id).join(',')}\n`);
  for (const r of rows) {
    hash.update(`${r.id}:${r.responsibleBefore ?? ''}>${r.responsibleAfter ?? ''}:${r.tierBefore ?? ''}>${r.tierAfter ?? ''}\n`);
  }
  return hash.digest('hex');
}

export interface BulkCounts {
  changed: number;
  unchanged: number;
  responsibles: { new: number; reassigned: number; unchanged: number };
  tiers: { new: number; changed: number; unchanged: number };
}

/** What the plan changes: per company, per responsible and per tier. */
export function countChanges(rows: readonly BulkPlanRow[]): BulkCounts {
  const counts: BulkCounts = {
    changed: 0, unchanged: 0, responsibles: { new: 0, reassigned: 0, unchanged: 0 }, tiers: { new: 0, changed: 0, unchanged: 0 },
  };
  for (const r of rows) {
    if (r.responsibleBefore === r.responsibleAfter) counts.responsibles.unchanged += 1;
    else if (r.responsibleBefore === null) counts.responsibles.new += 1;
    else counts.responsibles.reassigned += 1;
    if (r.tierBefore === r.tierAfter) counts.tiers.unchanged += 1;
    else if (r.tierBefore === null) counts.tiers.new += 1;
    else counts.tiers.changed += 1;
    if (r.responsibleBefore === r.responsibleAfter && r.tierBefore === r.tierAfter) counts.unchanged += 1;
    else counts.changed += 1;
  }
  return counts;
}

/** Company ids grouped by a key (e.g. the new responsible), leaving rows whose key is null out. */
export function groupIds(rows: readonly BulkPlanRow[], key: (r: BulkPlanRow) => string | null): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const r of rows) {
    const k = key(r);
    if (k !== null) (groups[k] ??= []).push(r.id);
  }
  return groups;
}
