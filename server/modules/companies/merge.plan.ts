import type { Db } from '../../db/client';
import { ProblemError } from '../../http/errors';
import * as refs from './merge.references.repo';
import { planColumns, type ColumnPlan, type ConflictRule, type UnkeyedRule } from './merge.rules';

export interface ReferenceSpec {
  /** The table whose rows are merged (companies, company_contacts, …). */
  table: string;
  /** Rules for referencing columns inside a unique key, by "table.column". */
  rules: Readonly<Record<string, ConflictRule>>;
  /** Column name of references without a foreign key ("company_id" also finds "…_company_id"). */
  unkeyedColumn: string;
  unkeyedRules: Readonly<Record<string, UnkeyedRule>>;
}

export interface ReferencePlan {
  columns: ColumnPlan[];
  /** Unkeyed reference columns that have a rule. */
  unkeyed: string[];
  /** Unkeyed reference columns without a rule: a merge refuses while there are any. */
  unknownUnkeyed: string[];
}

/** Every place that refers to `spec.table`, and how a merge treats it; read from the catalog now, not when the code was written. */
export async function referencePlan(db: Db, spec: ReferenceSpec): Promise<ReferencePlan> {
  const columns = planColumns(await refs.referencingColumns(db, spec.table), spec.rules);
  const unkeyed = await refs.unkeyedReferenceColumns(db, spec.unkeyedColumn);
  return { columns, unkeyed: unkeyed.filter((k) => spec.unkeyedRules[k]), unknownUnkeyed: unkeyed.filter((k) => !spec.unkeyedRules[k]) };
}

/** The reasons a plan cannot be carried out, in Danish; empty when it can. */
export function planProblems(plan: ReferencePlan): string[] {
  return [
    ...plan.columns.flatMap((p) => (p.kind === 'unhandled' ? [`${p.column.key}: ${p.problem}`] : [])),
    ...plan.unknownUnkeyed.map((k) => `${k}: en henvisning uden fremmednøgle og uden en regel`),
  ];
}

/** Refuses (500, code merge_rule_missing) a merge whose plan has a column without a rule. */
export function refuseIncompletePlan(plan: ReferencePlan, what: string): void {
  const problems = planProblems(plan);
  if (problems.length > 0) {
    throw new ProblemError(500, 'merge_rule_missing',
      `Sammenlægning af ${what} er slået fra, fordi ikke alle tabeller, der henviser til dem, har en regel: ${problems.join('; ')}.`,
      { tables: problems });
  }
}

/** Keys of a confidential row that say nothing about its content. */
const neutralKey = /^(id|kind|status|date|confidential)$|_id$|_at$/;

/**
 * The audit log and company_merges are read outside the author's organisation, so a confidential row's
 * content (notes, titles, participants) is not copied into a before-state: its ids and dates are.
 */
export function redactConfidential(row: refs.JsonRow): refs.JsonRow {
  if (row.confidential !== true) return row;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, neutralKey.test(k) ? v : '[fortroligt]']));
}

export interface MovedReferences {
  /** "table.column" → every row that referred to the merged record, as it was (confidential content redacted). */
  rows: Record<string, refs.JsonRow[]>;
  /** "table.column" → the survivor's own rows that a `combine` rule changed, as they were. */
  survivorRows: Record<string, refs.JsonRow[]>;
  moved: Record<string, number>;
  dropped: Record<string, number>;
}

async function applyColumn(t: Db, plan: Exclude<ColumnPlan, { kind: 'unhandled' }>, fromId: string, toId: string, out: MovedReferences): Promise<void> {
  const { table, column, key } = plan.column;
  const rows = await refs.rowsWhere(t, table, column, fromId);
  if (rows.length === 0) return;
  out.rows[key] = rows.map(redactConfidential);
  if (plan.kind === 'rule') {
    const { rule } = plan;
    if (rule.strategy === 'combine') {
      const conflicts = await refs.conflictingRows(t, table, column, rule.key, fromId, toId);
      if (conflicts.survivor.length > 0) out.survivorRows[key] = conflicts.survivor.map(redactConfidential);
      await refs.combineConflicts(t, table, column, rule.key, rule.combine, fromId, toId);
    }
    const dropped = await refs.dropConflicts(t, table, column, rule.key, fromId, toId);
    if (dropped > 0) out.dropped[key] = dropped;
  }
  const moved = await refs.moveRows(t, table, column, fromId, toId);
  if (moved > 0) out.moved[key] = moved;
}

/**
 * Points every reference to `fromId` at `toId` by the plan (call it inside the merge's transaction, after
 * `refuseIncompletePlan`). Returns the rows as they were and the counts.
 */
export async function moveReferences(t: Db, plan: ReferencePlan, spec: ReferenceSpec, fromId: string, toId: string): Promise<MovedReferences> {
  const out: MovedReferences = { rows: {}, survivorRows: {}, moved: {}, dropped: {} };
  for (const column of plan.columns) {
    if (column.kind !== 'unhandled') await applyColumn(t, column, fromId, toId, out);
  }
  for (const key of plan.unkeyed) {
    const action = spec.unkeyedRules[key].action;
    if (action === 'keep') continue;
    const [table, column] = key.split('.');
    const rows = await refs.rowsWhere(t, table, column, fromId);
    if (rows.length === 0) continue;
    out.rows[key] = rows.map(redactConfidential);
    if (action === 'move') out.moved[key] = await refs.moveRows(t, table, column, fromId, toId);
    else out.dropped[key] = await refs.deleteRows(t, table, column, fromId);
  }
  return out;
}
