import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

/**
 * What refers to a table's rows, read from the catalog at run time, so a merge moves the rows of tables
 * that did not exist when it was written. Identifiers come from the catalog and are always quoted.
 */

/** A column whose foreign key points at the referenced table's id. */
export interface ReferencingColumn {
  table: string;
  column: string;
  /** "table.column": the key of conflict rules and of the before-state. */
  key: string;
  /** A foreign key over several columns cannot be moved column by column. */
  composite: boolean;
  /** Unique indexes (primary keys included) of the table that contain the column: the other columns of each. */
  uniqueKeys: { index: string; otherColumns: string[]; expression: boolean }[];
}

interface FkRow { table_name: string; column_name: string; key_count: number }
interface UniqueRow { index_name: string; columns: string[]; has_expression: boolean; expression_text: string | null }

/** Every foreign-key column (in the current schema) that references `referenced`. */
export async function referencingColumns(db: Db, referenced: string): Promise<ReferencingColumn[]> {
  const fks = await queryRows<FkRow>(db, sql`
    select cl.relname::text as table_name, a.attname::text as column_name, cardinality(con.conkey)::int as key_count
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
    where con.contype = 'f' and con.confrelid = to_regclass(quote_ident(${referenced}))
    order by 1, 2`);
  const out: ReferencingColumn[] = [];
  for (const fk of fks) {
    const uniques = await uniqueIndexes(db, fk.table_name);
    out.push({
      table: fk.table_name, column: fk.column_name, key: `${fk.table_name}.${fk.column_name}`, composite: fk.key_count > 1,
      uniqueKeys: uniques
        .filter((u) => u.columns.includes(fk.column_name) || (u.has_expression && (u.expression_text ?? '').includes(fk.column_name)))
        .map((u) => ({ index: u.index_name, otherColumns: u.columns.filter((c) => c !== fk.column_name), expression: u.has_expression })),
    });
  }
  return out;
}

function uniqueIndexes(db: Db, table: string): Promise<UniqueRow[]> {
  return queryRows<UniqueRow>(db, sql`
    select ic.relname::text as index_name,
      array(select att.attname::text from unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_attribute att on att.attrelid = i.indrelid and att.attnum = k.attnum order by k.ord) as columns,
      (i.indexprs is not null) as has_expression,
      pg_get_expr(i.indexprs, i.indrelid) as expression_text
    from pg_index i join pg_class ic on ic.oid = i.indexrelid
    where i.indrelid = to_regclass(quote_ident(${table})) and i.indisunique`);
}

/**
 * uuid columns named like a reference (`company_id`, `…_company_id`) that have NO foreign key: the catalog
 * cannot say where they point, so each must be named in the merge's rules.
 */
export async function unkeyedReferenceColumns(db: Db, columnSuffix: string): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(db, sql`
    select c.table_name || '.' || c.column_name as key
    from information_schema.columns c
    where c.table_schema = current_schema() and c.data_type = 'uuid'
      and (c.column_name = ${columnSuffix} or c.column_name like ${`%\\_${columnSuffix}`})
      and not exists (
        select 1 from pg_constraint con
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
        where con.contype = 'f' and con.conrelid = to_regclass(quote_ident(c.table_name::text)) and a.attname = c.column_name::text)
    order by 1`);
  return rows.map((r) => r.key);
}

/** User triggers on a table (not the internal ones behind foreign keys). */
export async function tableTriggers(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(db, sql`
    select tgname::text as name from pg_trigger where tgrelid = to_regclass(quote_ident(${table})) and not tgisinternal order by 1`);
  return rows.map((r) => r.name);
}

const ident = (name: string): SQL => sql`${sql.identifier(name)}`;

/** A row as JSON, the way the before-state keeps it. */
export type JsonRow = Record<string, unknown>;

/** Every row of `table` whose `column` is `id`, as JSON. */
export async function rowsWhere(db: Db, table: string, column: string, id: string): Promise<JsonRow[]> {
  const rows = await queryRows<{ row: JsonRow }>(db, sql`
    select to_jsonb(t.*) as row from ${ident(table)} t where t.${ident(column)} = ${id}`);
  return rows.map((r) => r.row);
}

/** Points every row of `table` from `fromId` to `toId`; returns how many moved. */
export async function moveRows(db: Db, table: string, column: string, fromId: string, toId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`
    with moved as (update ${ident(table)} set ${ident(column)} = ${toId} where ${ident(column)} = ${fromId} returning 1)
    select count(*)::int as n from moved`);
  return rows[0]?.n ?? 0;
}

const keyMatch = (key: readonly string[]): SQL =>
  sql.join(key.map((k) => sql`s.${ident(k)} = m.${ident(k)}`), sql` and `);

/** The `fromId` rows that have a `toId` row with the same key (the conflicts of a unique key). */
export async function conflictingRows(db: Db, table: string, column: string, key: readonly string[], fromId: string, toId: string)
  : Promise<{ merged: JsonRow[]; survivor: JsonRow[] }> {
  const rows = await queryRows<{ m: JsonRow; s: JsonRow }>(db, sql`
    select to_jsonb(m.*) as m, to_jsonb(s.*) as s from ${ident(table)} m join ${ident(table)} s on ${keyMatch(key)}
    where m.${ident(column)} = ${fromId} and s.${ident(column)} = ${toId}`);
  return { merged: rows.map((r) => r.m), survivor: rows.map((r) => r.s) };
}

/** Deletes the `fromId` rows that conflict with a `toId` row on `key`; returns how many. */
export async function dropConflicts(db: Db, table: string, column: string, key: readonly string[], fromId: string, toId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`
    with dropped as (
      delete from ${ident(table)} m where m.${ident(column)} = ${fromId}
        and exists (select 1 from ${ident(table)} s where s.${ident(column)} = ${toId} and ${keyMatch(key)})
      returning 1)
    select count(*)::int as n from dropped`);
  return rows[0]?.n ?? 0;
}

/** Folds each conflicting `fromId` row into the `toId` row with the same key: `max` keeps the later value, `sum` adds. */
export async function combineConflicts(db: Db, table: string, column: string, key: readonly string[],
  combine: Readonly<Record<string, 'max' | 'sum'>>, fromId: string, toId: string): Promise<void> {
  const sets = Object.entries(combine).map(([col, how]) => (how === 'max'
    ? sql`${ident(col)} = greatest(s.${ident(col)}, m.${ident(col)})`
    : sql`${ident(col)} = coalesce(s.${ident(col)}, 0) + coalesce(m.${ident(col)}, 0)`));
  await db.execute(sql`
    update ${ident(table)} s set ${sql.join(sets, sql`, `)} from ${ident(table)} m
    where s.${ident(column)} = ${toId} and m.${ident(column)} = ${fromId} and ${keyMatch(key)}`);
}

/** Deletes every row of `table` whose `column` is `id`; returns how many. */
export async function deleteRows(db: Db, table: string, column: string, id: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`
    with gone as (delete from ${ident(table)} where ${ident(column)} = ${id} returning 1)
    select count(*)::int as n from gone`);
  return rows[0]?.n ?? 0;
}
