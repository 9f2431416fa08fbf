import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/errors';
import { can, type Action, type Actor, type Resource } from './policy';

/** The signed-in actor, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** Asks the policy; throws 401 when nobody is signed in and 403 when the policy says no. */
export function authorize(request: FastifyRequest, action: Action, resource?: Resource): Actor {
  const actor = requireActor(request);
  if (!can(actor, action, resource)) throw forbidden();
  return actor;
}

/** Like `authorize`, for a read several actions open (e.g. the plan list: schools staff and evaluation readers). */
export function authorizeAny(request: FastifyRequest, actions: readonly Action[], resource?: Resource): Actor {
  const actor = requireActor(request);
  if (!actions.some((action) => can(actor, action, resource))) throw forbidden();
  return actor;
}
