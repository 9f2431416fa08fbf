import type { ReferencingColumn } from './merge.references.repo';

/**
 * How a merge treats the rows that refer to the merged record. A column without a unique key over it is
 * simply pointed at the survivor. A column inside a unique key (one row per organisation and company, …)
 * could collide with the survivor's own row, so it needs a rule here; a merge refuses to run while any
 * such column has none (and merge.rules.test.ts fails), so a new table cannot be merged wrongly by accident.
 */
export type ConflictRule =
  | { strategy: 'survivor-wins'; key: readonly string[]; why: string }
  | { strategy: 'combine'; key: readonly string[]; combine: Readonly<Record<string, 'max' | 'sum'>>; why: string };

/** What a merge does with references that have no foreign key (the catalog cannot find them). */
export type UnkeyedRule = { action: 'move' | 'drop' | 'keep'; why: string };

/** Rules for columns referencing companies(id) that sit in a unique key, by "table.column". */
export const companyConflictRules: Readonly<Record<string, ConflictRule>> = {
  'company_responsibles.company_id': {
    strategy: 'survivor-wins', key: ['organisation_id'],
    why: 'One responsible consultant per organisation: where both companies have one, the survivor\'s stays.',
  },
  'company_tiers.company_id': {
    strategy: 'survivor-wins', key: ['organisation_id'],
    why: 'One contact tier per organisation: where both companies have one, the survivor\'s stays.',
  },
  'company_last_contacts.company_id': {
    strategy: 'combine', key: ['organisation_id'], combine: { last_contact_date: 'max', interaction_count: 'sum' },
    why: 'The interactions of both now belong to the survivor: the later last contact and the summed count.',
  },
};

/**
 * Company references without a foreign key (the catalog cannot find them), by "table.column".
 * `move` points them at the survivor; `drop` deletes the rows (they only made sense for the merged company).
 */
export const companyUnkeyedReferences: Readonly<Record<string, UnkeyedRule>> = {
  'import_job_rows.company_id': { action: 'move', why: 'A staged import row applies to the survivor.' },
};

/**
 * Triggers on companies, reviewed for what a merge does (updating the survivor, deleting the merged row).
 * A new trigger makes merge.rules.test.ts fail until somebody has looked at it and added it here.
 */
export const reviewedCompanyTriggers: Readonly<Record<string, string>> = {
  companies_name_words_insert: 'Adds the words of new names to company_name_words; a merge inserts no company.',
  companies_name_words_update: 'Adds the survivor\'s words again (a no-op); the merged name\'s words stay, which only widens a search.',
};

export type ColumnPlan =
  | { kind: 'move'; column: ReferencingColumn }
  | { kind: 'rule'; column: ReferencingColumn; rule: ConflictRule }
  | { kind: 'unhandled'; column: ReferencingColumn; problem: string };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Decides, for each referencing column, how a merge treats it. A rule covers a column only if its key is
 * exactly the other columns of every unique index over the column; anything else is `unhandled`.
 */
export function planColumns(columns: readonly ReferencingColumn[], rules: Readonly<Record<string, ConflictRule>>): ColumnPlan[] {
  return columns.map((column): ColumnPlan => {
    if (column.composite) return { kind: 'unhandled', column, problem: 'fremmednøglen går over flere kolonner' };
    const rule = rules[column.key];
    if (column.uniqueKeys.length === 0) return rule ? { kind: 'rule', column, rule } : { kind: 'move', column };
    if (!rule) return { kind: 'unhandled', column, problem: `indgår i den unikke nøgle ${column.uniqueKeys.map((u) => u.index).join(', ')} uden en regel` };
    const uncovered = column.uniqueKeys.filter((u) => u.expression || !sameSet(u.otherColumns, rule.key));
    if (uncovered.length > 0) {
      return { kind: 'unhandled', column, problem: `reglens nøgle (${rule.key.join(', ')}) passer ikke til ${uncovered.map((u) => u.index).join(', ')}` };
    }
    return { kind: 'rule', column, rule };
  });
}
