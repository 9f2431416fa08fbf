import { describe, expect, it } from 'vitest';
import { countChanges, groupIds, planBulkAssignment, splitTargets, type BulkCompanyState, type BulkPlanInput } from './bulk.plan';

const org = 'org';
const companies = (n: number, owner: (i: number) => string | null = () => null, tier: string | null = null): BulkCompanyState[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${String(i).padStart(3, '0')}`, responsibleId: owner(i), tierId: tier }));
const input = (over: Partial<BulkPlanInput>): BulkPlanInput => ({
  organisationId: org, companies: [], consultants: [], tierId: null, balance: 'even', ...over,
});
const owners = (rows: { responsibleAfter: string | null }[]) => rows.map((r) => r.responsibleAfter);
const tally = (rows: { responsibleAfter: string | null }[]) =>
  rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.responsibleAfter ?? '-']: (acc[r.responsibleAfter ?? '-'] ?? 0) + 1 }), {});

describe('splitTargets', () => {
  it('splits evenly, the first consultants taking the remainder', () => {
    expect(splitTargets(10, [0, 0, 0])).toEqual([4, 3, 3]);
    expect(splitTargets(12, [0, 0, 0, 0, 0, 0])).toEqual([2, 2, 2, 2, 2, 2]);
    expect(splitTargets(2, [0, 0, 0])).toEqual([1, 1, 0]);
    expect(splitTargets(0, [0, 0])).toEqual([0, 0]);
    expect(splitTargets(5, [])).toEqual([]);
  });

  it('fills the smallest portfolios first when balancing against them', () => {
    // Portfolios 5, 0, 2 plus 7 companies: everyone to 4, one left over for the first one at that level.
    expect(splitTargets(7, [5, 0, 2])).toEqual([0, 5, 2]);
    expect(splitTargets(3, [10, 0])).toEqual([0, 3]);
    expect(splitTargets(20, [10, 0])).toEqual([5, 15]);
    for (const [total, bases] of [[17, [3, 9, 0, 4]], [1, [2, 2]], [100, [50, 1, 7]]] as [number, number[]][]) {
      const t = splitTargets(total, bases);
      expect(t.reduce((a, b) => a + b, 0)).toBe(total);
      const after = bases.map((b, i) => b + t[i]);
      const raised = after.filter((_, i) => t[i] > 0);
      expect(Math.max(...raised) - Math.min(...after)).toBeLessThanOrEqual(1);
    }
  });
});

describe('planBulkAssignment', () => {
  it('deals the companies out round-robin in the given (Danish) order, balanced', () => {
    const plan = planBulkAssignment(input({ companies: companies(7), consultants: [{ id: 'a', portfolioCount: 0 }, { id: 'b', portfolioCount: 0 }, { id: 'c', portfolioCount: 0 }] }));
    expect(owners(plan.rows)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
    expect(plan.targets).toEqual([3, 2, 2]);
    expect(countChanges(plan.rows)).toMatchObject({ changed: 7, unchanged: 0, responsibles: { new: 7, reassigned: 0, unchanged: 0 } });
  });

  it('lets chosen consultants keep what they have up to their share, and moves as little as it can', () => {
    // a holds 5 of 6, b holds none: a keeps its first 3, hands 2 to b; the free one goes to b.
    const state = companies(6, (i) => (i < 5 ? 'a' : null));
    const plan = planBulkAssignment(input({ companies: state, consultants: [{ id: 'a', portfolioCount: 5 }, { id: 'b', portfolioCount: 0 }] }));
    expect(owners(plan.rows)).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(countChanges(plan.rows).responsibles).toEqual({ new: 1, reassigned: 2, unchanged: 3 });
    expect(groupIds(plan.rows, (r) => (r.responsibleAfter !== r.responsibleBefore ? r.responsibleBefore : null))).toEqual({ a: ['c003', 'c004'] });
  });

  it('is idempotent: re-planning the applied result changes nothing and keeps the fingerprint stable', () => {
    const consultants = [{ id: 'a', portfolioCount: 4 }, { id: 'b', portfolioCount: 0 }, { id: 'c', portfolioCount: 9 }];
    const first = planBulkAssignment(input({ companies: companies(20, (i) => (i % 3 === 0 ? 'x' : null)), consultants, tierId: 't1', balance: 'portfolio' }));
    const applied = first.rows.map((r) => ({ id: r.id, responsibleId: r.responsibleAfter, tierId: r.tierAfter }));
    const after = consultants.map((c) => ({ id: c.id, portfolioCount: c.portfolioCount + first.rows.filter((r) => r.responsibleAfter === c.id).length }));
    const second = planBulkAssignment(input({ companies: applied, consultants: after, tierId: 't1', balance: 'portfolio' }));
    expect(countChanges(second.rows)).toEqual({
      changed: 0, unchanged: 20, responsibles: { new: 0, reassigned: 0, unchanged: 20 }, tiers: { new: 0, changed: 0, unchanged: 20 },
    });
    expect(second.targets).toEqual(first.targets);
    expect(planBulkAssignment(input({ companies: applied, consultants: after, tierId: 't1', balance: 'portfolio' })).fingerprint).toBe(second.fingerprint);
  });

  it('balances against the whole portfolio when asked', () => {
    const consultants = [{ id: 'a', portfolioCount: 10 }, { id: 'b', portfolioCount: 2 }];
    const even = planBulkAssignment(input({ companies: companies(10), consultants }));
    expect(tally(even.rows)).toEqual({ a: 5, b: 5 });
    const byPortfolio = planBulkAssignment(input({ companies: companies(10), consultants, balance: 'portfolio' }));
    expect(tally(byPortfolio.rows)).toEqual({ a: 1, b: 9 });
  });

  it('touches only the tier when no consultant is chosen, and only responsibles when no tier is', () => {
    const state = companies(3, (i) => (i === 0 ? 'x' : null), 'old');
    const tierOnly = planBulkAssignment(input({ companies: state, tierId: 'new' }));
    expect(owners(tierOnly.rows)).toEqual(['x', null, null]);
    expect(countChanges(tierOnly.rows)).toMatchObject({ changed: 3, tiers: { new: 0, changed: 3, unchanged: 0 }, responsibles: { unchanged: 3 } });
    const peopleOnly = planBulkAssignment(input({ companies: state, consultants: [{ id: 'a', portfolioCount: 0 }] }));
    expect(peopleOnly.rows.map((r) => r.tierAfter)).toEqual(['old', 'old', 'old']);
  });

  it('gives a different fingerprint when the set, its state or the plan differs', () => {
    const consultants = [{ id: 'a', portfolioCount: 0 }, { id: 'b', portfolioCount: 0 }];
    const base = planBulkAssignment(input({ companies: companies(4), consultants })).fingerprint;
    expect(planBulkAssignment(input({ companies: companies(5), consultants })).fingerprint).not.toBe(base);
    expect(planBulkAssignment(input({ companies: companies(4, (i) => (i === 3 ? 'b' : null)), consultants })).fingerprint).not.toBe(base);
    expect(planBulkAssignment(input({ companies: companies(4), consultants, tierId: 't' })).fingerprint).not.toBe(base);
    expect(planBulkAssignment(input({ companies: companies(4), consultants: [consultants[1], consultants[0]] })).fingerprint).not.toBe(base);
    expect(planBulkAssignment(input({ companies: companies(4), consultants })).fingerprint).toBe(base);
  });
});
