import type { z } from 'zod';
import { placementTransitions, type consentCreateSchema, type consentMethods, type Placement } from '../../../common/recruitment';
import { audit } from '../../http/audit';
import { badRequest, conflict, forbidden, notFound, ProblemError } from '../../http/errors';
import { can } from '../../policy';
import type { Db } from '../../db/client';
import { appendOrderLog } from './order-log';
import * as repo from './placements.repo';
import { getPlacement, inTransaction, partnershipPlacement, type PlacementContext } from './placements.service';

type ConsentInput = Omit<z.output<typeof consentCreateSchema>, 'placementId'> & { placementId?: string };

const methodWords: Record<(typeof consentMethods)[number], string> = {
  personligt: 'ved personligt fremmøde', telefon: 'pr. telefon', digital_post: 'med Digital Post', email: 'pr. e-mail',
};
const scopeWords = (scope: readonly string[]) => {
  const words = [scope.includes('identity') ? 'identitet og kontaktoplysninger' : null, scope.includes('cv') ? 'CV' : null].filter(Boolean);
  return words.join(' og ');
};

/** Allowed drift of a consent's given time into the future (clocks differ a little). */
const futureSlackMs = 5 * 60_000;

/**
 * Records the candidate's consent to pass identity and CV to the order's company: what, to whom, why, when and how.
 * Only the candidate's centre may; a placement still udsøgt moves to samtykke_givet.
 */
export async function recordConsent(db: Db, context: PlacementContext, placementId: string, input: ConsentInput): Promise<Placement> {
  const { actor } = context;
  const now = context.now ?? new Date();
  if (input.placementId && input.placementId !== placementId) {
    throw badRequest('placement_mismatch', 'Samtykket hører til en anden formidling end adressen angiver.');
  }
  const row = await partnershipPlacement(db, actor, placementId);
  if (!can(actor, 'consent.write', { partnershipId: row.partnership_id, organisationId: row.organisation_id })) {
    throw forbidden('Kun kandidatens eget jobcenter kan registrere samtykke.');
  }
  if (placementTransitions[row.status].length === 0) {
    throw new ProblemError(422, 'placement_closed', 'Formidlingen er afsluttet, så der kan ikke registreres samtykke til den.');
  }
  const givenAt = input.givenAt ? new Date(input.givenAt) : now;
  if (givenAt.getTime() > now.getTime() + futureSlackMs) {
    throw new ProblemError(422, 'consent_in_future', 'Samtykket kan ikke være givet i fremtiden.', { errors: [{ path: 'givenAt', message: 'Samtykket kan ikke være givet i fremtiden.' }] });
  }
  if (await repo.activeConsent(db, row.candidate_id, row.order_id)) {
    throw conflict('consent_exists', `Kandidat ${row.candidate_ref} har allerede et gyldigt samtykke til jobordre ${row.order_number}.`);
  }
  await inTransaction(db, async (tx) => {
    const consent = await repo.insertConsent(tx, {
      candidateId: row.candidate_id, orderId: row.order_id, companyId: row.company_id, scope: input.scope, purpose: input.purpose,
      method: input.method, givenAt, recordedByUserId: actor.id, organisationId: row.organisation_id, createdAt: now,
    });
    await appendOrderLog(tx, {
      orderId: row.order_id, userId: actor.id, organisationId: actor.organisationId, kind: 'consent', placementId: row.id, at: now,
      text: `Samtykke registreret for kandidat ${row.candidate_ref}: ${scopeWords(input.scope)} må gives videre til ${row.company_name} `
        + `(givet ${methodWords[input.method]}).`,
    });
    await audit(tx, context, { action: 'consent.create', entity: 'candidate_consent', entityId: consent.id, after: consent });
    if (row.status === 'udsøgt') {
      const before = await repo.getPlacementRecord(tx, row.id);
      const after = await repo.updatePlacementStatus(tx, row.id, 'udsøgt', { status: 'samtykke_givet', statusChangedAt: now });
      if (!after) throw conflict('placement_changed', 'Formidlingen er netop blevet ændret af en anden. Genindlæs siden, og prøv igen.');
      await appendOrderLog(tx, {
        orderId: row.order_id, userId: actor.id, organisationId: actor.organisationId, kind: 'placement', fromStatus: 'udsøgt',
        toStatus: 'samtykke_givet', placementId: row.id, at: now, text: `Kandidat ${row.candidate_ref}: udsøgt → samtykke givet.`,
      });
      await audit(tx, context, { action: 'placement.status', entity: 'placement', entityId: row.id, before, after });
    }
  });
  return getPlacement(db, actor, row.id);
}

/**
 * Withdraws a consent (the candidate's right at any time): from this moment the employer no longer sees the
 * candidate's identity. Only the centre that recorded it (the candidate's own) may.
 */
export async function withdrawConsent(db: Db, context: PlacementContext, consentId: string): Promise<Placement> {
  const { actor } = context;
  const now = context.now ?? new Date();
  const consent = await repo.getConsent(db, consentId);
  const candidate = consent ? await repo.candidateFacts(db, consent.candidateId) : null;
  if (!consent || !candidate || candidate.partnership_id !== actor.partnershipId) throw notFound('Samtykket findes ikke.');
  if (!can(actor, 'consent.write', { partnershipId: candidate.partnership_id, organisationId: consent.organisationId })) {
    throw forbidden('Kun kandidatens eget jobcenter kan trække samtykket tilbage.');
  }
  if (consent.withdrawnAt) throw conflict('consent_withdrawn', 'Samtykket er allerede trukket tilbage.');
  const placement = await repo.placementFor(db, consent.orderId, consent.candidateId);
  await inTransaction(db, async (tx) => {
    const after = await repo.withdrawConsent(tx, consent.id, actor.id, now);
    if (!after) throw conflict('consent_withdrawn', 'Samtykket er allerede trukket tilbage.');
    await appendOrderLog(tx, {
      orderId: consent.orderId, userId: actor.id, organisationId: actor.organisationId, kind: 'consent', placementId: placement?.id ?? null, at: now,
      text: `Kandidat ${candidate.ref} har trukket sit samtykke tilbage. Virksomheden kan ikke længere se kandidatens oplysninger.`,
    });
    await audit(tx, context, { action: 'consent.withdraw', entity: 'candidate_consent', entityId: consent.id, before: consent, after });
  });
  if (!placement) throw notFound('Formidlingen findes ikke.');
  return getPlacement(db, actor, placement.id);
}
