import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companyFilterCondition, type CompanyFilter } from '../companies';
import { queryRows } from './query.repo';

/** What bulk assignment filters on: the register's filters plus name, size and the organisation's own portfolio. */
export interface BulkCompanyFilter extends CompanyFilter {
  minEmployees?: number;
  q?: string;
  withoutResponsible: boolean;
  withoutTier: boolean;
}

export interface MatchRow { id: string; responsible_id: string | null; tier_id: string | null }

/** A PostgreSQL uuid[] literal sent as one bound parameter (ids are validated uuids, so no quoting is needed). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Every matching company with its responsible and tier in the organisation, in Danish name order. One scan, three
 * columns a row: the plan needs the whole set, the sample's details are read separately for a few rows.
 */
export function matchingCompanies(db: Db, organisationId: string, filter: BulkCompanyFilter): Promise<MatchRow[]> {
  const where: SQL[] = [companyFilterCondition(filter)];
  if (filter.minEmployees !== undefined) {
    // The latest count, or the band's lower end where only the band is known ("ANTAL_10_19" → 10).
    where.push(sql`coalesce(c.employees, substring(c.employee_band from '^ANTAL_([0-9]+)_')::int) >= ${filter.minEmployees}`);
  }
  if (filter.q) where.push(sql`strpos(samspil_search_norm(c.name), samspil_search_norm(${filter.q}::text)) > 0`);
  if (filter.withoutResponsible) where.push(sql`r.company_id is null`);
  if (filter.withoutTier) where.push(sql`ct.company_id is null`);
  return queryRows<MatchRow>(db, sql`
    select c.id, r.user_id as responsible_id, ct.tier_id
    from companies c
    left join company_responsibles r on r.organisation_id = ${organisationId} and r.company_id = c.id
    left join company_tiers ct on ct.organisation_id = ${organisationId} and ct.company_id = c.id
    where ${sql.join(where, sql` and `)}
    order by c.sort_key collate "C", c.id`);
}

export interface UserRow { id: string; name: string; status: string; roles: string[]; portfolio_count: number }

/** Users of the organisation by id (any status), with their portfolio size there, in Danish name order. */
export function organisationUsers(db: Db, organisationId: string, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<UserRow>(db, sql`
    select u.id, u.name, u.status, u.roles,
      (select count(*)::int from company_responsibles r where r.organisation_id = u.organisation_id and r.user_id = u.id) as portfolio_count
    from users u
    where u.organisation_id = ${organisationId} and u.id = any(${uuidArray(ids)}::uuid[])
    order by da_sort_key(u.name) collate "C", u.id`);
}

/** The organisation's active users with one of `roles`, with their portfolio size, in Danish name order. */
export function activeUsersWithRoles(db: Db, organisationId: string, roles: readonly string[]): Promise<UserRow[]> {
  return queryRows<UserRow>(db, sql`
    select u.id, u.name, u.status, u.roles,
      (select count(*)::int from company_responsibles r where r.organisation_id = u.organisation_id and r.user_id = u.id) as portfolio_count
    from users u
    where u.organisation_id = ${organisationId} and u.status = 'active'
      and u.roles && ${`{${roles.join(',')}}`}::text[]
    order by da_sort_key(u.name) collate "C", u.id`);
}

export interface SampleRow { id: string; name: string; cvr: string | null; city: string | null; employees: number | null }

export function companyDetails(db: Db, ids: readonly string[]): Promise<SampleRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<SampleRow>(db, sql`
    select c.id, c.name, c.cvr, c.city, c.employees from companies c where c.id = any(${uuidArray(ids)}::uuid[])`);
}

/** Serialises bulk assignments of one organisation (both engines): the set is read and written under this lock. */
export async function lockOrganisationPortfolio(tx: Db, organisationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`samspil.bulk_assign:${organisationId}`}::text, 0))`);
}

/** One statement for all companies that get a new responsible (company i → user i). */
export async function upsertResponsibles(tx: Db, organisationId: string, companyIds: readonly string[], userIds: readonly string[]): Promise<void> {
  if (companyIds.length === 0) return;
  await tx.execute(sql`
    insert into company_responsibles (organisation_id, company_id, user_id)
    select ${organisationId}::uuid, x.company_id, x.user_id
    from unnest(${uuidArray(companyIds)}::uuid[], ${uuidArray(userIds)}::uuid[]) as x(company_id, user_id)
    on conflict (organisation_id, company_id) do update set user_id = excluded.user_id, assigned_at = now()`);
}

/** One statement for all companies that move into the tier. */
export async function upsertTiers(tx: Db, organisationId: string, companyIds: readonly string[], tierId: string): Promise<void> {
  if (companyIds.length === 0) return;
  await tx.execute(sql`
    insert into company_tiers (organisation_id, company_id, tier_id)
    select ${organisationId}::uuid, x.company_id, ${tierId}::uuid
    from unnest(${uuidArray(companyIds)}::uuid[]) as x(company_id)
    on conflict (organisation_id, company_id) do update set tier_id = excluded.tier_id, assigned_at = now()`);
}
