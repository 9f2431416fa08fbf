import type { Tier } from '../../../common/engagement';
import { tierTargetRuleSchema, type TierTargetSet } from '../../../common/engagement-coverage';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import { listTiers } from './portfolio.service';
import { findTier, updateTier } from './portfolio.repo';
import { inTransaction } from './query.repo';

type Context = AuditContext & { actor: Actor };

/**
 * Sets (or with null removes) the target of one of the organisation's tiers. The shape is checked by the route;
 * the range is a rule of the domain and answers 422 with the field named, before anything is read or written.
 */
export async function setTierTarget(db: Db, context: Context, id: string, input: TierTargetSet): Promise<Tier> {
  const checked = tierTargetRuleSchema.safeParse(input);
  if (!checked.success) {
    const errors = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new ProblemError(422, 'invalid_target', errors[0]?.message ?? 'Målet er ugyldigt.', { errors });
  }
  const { actor } = context;
  const before = await findTier(db, actor.organisationId, id);
  if (!before) throw notFound('Kontaktniveauet findes ikke.');
  await inTransaction(db, async (tx) => {
    const after = await updateTier(tx, id, { targetCompanies: checked.data.targetCompanies });
    await audit(tx, context, {
      action: 'tier.target_set', entity: 'contact_tier', entityId: id,
      before: { targetCompanies: before.target_companies }, after: { targetCompanies: after.targetCompanies },
    });
  });
  const tier = (await listTiers(db, actor)).items.find((t) => t.id === id);
  if (!tier) throw notFound('Kontaktniveauet findes ikke.');
  return tier;
}
