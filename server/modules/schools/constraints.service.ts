import type { z } from 'zod';
import type { constraintCreateSchema } from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import { presentConstraint } from './allocation.presenter';
import { inTransaction, rows, type Context } from './db';
import * as repo from './plans.repo';
import { getHostOffer } from './host-offers.repo';
import { getClass } from './schools.repo';
import { sql } from 'drizzle-orm';

export async function listConstraints(db: Db, actor: Actor, schoolYear: string) {
  return { items: (await repo.listConstraints(db, actor.partnershipId, schoolYear)).map(presentConstraint) };
}

async function companyName(db: Db, id: string): Promise<string | null> {
  const [row] = await rows<{ name: string }>(db, sql`select name from companies where id = ${id}`);
  return row?.name ?? null;
}

/**
 * Locks an assignment of a plan (the class keeps that host week in every re-run; an earlier lock of the class is
 * replaced), or forbids a class with a company or one host offer.
 */
export async function createConstraint(db: Db, ctx: Context, input: z.output<typeof constraintCreateSchema>) {
  const partnershipId = ctx.actor.partnershipId;
  const id = await inTransaction(db, async (tx) => {
    let values;
    if (input.kind === 'lock') {
      const [a] = await repo.assignmentsOf(tx, { id: input.assignmentId });
      const owner = a ? await repo.planOfAssignment(tx, a.id) : null;
      if (!a || owner?.partnership_id !== partnershipId) throw notFound('Fordelingen af klassen findes ikke.');
      await repo.deleteLocksOfClass(tx, partnershipId, a.school_year, a.class_id);
      values = { partnershipId, schoolYear: a.school_year, kind: 'lock', classId: a.class_id, hostOfferId: a.host_offer_id, week: a.week };
    } else {
      const cls = await getClass(tx, partnershipId, input.classId);
      if (!cls) throw notFound('Klassen findes ikke.');
      if (input.hostOfferId && !(await getHostOffer(tx, partnershipId, input.hostOfferId))) throw notFound('Værtstilbuddet findes ikke.');
      if (input.companyId && !(await companyName(tx, input.companyId))) {
        throw new ProblemError(422, 'unknown_company', 'Virksomheden findes ikke i virksomhedsregistret.');
      }
      values = { partnershipId, schoolYear: cls.school_year, kind: 'forbid', classId: cls.id, hostOfferId: input.hostOfferId ?? null, companyId: input.companyId ?? null };
    }
    const newId = await repo.insertConstraint(tx, { ...values, note: input.note ?? null, createdByUserId: ctx.actor.id });
    await audit(tx, ctx, { action: `allocation.${input.kind}`, entity: 'allocation_constraint', entityId: newId, after: values });
    return newId;
  });
  const [row] = await repo.listConstraints(db, partnershipId, undefined, id);
  return presentConstraint(row);
}

export async function deleteConstraint(db: Db, ctx: Context, id: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [before] = await repo.listConstraints(tx, ctx.actor.partnershipId, undefined, id);
    if (!before) throw notFound('Låsningen eller udelukkelsen findes ikke.');
    await repo.deleteConstraint(tx, id);
    await audit(tx, ctx, { action: `allocation.un${before.kind}`, entity: 'allocation_constraint', entityId: id, before });
  });
}
