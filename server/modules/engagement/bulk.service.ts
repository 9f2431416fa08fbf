import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  BulkConsultant, BulkPreview, BulkResult, bulkApplySchema, bulkAssignmentSchema, bulkFilterSchema,
} from '../../../common/engagement-bulk';
import { bulkSampleSize } from '../../../common/engagement-bulk';
import type { Role } from '../../../common/roles';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import { countChanges, groupIds, planBulkAssignment, type BulkPlan } from './bulk.plan';
import * as repo from './bulk.repo';
import { findTier, listTiers, type TierRow } from './portfolio.repo';
import { inTransaction } from './query.repo';

type Context = AuditContext & { actor: Actor };
type Assignment = z.output<typeof bulkAssignmentSchema>;
type Apply = z.output<typeof bulkApplySchema>;

/** Who can hold a portfolio. */
const consultantRoles: readonly Role[] = ['business_consultant', 'jobcentre_consultant'];

const unprocessable = (code: string, detail: string, path: string, message: string) =>
  new ProblemError(422, code, detail, { errors: [{ path, message }] });

/** The organisation's active consultants with their portfolio size, in Danish name order. */
export async function listConsultants(db: Db, actor: Actor): Promise<{ items: BulkConsultant[] }> {
  const rows = await repo.activeUsersWithRoles(db, actor.organisationId, consultantRoles);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, portfolioCount: r.portfolio_count })) };
}

interface Choices { consultants: repo.UserRow[]; tier: TierRow | null }

/** The chosen tier and consultants, each checked to belong to the actor's organisation (422 otherwise). */
async function resolveChoices(db: Db, actor: Actor, input: Assignment): Promise<Choices> {
  const [tier, users] = await Promise.all([
    input.tierId ? findTier(db, actor.organisationId, input.tierId) : Promise.resolve(null),
    repo.organisationUsers(db, actor.organisationId, input.consultantIds),
  ]);
  if (input.tierId && !tier) {
    throw unprocessable('unknown_tier', 'Kontaktniveauet findes ikke i din organisation.', 'tierId', 'Vælg et af organisationens kontaktniveauer.');
  }
  input.consultantIds.forEach((id, i) => {
    const user = users.find((u) => u.id === id);
    const path = `consultantIds.${i}`;
    if (!user || user.status !== 'active') {
      throw unprocessable('invalid_consultant', 'En af de valgte konsulenter er ikke en aktiv bruger i din organisation.', path,
        'Vælg blandt organisationens aktive konsulenter.');
    }
    if (!user.roles.some((r) => (consultantRoles as readonly string[]).includes(r))) {
      throw unprocessable('invalid_consultant', `${user.name} har ikke en konsulentrolle og kan ikke være ansvarlig for virksomheder.`, path,
        'Vælg blandt organisationens aktive konsulenter.');
    }
  });
  return { consultants: users, tier };
}

function companyFilter(filter: z.output<typeof bulkFilterSchema>): repo.BulkCompanyFilter {
  return {
    municipalities: filter.municipalities, industrySection: filter.industrySection, industryPrefix: filter.industryPrefix,
    employeeBands: filter.employeeBands, status: filter.activeOnly ? 'active' : undefined,
    minEmployees: filter.minEmployees, q: filter.q || undefined,
    withoutResponsible: filter.withoutResponsible, withoutTier: filter.withoutTier,
  };
}

async function plan(db: Db, actor: Actor, input: Assignment, choices: Choices): Promise<BulkPlan> {
  const matches = await repo.matchingCompanies(db, actor.organisationId, companyFilter(input.filter));
  return planBulkAssignment({
    organisationId: actor.organisationId,
    companies: matches.map((m) => ({ id: m.id, responsibleId: m.responsible_id, tierId: m.tier_id })),
    consultants: choices.consultants.map((c) => ({ id: c.id, portfolioCount: c.portfolio_count })),
    tierId: choices.tier?.id ?? null,
    balance: input.balance,
  });
}

/** The preview (or the record of an applied plan): counts, the split per consultant, a sample and the fingerprint. */
async function present(db: Db, actor: Actor, input: Assignment, choices: Choices, planned: BulkPlan): Promise<BulkPreview> {
  const { rows } = planned;
  const counts = countChanges(rows);
  const chosen = new Set(choices.consultants.map((c) => c.id));
  const gained = new Map<string, number>();
  const released = new Map<string, number>();
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const r of rows) {
    if (r.responsibleAfter === r.responsibleBefore) continue;
    if (r.responsibleAfter) bump(gained, r.responsibleAfter);
    if (r.responsibleBefore) bump(released, r.responsibleBefore);
  }
  const sampleRows = rows.slice(0, bulkSampleSize);
  const userIds = new Set<string>([...released.keys()].filter((id) => !chosen.has(id)));
  for (const r of sampleRows) {
    if (r.responsibleBefore) userIds.add(r.responsibleBefore);
    if (r.responsibleAfter) userIds.add(r.responsibleAfter);
  }
  const [users, details, tiers] = await Promise.all([
    repo.organisationUsers(db, actor.organisationId, [...userIds]),
    repo.companyDetails(db, sampleRows.map((r) => r.id)),
    listTiers(db, actor.organisationId),
  ]);
  const person = (id: string | null) => {
    const user = id ? users.find((u) => u.id === id) : undefined;
    return id ? { id, name: user?.name ?? '' } : null;
  };
  const tierRef = (id: string | null) => {
    const tier = id ? tiers.find((t) => t.id === id) : undefined;
    return id ? { id, name: tier?.name ?? '' } : null;
  };

  return {
    total: rows.length, changed: counts.changed, unchanged: counts.unchanged,
    responsibles: choices.consultants.length > 0 ? counts.responsibles : null,
    tiers: choices.tier ? counts.tiers : null,
    tier: choices.tier ? { id: choices.tier.id, name: choices.tier.name } : null,
    balance: input.balance,
    consultants: choices.consultants.map((c, i) => {
      const plus = gained.get(c.id) ?? 0;
      const minus = released.get(c.id) ?? 0;
      return {
        id: c.id, name: c.name, portfolioBefore: c.portfolio_count, assigned: planned.targets[i], gained: plus, released: minus,
        portfolioAfter: c.portfolio_count + plus - minus,
      };
    }),
    // organisationUsers answers in Danish name order, so this list is in it too.
    releasedBy: users.filter((u) => released.has(u.id) && !chosen.has(u.id))
      .map((u) => ({ id: u.id, name: u.name, count: released.get(u.id) ?? 0 })),
    sample: sampleRows.map((r) => {
      const d = details.find((x) => x.id === r.id);
      return {
        companyId: r.id, name: d?.name ?? '', cvr: d?.cvr ?? null, city: d?.city ?? null, employees: d?.employees ?? null,
        responsibleBefore: person(r.responsibleBefore), responsibleAfter: person(r.responsibleAfter),
        tierBefore: tierRef(r.tierBefore), tierAfter: tierRef(r.tierAfter),
        changed: r.responsibleBefore !== r.responsibleAfter || r.tierBefore !== r.tierAfter,
      };
    }),
    fingerprint: planned.fingerprint,
  };
}

/** What applying would do; changes nothing. */
export async function preview(db: Db, actor: Actor, input: Assignment): Promise<BulkPreview> {
  const choices = await resolveChoices(db, actor, input);
  return present(db, actor, input, choices, await plan(db, actor, input, choices));
}

const stale = () => conflict('bulk_stale',
  'Udvalget er ændret – vis forhåndsvisningen igen. Virksomheder eller ansvarlige er ændret, siden forhåndsvisningen blev lavet.');

/**
 * Applies the previewed plan: in one transaction, under a per-organisation lock, the set is read again and planned
 * again; a different fingerprint means somebody or something changed it (409). Otherwise the changed rows are written
 * with one statement per table, and one audit entry records the filter, the counts, the split and every moved company.
 */
export async function apply(db: Db, context: Context, input: Apply): Promise<BulkResult> {
  const { actor } = context;
  const assignmentId = randomUUID();
  const { choices, planned } = await inTransaction(db, async (tx) => {
    await repo.lockOrganisationPortfolio(tx, actor.organisationId);
    const resolved = await resolveChoices(tx, actor, input);
    const result = await plan(tx, actor, input, resolved);
    if (result.fingerprint !== input.fingerprint) throw stale();
    const responsibleMoves = result.rows.filter((r) => r.responsibleAfter !== null && r.responsibleAfter !== r.responsibleBefore);
    const tierMoves = result.rows.filter((r) => r.tierAfter !== r.tierBefore);
    await repo.upsertResponsibles(tx, actor.organisationId, responsibleMoves.map((r) => r.id), responsibleMoves.map((r) => r.responsibleAfter as string));
    if (resolved.tier) await repo.upsertTiers(tx, actor.organisationId, tierMoves.map((r) => r.id), resolved.tier.id);
    await audit(tx, context, auditEntry(assignmentId, input, resolved, result));
    return { choices: resolved, planned: result };
  });
  return { ...await present(db, actor, input, choices, planned), assignmentId };
}

function auditEntry(assignmentId: string, input: Apply, choices: Choices, planned: BulkPlan) {
  const { rows } = planned;
  const counts = countChanges(rows);
  const gainedBy = groupIds(rows, (r) => (r.responsibleAfter !== r.responsibleBefore ? r.responsibleAfter : null));
  return {
    action: 'portfolio.bulk_assign',
    entity: 'bulk_assignment',
    entityId: assignmentId,
    // Enough to undo: who held each reassigned company, and which tier each moved company was in.
    before: {
      responsibles: groupIds(rows, (r) => (r.responsibleAfter !== r.responsibleBefore ? r.responsibleBefore : null)),
      tiers: groupIds(rows, (r) => (r.tierAfter !== r.tierBefore ? r.tierBefore : null)),
    },
    after: {
      filter: input.filter,
      balance: input.balance,
      fingerprint: planned.fingerprint,
      total: rows.length,
      changed: counts.changed,
      unchanged: counts.unchanged,
      responsibles: choices.consultants.length > 0 ? counts.responsibles : null,
      tiers: choices.tier ? counts.tiers : null,
      tier: choices.tier ? { id: choices.tier.id, name: choices.tier.name, companyIds: rows.filter((r) => r.tierAfter !== r.tierBefore).map((r) => r.id) } : null,
      consultants: choices.consultants.map((c, i) => ({
        id: c.id, name: c.name, assigned: planned.targets[i], gained: gainedBy[c.id]?.length ?? 0, companyIds: gainedBy[c.id] ?? [],
      })),
    },
  };
}
