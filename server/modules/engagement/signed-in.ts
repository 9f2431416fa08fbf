import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../policy';

/**
 * onRequest guard for body-less routes (DELETE): a request with a JSON content type and an empty body
 * fails body parsing before the session's preValidation check, so an anonymous caller would get a 400
 * instead of 401. Answering 401 here, before parsing, keeps the order "who are you" → "is the input valid".
 */
export async function signedIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}
