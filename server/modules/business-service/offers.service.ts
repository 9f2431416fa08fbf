import type { z } from 'zod';
import {
  isProviderKind, offerRuleIssues, type FieldIssue, type Offer, type offerCreateSchema, type offerListQuerySchema, type offerListSchema,
  type OfferProvider, type offerUpdateSchema,
} from '../../../common/business-service';
import type { OrganisationKind } from '../../../common/roles';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, forbidden, notFound, ProblemError } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { listMunicipalities, listRegions } from '../reference';
import { offersChanged } from './matches.cache';
import { managesOffer, presentOffer } from './offers.presenter';
import * as repo from './offers.repo';

type Context = AuditContext & { actor: Actor };
type CreateInput = z.output<typeof offerCreateSchema>;
type UpdateInput = z.output<typeof offerUpdateSchema>;
type ListQuery = z.output<typeof offerListQuerySchema>;

/** Runs `work` in one short transaction, the transaction typed as Db (audit and repos take Db). */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** A rule of the domain is broken: 422 with every field named, before anything is written. */
function refuse(code: string, issues: FieldIssue[]): never {
  throw new ProblemError(422, code, issues[0]?.message ?? 'Ydelsen er ugyldig.', { errors: issues });
}

const anotherOrganisation = '00000000-0000-0000-0000-000000000000';

/** Non-published offers the actor may list: every one (the secretariat), their own organisation's (providers), none. */
function unpublishedScope(actor: Actor): 'all' | string | null {
  // Managing an offer of an organisation not one's own is what curators (admin, secretariat) may do.
  if (can(actor, 'offer.manage', { organisationId: anotherOrganisation, partnershipId: actor.partnershipId })) return 'all';
  return can(actor, 'offer.manage', { organisationId: actor.organisationId }) ? actor.organisationId : null;
}

export async function list(db: Db, actor: Actor, query: ListQuery): Promise<z.infer<typeof offerListSchema>> {
  const { limit, offset, ...filter } = query;
  const { rows, total } = await repo.listOffers(db, { ...filter, partnershipId: actor.partnershipId, unpublishedOf: unpublishedScope(actor) }, limit, offset);
  return { items: rows.map((r) => presentOffer(actor, r)), total, limit, offset };
}

export async function providers(db: Db, actor: Actor): Promise<{ items: OfferProvider[] }> {
  const rows = await repo.listProviders(db, actor.partnershipId);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as OrganisationKind, offerCount: r.offer_count })) };
}

/** An offer the actor may see: published ones for everyone, drafts and archived ones for those who manage them. */
async function visible(db: Db, actor: Actor, id: string): Promise<repo.OfferRow> {
  const row = await repo.findOffer(db, actor.partnershipId, id);
  if (!row || (row.status !== 'published' && !managesOffer(actor, row))) throw notFound('Ydelsen findes ikke.');
  return row;
}

export async function get(db: Db, actor: Actor, id: string): Promise<Offer> {
  return presentOffer(actor, await visible(db, actor, id));
}

/** The provider of a new or moved offer: an organisation of the partnership of a kind that offers services. */
async function resolveProvider(db: Db, actor: Actor, providerId: string | undefined): Promise<string> {
  const id = providerId ?? actor.organisationId;
  if (!can(actor, 'offer.manage', { organisationId: id, partnershipId: actor.partnershipId })) {
    throw forbidden('Du kan kun oprette og rette ydelser for din egen organisation.');
  }
  const organisation = await repo.findOrganisation(db, actor.partnershipId, id);
  if (!organisation) refuse('invalid_offer', [{ path: 'providerId', message: 'Udbyderen findes ikke i samarbejdet.' }]);
  if (!isProviderKind(organisation.kind)) {
    refuse('invalid_offer', [{
      path: 'providerId',
      message: providerId ? `${organisation.name} kan ikke udbyde ydelser: vælg en udbyder, et erhvervshus, et akademi eller en uddannelsesinstitution.`
        : 'Vælg den udbyder, ydelsen hører til.',
    }]);
  }
  return id;
}

/**
 * The municipalities an offer covers: the ones named plus every municipality of its regions, each checked
 * against the reference tables. `explicit` are the municipalities chosen one by one.
 */
async function geography(db: Db, explicit: readonly number[], regions: readonly number[]): Promise<{ municipalities: number[]; regions: number[] }> {
  const [allMunicipalities, allRegions] = await Promise.all([listMunicipalities(db), listRegions(db)]);
  const known = new Map(allMunicipalities.map((m) => [m.code, m.regionCode]));
  const regionCodes = new Set(allRegions.map((r) => r.code));
  const issues: FieldIssue[] = [];
  const unknownMunicipalities = explicit.filter((c) => !known.has(c));
  if (unknownMunicipalities.length) issues.push({ path: 'municipalities', message: `Ukendt kommunekode: ${unknownMunicipalities.join(', ')}.` });
  const unknownRegions = regions.filter((c) => !regionCodes.has(c));
  if (unknownRegions.length) issues.push({ path: 'regions', message: `Ukendt regionskode: ${unknownRegions.join(', ')}.` });
  if (issues.length) refuse('invalid_offer', issues);
  const expanded = allMunicipalities.filter((m) => regions.includes(m.regionCode)).map((m) => m.code);
  return { municipalities: [...new Set([...explicit, ...expanded])].sort((a, b) => a - b), regions: [...regions].sort((a, b) => a - b) };
}

/** The municipalities of a stored offer that were chosen one by one (not through one of its regions). */
async function explicitMunicipalities(db: Db, record: repo.OfferRecord): Promise<number[]> {
  if (record.regions.length === 0) return record.municipalities;
  const viaRegions = new Set((await listMunicipalities(db)).filter((m) => record.regions.includes(m.regionCode)).map((m) => m.code));
  return record.municipalities.filter((c) => !viaRegions.has(c));
}

export async function create(db: Db, context: Context, input: CreateInput): Promise<Offer> {
  const { actor } = context;
  const providerId = await resolveProvider(db, actor, input.providerId);
  const issues = offerRuleIssues(input);
  if (issues.length) refuse('invalid_offer', issues);
  const place = await geography(db, input.municipalities, input.regions);
  const id = await inTransaction(db, async (tx) => {
    const row = await repo.insertOffer(tx, {
      ...input, ...place, providerId, partnershipId: actor.partnershipId, createdBy: actor.id,
    });
    await audit(tx, context, { action: 'offer.create', entity: 'offer', entityId: row.id, after: row });
    return row.id;
  });
  offersChanged(db, actor.partnershipId);
  return get(db, actor, id);
}

/** The offer the actor may change: visible (else 404) and managed by them (else 403). */
async function managed(db: Db, actor: Actor, id: string): Promise<repo.OfferRecord> {
  const row = await repo.findOffer(db, actor.partnershipId, id);
  if (!row || (row.status !== 'published' && !managesOffer(actor, row))) throw notFound('Ydelsen findes ikke.');
  if (!managesOffer(actor, row)) throw forbidden('Kun udbyderen selv og sekretariatet kan rette ydelsen.');
  const record = await repo.getOfferRecord(db, id);
  if (!record) throw notFound('Ydelsen findes ikke.');
  return record;
}

export async function update(db: Db, context: Context, id: string, input: UpdateInput): Promise<Offer> {
  const { actor } = context;
  const before = await managed(db, actor, id);
  const providerId = input.providerId && input.providerId !== before.providerId ? await resolveProvider(db, actor, input.providerId) : before.providerId;
  const { providerId: _ignored, municipalities, regions, ...fields } = input;
  const merged = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as repo.OfferRecord;
  const issues = offerRuleIssues({ ...merged, financing: merged.financing as CreateInput['financing'] });
  if (issues.length) refuse('invalid_offer', issues);
  const place = municipalities !== undefined || regions !== undefined
    ? await geography(db, municipalities ?? await explicitMunicipalities(db, before), regions ?? before.regions)
    : { municipalities: before.municipalities, regions: before.regions };
  await inTransaction(db, async (tx) => {
    const after = await repo.updateOffer(tx, id, { ...fields, ...place, providerId });
    await audit(tx, context, { action: 'offer.update', entity: 'offer', entityId: id, before, after });
  });
  offersChanged(db, actor.partnershipId);
  return get(db, actor, id);
}

/** Deletes an offer nobody was referred to; one with referrals is archived instead (409 says so). */
export async function remove(db: Db, context: Context, id: string): Promise<void> {
  const before = await managed(db, context.actor, id);
  if (await repo.offerHasReferrals(db, id)) {
    throw conflict('offer_in_use', 'Ydelsen har henvisninger og kan derfor ikke slettes. Arkivér den i stedet.');
  }
  await inTransaction(db, async (tx) => {
    await repo.deleteOffer(tx, id);
    await audit(tx, context, { action: 'offer.delete', entity: 'offer', entityId: id, before });
  });
  offersChanged(db, context.actor.partnershipId);
}
