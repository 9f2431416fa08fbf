import { ProblemError, conflict, forbidden } from '../../http/errors';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { can } from '../../policy';
import { type Order, type OrderStatus, orderTransitions } from '../../../common/recruitment';
import { appendOrderLog } from './order-log';
import { allowedTransitions, isClosed, isOrderStatus, nextStepsText, statusLabel } from './order-rules';
import { orderResource } from './orders.lookup';
import * as repo from './orders.repo';
import { inTransaction, presentById, visibleOrder, who, type OrderContext } from './orders.service';

/**
 * Moves an order along the state machine of common/recruitment (`orderTransitions`). The target arrives as any
 * string, so an unknown or illegal one (`ansat` from kladde) gets the same clear 422 naming the possible next steps,
 * and nothing changes. Leaving kladde sets openedAt (the KPIs' clock); a closing status sets closedAt. The company
 * may only publish its draft or cancel an order nobody has started on. Logged and audited with the change.
 */
export async function moveOrder(db: Db, context: OrderContext, id: string, input: { status: string; note?: string }): Promise<Order> {
  const { actor } = context;
  const now = context.now ?? new Date();
  const current = await visibleOrder(db, actor, id);
  if (!can(actor, 'order.write', orderResource(current))) throw forbidden('Kun det ansvarlige jobcenter kan ændre status på jobordren.');
  const from = current.status as OrderStatus;
  const to = input.status;
  const machine = isOrderStatus(from) ? orderTransitions[from] : [];
  if (!isOrderStatus(to) || !machine.includes(to)) {
    throw new ProblemError(422, 'illegal_transition',
      `En jobordre kan ikke gå fra ${statusLabel(from)} til ‘${isOrderStatus(to) ? statusLabel(to) : to}’. Mulige næste trin: ${nextStepsText(machine)}.`,
      { errors: [{ path: 'status', message: 'Ugyldigt næste trin.' }], allowed: machine });
  }
  const mine = allowedTransitions(actor, current);
  if (!mine.includes(to)) {
    throw forbidden(`Virksomheden kan ikke selv sætte ordren til ${statusLabel(to)}. Mulige trin for dig: ${mine.length ? nextStepsText(mine) : 'ingen'}.`);
  }
  const by = await who(db, actor);
  await inTransaction(db, async (tx) => {
    const after = await repo.moveOrder(tx, id, from, {
      status: to, statusChangedAt: now,
      ...(from === 'kladde' && !current.openedAt ? { openedAt: now } : {}),
      ...(isClosed(to) ? { closedAt: now } : {}),
    });
    if (!after) throw conflict('order_changed', 'Jobordren er netop blevet ændret af en anden. Genindlæs siden, og prøv igen.');
    await appendOrderLog(tx, {
      orderId: id, userId: actor.id, organisationId: actor.organisationId, kind: 'status', fromStatus: from, toStatus: to, at: now,
      text: `Status ændret fra ${statusLabel(from)} til ${statusLabel(to)} af ${by}.${input.note ? ` Note: ${input.note}` : ''}`,
    });
    await audit(tx, context, { action: `order.${to}`, entity: 'job_order', entityId: id, before: current, after, reason: input.note ?? null });
  });
  return presentById(db, actor, id);
}
