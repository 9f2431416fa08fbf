import type { z } from 'zod';
import {
  canMovePlacement, placementStatusLabels, placementTransitions, releasedPlacementStatuses, type OrderStatus, type Placement,
  type placementCreateSchema, type PlacementStatus, type placementStatusChangeSchema,
} from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, forbidden, notFound, ProblemError } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { partnershipMatcher, scoreOne, toMatchOrder } from './matching-index';
import { appendOrderLog } from './order-log';
import { findOrderRow, orderResource, type JobOrderRow } from './orders.lookup';
import { consentSteps, ownsPlacement, presentPlacement, statusWords } from './placements.presenter';
import * as repo from './placements.repo';
import { requireOpen, todayInDenmark } from './shortlist.service';

export type PlacementContext = AuditContext & { actor: Actor; now?: Date };
type CreateInput = z.output<typeof placementCreateSchema>;
type MoveInput = z.output<typeof placementStatusChangeSchema>;

export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** A unique index refused the write; `name` narrows it to one index (the drivers wrap the database error differently). */
export function isUniqueViolation(error: unknown, name?: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505') return !name || constraint === name || (typeof message === 'string' && message.includes(name));
  }
  return false;
}

const label = (s: PlacementStatus) => placementStatusLabels[s].da;

/** The order in the actor's partnership, or 404 (another partnership's order is not revealed). */
export async function partnershipOrder(db: Db, actor: Actor, orderId: string): Promise<JobOrderRow> {
  const order = await findOrderRow(db, orderId);
  if (!order || order.partnershipId !== actor.partnershipId) throw notFound('Jobordren findes ikke.');
  return order;
}

/** A placement in the actor's partnership, or 404. */
export async function partnershipPlacement(db: Db, actor: Actor, id: string): Promise<repo.PlacementRow> {
  const row = await repo.findPlacement(db, id);
  if (!row || row.partnership_id !== actor.partnershipId) throw notFound('Formidlingen findes ikke.');
  return row;
}

/** The placement as the actor sees it now. */
export async function getPlacement(db: Db, actor: Actor, id: string): Promise<Placement> {
  const row = await partnershipPlacement(db, actor, id);
  const consents = await repo.latestConsents(db, row.order_id);
  return presentPlacement(actor, row, consents.get(row.candidate_id) ?? null);
}

/**
 * Proposes a candidate for an open order (status udsøgt). Only the candidate's own centre may; the match score and
 * reasons of the moment are kept. The order's first placement moves it from oprettet to under behandling.
 */
export async function create(db: Db, context: PlacementContext, input: CreateInput): Promise<Placement> {
  const { actor } = context;
  const now = context.now ?? new Date();
  const order = await partnershipOrder(db, actor, input.orderId);
  const candidate = await repo.candidateFacts(db, input.candidateId);
  if (!candidate || candidate.partnership_id !== actor.partnershipId) throw notFound('Kandidaten findes ikke.');
  if (!can(actor, 'placement.write', { partnershipId: candidate.partnership_id, organisationId: candidate.organisation_id })) {
    throw forbidden('Kun kandidatens eget jobcenter kan foreslå kandidaten til en jobordre.');
  }
  requireOpen(order);
  if (!candidate.active || candidate.anonymised) {
    throw new ProblemError(422, 'candidate_inactive', `Kandidat ${candidate.ref} er ikke aktiv og kan ikke foreslås.`);
  }
  const exists = () => conflict('placement_exists', `Kandidat ${candidate.ref} er allerede foreslået til jobordre ${order.number}.`);
  if (await repo.placementFor(db, order.id, candidate.id)) throw exists();
  const matcher = await partnershipMatcher(db, order.partnershipId);
  const scored = scoreOne(matcher, toMatchOrder(order), candidate.id, todayInDenmark(now));

  let id: string;
  try {
    id = await inTransaction(db, async (tx) => {
      const record = await repo.insertPlacement(tx, {
        orderId: order.id, candidateId: candidate.id, organisationId: candidate.organisation_id, createdByUserId: actor.id, status: 'udsøgt',
        matchScore: scored ? Math.round(scored.score) : null, matchReasons: scored?.reasons ?? [], statusChangedAt: now, createdAt: now,
      });
      await appendOrderLog(tx, {
        orderId: order.id, userId: actor.id, organisationId: actor.organisationId, kind: 'placement', toStatus: 'udsøgt', placementId: record.id, at: now,
        text: `Kandidat ${candidate.ref} (${candidate.organisation_name}) er udsøgt til ordren${scored ? ` med matchscore ${Math.round(scored.score)}` : ''}.`,
      });
      await audit(tx, context, { action: 'placement.create', entity: 'placement', entityId: record.id, after: record, reason: input.note ?? null });
      if (await repo.startOrderHandling(tx, order.id, now)) {
        await appendOrderLog(tx, {
          orderId: order.id, userId: actor.id, organisationId: actor.organisationId, kind: 'status', fromStatus: 'oprettet', toStatus: 'under_behandling',
          at: now, text: 'Ordren er under behandling: den første kandidat er udsøgt.',
        });
        await audit(tx, context, {
          action: 'order.status', entity: 'job_order', entityId: order.id, before: { status: 'oprettet' }, after: { status: 'under_behandling' },
        });
      }
      return record.id;
    });
  } catch (error) {
    // Two consultants proposing the same candidate at once: the unique index decides.
    if (isUniqueViolation(error, 'placements_order_candidate_idx')) throw exists();
    throw error;
  }
  return getPlacement(db, actor, id);
}

function illegal(from: PlacementStatus, to: PlacementStatus): never {
  const allowed = placementTransitions[from];
  const next = allowed.length === 0 ? 'ingen – formidlingen er afsluttet' : statusWords(allowed);
  throw new ProblemError(422, 'illegal_transition',
    `En formidling med status "${label(from)}" kan ikke flyttes til "${label(to)}". Mulige næste trin: ${next}.`, { allowed });
}

const alreadyHired = (ref: string, other: { orderId: string; number: string }) => new ProblemError(409, 'already_hired',
  `Kandidat ${ref} er allerede ansat via jobordre ${other.number}.`, { orderId: other.orderId, orderNumber: other.number });

/**
 * When the hires on an order reach its openings, the order is closed as filled (afsluttet_behov_opfyldt) in the same
 * transaction, with a line in its log: the shortlist stops offering it and the KPIs count it filled.
 */
async function closeWhenFilled(tx: Db, context: PlacementContext, orderId: string, now: Date): Promise<void> {
  const order = await findOrderRow(tx, orderId);
  if (!order || !filledClosable.includes(order.status as OrderStatus)) return;
  const hires = await repo.hiresOnOrder(tx, orderId);
  if (hires < order.openings) return;
  if (!(await repo.closeOrderFilled(tx, orderId, order.status, now))) return;
  await appendOrderLog(tx, {
    orderId, userId: context.actor.id, organisationId: context.actor.organisationId, kind: 'system', at: now,
    fromStatus: order.status, toStatus: 'afsluttet_behov_opfyldt',
    text: order.openings === 1
      ? 'Stillingen er besat: jobordren er afsluttet – behov opfyldt.'
      : `Alle ${order.openings} stillinger er besat: jobordren er afsluttet – behov opfyldt.`,
  });
  await audit(tx, context, {
    action: 'order.status', entity: 'job_order', entityId: orderId, before: { status: order.status }, after: { status: 'afsluttet_behov_opfyldt' },
    reason: 'Alle stillinger besat',
  });
}

/** Order statuses a last hire closes as filled. */
const filledClosable: readonly OrderStatus[] = ['oprettet', 'under_behandling', 'inaktiveret'];

/**
 * Moves a placement along udsøgt → samtykke_givet → præsenteret → samtale → ansat (or afvist/fravalgt). Only the
 * candidate's centre may. Steps that pass identity on need a consent in force; a candidate is hired in one order only.
 */
export async function move(db: Db, context: PlacementContext, id: string, input: MoveInput): Promise<Placement> {
  const { actor } = context;
  const now = context.now ?? new Date();
  const row = await partnershipPlacement(db, actor, id);
  if (!ownsPlacement(actor, row)) throw forbidden('Kun kandidatens eget jobcenter kan ændre formidlingen.');
  const from = row.status;
  const to = input.status;
  if (!canMovePlacement(from, to)) illegal(from, to);
  if (consentSteps.has(to) && !(await repo.activeConsent(db, row.candidate_id, row.order_id))) {
    throw new ProblemError(422, 'consent_required', 'Kandidaten skal give samtykke, før identiteten kan gives videre til virksomheden.');
  }
  if (to === 'ansat') {
    const other = await repo.hiredElsewhere(db, row.candidate_id, row.order_id);
    if (other) throw alreadyHired(row.candidate_ref, other);
  }
  const change = {
    status: to, statusChangedAt: now,
    ...(to === 'præsenteret' ? { presentedAt: now } : {}),
    ...(to === 'ansat' ? { hiredAt: now } : {}),
    ...(placementTransitions[to].length === 0 && to !== 'ansat' ? { closedReason: input.note ?? null } : {}),
  };
  try {
    await inTransaction(db, async (tx) => {
      const before = await repo.getPlacementRecord(tx, id);
      const after = await repo.updatePlacementStatus(tx, id, from, change);
      if (!after) throw conflict('placement_changed', 'Formidlingen er netop blevet ændret af en anden. Genindlæs siden, og prøv igen.');
      const released = releasedPlacementStatuses.includes(to) && !releasedPlacementStatuses.includes(from);
      await appendOrderLog(tx, {
        orderId: row.order_id, userId: actor.id, organisationId: actor.organisationId, kind: 'placement', fromStatus: from, toStatus: to,
        placementId: id, at: now,
        text: `Kandidat ${row.candidate_ref}: ${label(from).toLowerCase()} → ${label(to).toLowerCase()}.`
          + (released ? ` ${row.company_name} kan nu se kandidatens oplysninger efter samtykket.` : ''),
      });
      await audit(tx, context, { action: 'placement.status', entity: 'placement', entityId: id, before, after, reason: input.note ?? null });
      if (to === 'ansat') await closeWhenFilled(tx, context, row.order_id, now);
    });
  } catch (error) {
    if (to === 'ansat' && isUniqueViolation(error, 'placements_one_hire_idx')) {
      const other = await repo.hiredElsewhere(db, row.candidate_id, row.order_id);
      throw alreadyHired(row.candidate_ref, other ?? { orderId: row.order_id, number: row.order_number });
    }
    throw error;
  }
  return getPlacement(db, actor, id);
}

/**
 * An order's placements. Staff of the partnership see every centre's (refs, no identity); a company user sees only
 * those released to its company (presented or later with a consent in force) — identity is in the released view.
 */
export async function listForOrder(db: Db, actor: Actor, orderId: string): Promise<Placement[]> {
  const order = await partnershipOrder(db, actor, orderId);
  if (!can(actor, 'order.read', orderResource(order))) throw forbidden();
  const [list, consents] = await Promise.all([repo.orderPlacements(db, order.id), repo.latestConsents(db, order.id)]);
  const employer = actor.organisationKind === 'company';
  return list.flatMap((row) => {
    const consent = consents.get(row.candidate_id) ?? null;
    if (employer) {
      const released = releasedPlacementStatuses.includes(row.status) && consent !== null && consent.withdrawnAt === null
        && consent.companyId === actor.companyId;
      if (!released) return [];
    }
    return [presentPlacement(actor, row, consent)];
  });
}
