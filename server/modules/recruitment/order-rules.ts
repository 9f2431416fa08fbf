import {
  closedOrderStatuses, orderStatuses, orderStatusLabels, orderTransitions, type OrderStatus,
} from '../../../common/recruitment';
import { can, type Actor } from '../../policy';
import { orderResource, type JobOrderRow } from './orders.lookup';

/** The employer view: a user of a company organisation, acting for that company only. */
export const isEmployer = (actor: Actor): boolean => actor.organisationKind === 'company';

/** Statuses in which the company may still change its own order (before a centre starts on it). */
export const employerEditableStatuses: readonly OrderStatus[] = ['kladde', 'oprettet'];

/** The company may publish its draft and cancel an order nobody has started on; everything else is the centre's. */
const employerTransitions: Partial<Record<OrderStatus, readonly OrderStatus[]>> = {
  kladde: ['oprettet', 'annulleret'],
  oprettet: ['annulleret'],
};

export const isOrderStatus = (value: string): value is OrderStatus => (orderStatuses as readonly string[]).includes(value);
export const isClosed = (status: string): boolean => (closedOrderStatuses as readonly string[]).includes(status);
export const statusLabel = (status: string): string => (isOrderStatus(status) ? orderStatusLabels[status].da : status);

/** May the actor change the order's fields now: the holding centre's staff while it is open, the company while kladde/oprettet. */
export function canEditOrder(actor: Actor, order: JobOrderRow): boolean {
  if (!can(actor, 'order.write', orderResource(order))) return false;
  if (isEmployer(actor)) return employerEditableStatuses.includes(order.status as OrderStatus);
  return !isClosed(order.status);
}

/** The statuses the actor may move the order to now (the state machine, narrowed for the company). */
export function allowedTransitions(actor: Actor, order: JobOrderRow): OrderStatus[] {
  if (!isOrderStatus(order.status) || !can(actor, 'order.write', orderResource(order))) return [];
  const machine = orderTransitions[order.status];
  if (!isEmployer(actor)) return [...machine];
  return machine.filter((s) => employerTransitions[order.status as OrderStatus]?.includes(s));
}

/** "Oprettet, Annulleret" — or "ingen" for a closed order. */
export const nextStepsText = (steps: readonly OrderStatus[]): string =>
  (steps.length === 0 ? 'ingen (ordren er afsluttet)' : steps.map((s) => orderStatusLabels[s].da).join(', '));
