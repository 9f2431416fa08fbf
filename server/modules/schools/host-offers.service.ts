import type { z } from 'zod';
import type {
  hostOfferCreateSchema, hostOfferListQuerySchema, hostOfferUpdateSchema, tutorCreateSchema, tutorListQuerySchema, tutorUpdateSchema,
} from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { conflict, forbidden, notFound, ProblemError } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { inTransaction, type Context } from './db';
import * as repo from './host-offers.repo';
import { presentHostOffer, presentTutor } from './schools.presenter';
import { knownMunicipalities } from './schools.repo';

type OfferCreate = z.output<typeof hostOfferCreateSchema>;
type OfferUpdate = z.output<typeof hostOfferUpdateSchema>;

const noOffer = () => notFound('Værtstilbuddet findes ikke.');
const invalid = (path: string, message: string) => new ProblemError(422, 'invalid_host_offer', message, { errors: [{ path, message }] });

/** A company user sees and keeps only its own company's offers; staff see the partnership's. */
const ownCompanyOnly = (actor: Actor): string | undefined =>
  actor.roles.includes('company_user') && !can(actor, 'host_offer.read', { companyId: '00000000-0000-0000-0000-000000000000' })
    ? (actor.companyId ?? '00000000-0000-0000-0000-000000000000') : undefined;

function mayWrite(actor: Actor, companyId: string): void {
  if (!can(actor, 'host_offer.write', { companyId, partnershipId: actor.partnershipId })) {
    throw forbidden('Du kan kun oprette og rette værtstilbud for din egen virksomhed.');
  }
}

async function checkRefs(db: Db, companyId: string, input: Partial<OfferCreate>): Promise<void> {
  if (!(await repo.companyExists(db, companyId))) throw invalid('companyId', 'Virksomheden findes ikke i virksomhedsregistret.');
  if (input.productionUnitId) {
    const unit = await repo.productionUnitOf(db, input.productionUnitId);
    if (!unit || unit.company_id !== companyId) throw invalid('productionUnitId', 'P-enheden hører ikke til virksomheden.');
  }
  if (input.municipalityCode != null && !(await knownMunicipalities(db, [input.municipalityCode])).has(input.municipalityCode)) {
    throw invalid('municipalityCode', `Ukendt kommunekode: ${input.municipalityCode}.`);
  }
}

export async function listHostOffers(db: Db, actor: Actor, q: z.output<typeof hostOfferListQuerySchema>) {
  const own = ownCompanyOnly(actor);
  const page = await repo.listHostOffers(db, {
    partnershipId: actor.partnershipId, schoolYear: q.schoolYear, companyId: own ?? q.companyId, municipality: q.municipality,
    active: q.active === 'all' ? undefined : q.active === 'true',
  }, q.limit, q.offset);
  return { items: page.items.map(presentHostOffer), total: page.total, limit: q.limit, offset: q.offset };
}

async function load(db: Db, actor: Actor, id: string) {
  const row = await repo.getHostOffer(db, actor.partnershipId, id);
  if (!row) throw noOffer();
  if (!can(actor, 'host_offer.read', { companyId: row.company_id })) throw noOffer();
  return row;
}

export async function getHostOffer(db: Db, actor: Actor, id: string) {
  return presentHostOffer(await load(db, actor, id));
}

export async function createHostOffer(db: Db, ctx: Context, input: OfferCreate) {
  mayWrite(ctx.actor, input.companyId);
  await checkRefs(db, input.companyId, input);
  const id = await inTransaction(db, async (tx) => {
    const newId = await repo.insertHostOffer(tx, { ...input, partnershipId: ctx.actor.partnershipId, createdByUserId: ctx.actor.id });
    await audit(tx, ctx, { action: 'host_offer.create', entity: 'host_offer', entityId: newId, after: input });
    return newId;
  });
  return getHostOffer(db, ctx.actor, id);
}

export async function updateHostOffer(db: Db, ctx: Context, id: string, input: OfferUpdate) {
  const before = await load(db, ctx.actor, id);
  mayWrite(ctx.actor, before.company_id);
  await checkRefs(db, before.company_id, input);
  await inTransaction(db, async (tx) => {
    await repo.updateHostOffer(tx, id, input);
    await audit(tx, ctx, { action: 'host_offer.update', entity: 'host_offer', entityId: id, before, after: input });
  });
  return getHostOffer(db, ctx.actor, id);
}

export async function deleteHostOffer(db: Db, ctx: Context, id: string): Promise<void> {
  const before = await load(db, ctx.actor, id);
  mayWrite(ctx.actor, before.company_id);
  await inTransaction(db, async (tx) => {
    if (!(await repo.deleteHostOffer(tx, id))) throw conflict('host_offer_in_use', 'Værtstilbuddet indgår i en fordeling; gør det inaktivt i stedet.');
    await audit(tx, ctx, { action: 'host_offer.delete', entity: 'host_offer', entityId: id, before });
  });
}

// ---------------------------------------------------------------- tutors

export async function listTutors(db: Db, actor: Actor, q: z.output<typeof tutorListQuerySchema>) {
  const page = await repo.listTutors(db, { partnershipId: actor.partnershipId, schoolYear: q.schoolYear }, q.limit, q.offset);
  return { items: page.items.map(presentTutor), total: page.total, limit: q.limit, offset: q.offset };
}

async function loadTutor(db: Db, actor: Actor, id: string) {
  const row = (await repo.listTutors(db, { partnershipId: actor.partnershipId, id }, 1, 0)).items[0];
  if (!row) throw notFound('Tutoren findes ikke.');
  return row;
}

export async function createTutor(db: Db, ctx: Context, input: z.output<typeof tutorCreateSchema>) {
  const id = await inTransaction(db, async (tx) => {
    const newId = await repo.insertTutor(tx, { ...input, partnershipId: ctx.actor.partnershipId });
    await audit(tx, ctx, { action: 'tutor.create', entity: 'tutor', entityId: newId, after: input });
    return newId;
  });
  return presentTutor(await loadTutor(db, ctx.actor, id));
}

export async function updateTutor(db: Db, ctx: Context, id: string, input: z.output<typeof tutorUpdateSchema>) {
  const before = await loadTutor(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    await repo.updateTutor(tx, id, input);
    await audit(tx, ctx, { action: 'tutor.update', entity: 'tutor', entityId: id, before, after: input });
  });
  return presentTutor(await loadTutor(db, ctx.actor, id));
}

export async function deleteTutor(db: Db, ctx: Context, id: string): Promise<void> {
  const before = await loadTutor(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    if (!(await repo.deleteTutor(tx, id))) throw conflict('tutor_in_use', 'Tutoren indgår i en fordeling og kan ikke slettes.');
    await audit(tx, ctx, { action: 'tutor.delete', entity: 'tutor', entityId: id, before });
  });
}
