import { certificates as certificateCodes, identityPurposeLabels, type Certificate, type ReleasedCandidate } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { forbidden } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { partnershipOrder } from './placements.service';
import { storedReasons } from './placements.presenter';
import * as repo from './released.repo';

const knownCertificates = new Set<string>(certificateCodes);
const iso = (value: string | Date) => new Date(value).toISOString();

/** The company the actor acts for, if it may see released candidates at all. */
function employerCompany(actor: Actor): string {
  if (!actor.companyId || !can(actor, 'candidate.released', { partnershipId: actor.partnershipId, companyId: actor.companyId })) throw forbidden();
  return actor.companyId;
}

/**
 * Presents released candidates (identity and CV as far as the consent's scope reaches) and audits each as an identity
 * read for `formidling` by the employer, in one statement.
 */
async function present(db: Db, context: AuditContext & { actor: Actor }, list: repo.ReleasedRow[]): Promise<ReleasedCandidate[]> {
  const labels = await repo.taxonomyLabels(db, [...new Set(list.flatMap((r) => [...r.occupations, ...r.skills]))]);
  const ref = (uri: string) => ({ uri, label: labels.get(uri) ?? uri });
  const items = list.map((r): ReleasedCandidate => {
    const identity = r.scope.includes('identity');
    return {
      placementId: r.placement_id, orderId: r.order_id, orderTitle: r.order_title, status: r.status, ref: r.ref,
      name: identity ? r.name : null, email: identity ? r.email : null, phone: identity ? r.phone : null,
      cvText: r.scope.includes('cv') ? r.cv_text : null,
      occupations: r.occupations.map(ref), skills: r.skills.map(ref),
      certificates: r.certificates.filter((c): c is Certificate => knownCertificates.has(c)),
      reasons: storedReasons(r.match_reasons), centreName: r.centre_name, releasedAt: iso(r.released_at),
    };
  });
  if (list.length > 0) {
    await audit(db, context, ...list.map((r) => ({
      action: 'candidate.identity_read', entity: 'candidate', entityId: r.candidate_id, reason: 'formidling',
      after: {
        purpose: 'formidling', purposeText: identityPurposeLabels.formidling, ref: r.ref, via: 'employer', placementId: r.placement_id,
        orderId: r.order_id, consentId: r.consent_id, scope: r.scope,
      },
    })));
  }
  return items;
}

/** Every candidate released to the actor's company, across its orders. */
export async function listReleased(db: Db, context: AuditContext & { actor: Actor }): Promise<ReleasedCandidate[]> {
  const companyId = employerCompany(context.actor);
  return present(db, context, await repo.releasedCandidates(db, { partnershipId: context.actor.partnershipId, companyId }));
}

/** The candidates released to the actor's company for one of its orders. */
export async function listReleasedForOrder(db: Db, context: AuditContext & { actor: Actor }, orderId: string): Promise<ReleasedCandidate[]> {
  const { actor } = context;
  const companyId = employerCompany(actor);
  const order = await partnershipOrder(db, actor, orderId);
  if (order.companyId !== companyId) throw forbidden();
  return present(db, context, await repo.releasedCandidates(db, { partnershipId: actor.partnershipId, companyId, orderId: order.id }));
}
