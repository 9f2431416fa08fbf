import type { z } from 'zod';
import type {
  CompanyEngagement, CompanyTier, Responsible, Tier, tierCreateSchema, tierUpdateSchema, worklistQuerySchema, worklistSchema,
} from '../../../common/engagement';
import { worklistDueWindowDays } from '../../../common/engagement';
import type { OrganisationKind } from '../../../common/roles';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import type { Actor } from '../../policy';
import { addDays, isoTimestamp, todayInDenmark } from './dates';
import { presentWorklistItem } from './engagement.presenter';
import { requireCompany } from './interactions.service';
import * as repo from './portfolio.repo';
import { inTransaction } from './query.repo';
import { findOrganisationUser } from './tasks.repo';
import { worklist as worklistRows } from './worklist.repo';

type Context = AuditContext & { actor: Actor };

const unknownUser = (path: string) => badRequest('unknown_user', 'Brugeren er ikke en aktiv bruger i din organisation.', [{ path, message: 'Vælg en bruger i din organisation.' }]);

export async function engagement(db: Db, actor: Actor, companyId: string): Promise<CompanyEngagement> {
  await requireCompany(db, companyId);
  const [rows, ownTier] = await Promise.all([repo.engagementOf(db, actor.partnershipId, companyId), companyTier(db, actor, companyId)]);
  return {
    items: rows.map((r) => ({
      organisation: { id: r.organisation_id, name: r.organisation_name, kind: r.organisation_kind as OrganisationKind },
      responsible: r.responsible_id ? { id: r.responsible_id, name: r.responsible_name ?? '' } : null,
      lastContactDate: r.last_contact_date, interactionCount: r.interaction_count, openTaskCount: r.open_task_count,
    })),
    ownTier,
  };
}

export async function setResponsible(db: Db, context: Context, companyId: string, userId: string): Promise<Responsible> {
  const { actor } = context;
  await requireCompany(db, companyId);
  const user = await findOrganisationUser(db, actor.organisationId, userId);
  if (!user) throw unknownUser('userId');
  const row = await inTransaction(db, async (tx) => {
    const before = await repo.findResponsible(tx, actor.organisationId, companyId);
    const after = await repo.upsertResponsible(tx, actor.organisationId, companyId, userId);
    await audit(tx, context, { action: 'responsible.set', entity: 'company_responsible', entityId: companyId, before, after });
    return after;
  });
  return { companyId, organisationId: row.organisationId, user, assignedAt: isoTimestamp(row.assignedAt) };
}

export async function removeResponsible(db: Db, context: Context, companyId: string): Promise<void> {
  const { actor } = context;
  await inTransaction(db, async (tx) => {
    const before = await repo.findResponsible(tx, actor.organisationId, companyId);
    if (!before) throw notFound('Virksomheden har ingen ansvarlig konsulent i din organisation.');
    await repo.deleteResponsible(tx, actor.organisationId, companyId);
    await audit(tx, context, { action: 'responsible.remove', entity: 'company_responsible', entityId: companyId, before });
  });
}

const presentTier = (r: repo.TierRow): Tier => ({
  id: r.id, organisationId: r.organisation_id, name: r.name, cadenceDays: r.cadence_days, companyCount: r.company_count,
  targetCompanies: r.target_companies,
});
const tierNameTaken = (name: string) => conflict('tier_name_taken', `Din organisation har allerede et kontaktniveau med navnet "${name}".`);

export async function listTiers(db: Db, actor: Actor): Promise<{ items: Tier[] }> {
  return { items: (await repo.listTiers(db, actor.organisationId)).map(presentTier) };
}

async function ownTier(db: Db, actor: Actor, id: string): Promise<repo.TierRow> {
  const tier = await repo.findTier(db, actor.organisationId, id);
  if (!tier) throw notFound('Kontaktniveauet findes ikke.');
  return tier;
}

export async function createTier(db: Db, context: Context, input: z.output<typeof tierCreateSchema>): Promise<Tier> {
  const { actor } = context;
  if (await repo.findTierByName(db, actor.organisationId, input.name)) throw tierNameTaken(input.name);
  const row = await inTransaction(db, async (tx) => {
    const created = await repo.insertTier(tx, { ...input, organisationId: actor.organisationId });
    await audit(tx, context, { action: 'tier.create', entity: 'contact_tier', entityId: created.id, after: created });
    return created;
  });
  return presentTier(await ownTier(db, actor, row.id));
}

export async function updateTier(db: Db, context: Context, id: string, input: z.output<typeof tierUpdateSchema>): Promise<Tier> {
  const { actor } = context;
  const before = await ownTier(db, actor, id);
  const clash = input.name ? await repo.findTierByName(db, actor.organisationId, input.name) : null;
  if (clash && clash.id !== id && input.name) throw tierNameTaken(input.name);
  await inTransaction(db, async (tx) => {
    const after = await repo.updateTier(tx, id, input);
    await audit(tx, context, { action: 'tier.update', entity: 'contact_tier', entityId: id, before, after });
  });
  return presentTier(await ownTier(db, actor, id));
}

/** A tier with companies in it is not deleted: the companies would silently leave the worklist. */
export async function deleteTier(db: Db, context: Context, id: string): Promise<void> {
  const before = await ownTier(db, context.actor, id);
  if (before.company_count > 0) {
    throw conflict('tier_in_use', `Kontaktniveauet har ${before.company_count} virksomheder. Flyt dem til et andet niveau først.`);
  }
  await inTransaction(db, async (tx) => {
    await repo.deleteTier(tx, id);
    await audit(tx, context, { action: 'tier.delete', entity: 'contact_tier', entityId: id, before });
  });
}

export async function companyTier(db: Db, actor: Actor, companyId: string): Promise<CompanyTier | null> {
  const row = await repo.findCompanyTier(db, actor.organisationId, companyId);
  return row ? { companyId: row.company_id, tierId: row.tier_id, tierName: row.tier_name, cadenceDays: row.cadence_days } : null;
}

export async function setCompanyTier(db: Db, context: Context, companyId: string, tierId: string): Promise<CompanyTier> {
  const { actor } = context;
  await requireCompany(db, companyId);
  if (!await repo.findTier(db, actor.organisationId, tierId)) {
    throw badRequest('unknown_tier', 'Kontaktniveauet findes ikke i din organisation.', [{ path: 'tierId', message: 'Vælg et af organisationens kontaktniveauer.' }]);
  }
  await inTransaction(db, async (tx) => {
    const before = await repo.findCompanyTier(tx, actor.organisationId, companyId);
    await repo.upsertCompanyTier(tx, actor.organisationId, companyId, tierId);
    await audit(tx, context, { action: 'company_tier.set', entity: 'company_tier', entityId: companyId, before, after: { tierId } });
  });
  const result = await companyTier(db, actor, companyId);
  if (!result) throw notFound('Kontaktniveauet findes ikke.');
  return result;
}

export async function removeCompanyTier(db: Db, context: Context, companyId: string): Promise<void> {
  const { actor } = context;
  await inTransaction(db, async (tx) => {
    const before = await repo.findCompanyTier(tx, actor.organisationId, companyId);
    if (!before) throw notFound('Virksomheden har intet kontaktniveau i din organisation.');
    await repo.deleteCompanyTier(tx, actor.organisationId, companyId);
    await audit(tx, context, { action: 'company_tier.remove', entity: 'company_tier', entityId: companyId, before });
  });
}

/** The consultant's worklist (their own, or a colleague's in the same organisation), most overdue first. */
export async function worklist(db: Db, actor: Actor, query: z.output<typeof worklistQuerySchema>): Promise<z.infer<typeof worklistSchema>> {
  const userId = query.consultant === 'me' ? actor.id : query.consultant;
  if (userId !== actor.id && !await findOrganisationUser(db, actor.organisationId, userId)) throw unknownUser('consultant');
  const today = todayInDenmark();
  const dueBy = query.status === 'all' ? undefined : query.status === 'overdue' ? addDays(today, -1) : addDays(today, worklistDueWindowDays);
  const { rows, total } = await worklistRows(db, { organisationId: actor.organisationId, userId, today, dueBy, limit: query.limit, offset: query.offset });
  return { items: rows.map((r) => presentWorklistItem(r, today)), total, limit: query.limit, offset: query.offset };
}
