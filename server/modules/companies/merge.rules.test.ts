import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../db/test-db';
import { planProblems, referencePlan } from './merge.plan';
import { referencingColumns, tableTriggers, type ReferencingColumn } from './merge.references.repo';
import { companyConflictRules, companyUnkeyedReferences, planColumns, reviewedCompanyTriggers } from './merge.rules';
import { companyReferenceSpec } from './merge.service';

const column = (key: string, uniqueKeys: ReferencingColumn['uniqueKeys'] = [], composite = false): ReferencingColumn => {
  const [table, col] = key.split('.');
  return { table, column: col, key, composite, uniqueKeys };
};

describe('planColumns', () => {
  const rules = { 'x.company_id': { strategy: 'survivor-wins', key: ['organisation_id'], why: 'test' } } as const;

  it('moves a column outside unique keys, and applies a rule whose key matches every unique index', () => {
    const plans = planColumns([
      column('notes.company_id'),
      column('x.company_id', [{ index: 'x_pkey', otherColumns: ['organisation_id'], expression: false }]),
    ], rules);
    expect(plans.map((p) => p.kind)).toEqual(['move', 'rule']);
  });

  it('leaves unhandled: a unique key without a rule, a rule whose key does not fit, an expression index, a composite key', () => {
    const plans = planColumns([
      column('y.company_id', [{ index: 'y_pkey', otherColumns: ['year'], expression: false }]),
      column('x.company_id', [
        { index: 'x_pkey', otherColumns: ['organisation_id'], expression: false },
        { index: 'x_user_idx', otherColumns: ['user_id'], expression: false },
      ]),
      column('x.company_id', [{ index: 'x_expr', otherColumns: ['organisation_id'], expression: true }]),
      column('z.company_id', [], true),
    ], rules);
    expect(plans.map((p) => p.kind)).toEqual(['unhandled', 'unhandled', 'unhandled', 'unhandled']);
    expect(plans[1].kind === 'unhandled' && plans[1].problem).toContain('x_user_idx');
  });
});

/*
 * The guard for tables added later: every column that references companies(id) from inside a unique key
 * needs a rule in merge.rules.ts, and every uuid column named like a company reference without a foreign
 * key needs an entry too. Add a table such as `company_x (company_id, organisation_id, primary key (...))`
 * and this fails until somebody decides what a merge does with its conflicts.
 */
describe(`the merge knows every reference to companies (${testEngine})`, () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => database?.drop());

  it('has a rule for every company column in a unique key, and for every unkeyed company_id column', async () => {
    const plan = await referencePlan(database.db, companyReferenceSpec);
    expect(planProblems(plan)).toEqual([]);
    expect(plan.columns.length).toBeGreaterThanOrEqual(8);
    const ruled = plan.columns.filter((p) => p.kind === 'rule').map((p) => p.column.key).sort();
    expect(ruled).toEqual(Object.keys(companyConflictRules).sort());
  });

  it('has no stale rules: each names a column that references companies, and each unkeyed entry exists', async () => {
    const keys = (await referencingColumns(database.db, 'companies')).map((c) => c.key);
    for (const key of Object.keys(companyConflictRules)) expect(keys, key).toContain(key);
    const plan = await referencePlan(database.db, companyReferenceSpec);
    expect(plan.unkeyed.sort()).toEqual(Object.keys(companyUnkeyedReferences).sort());
  });

  it('has reviewed every trigger on companies', async () => {
    expect(await tableTriggers(database.db, 'companies')).toEqual(Object.keys(reviewedCompanyTriggers).sort());
  });
});
