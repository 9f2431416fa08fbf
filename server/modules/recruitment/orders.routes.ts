import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  orderCreateSchema, orderListQuerySchema, orderListSchema, orderLogEntrySchema, orderSchema, orderStatusChangeSchema, orderUpdateSchema,
} from '../../../common/recruitment';
import { authorize } from '../../policy';
import { registerOrderExportRoute } from './orders.export';
import * as service from './orders.service';
import { moveOrder } from './orders.status';

const idParams = z.object({ id: z.string().uuid('Ugyldigt ordre-id.') });
/** Any target string: an unknown or illegal one gets the state machine's own Danish 422 (illegal_transition), not a 400. */
const statusBody = orderStatusChangeSchema.extend({ status: z.string().trim().min(1, 'Vælg den nye status.') });

/**
 * The keys a PATCH body really carried: the update schema fills defaults (empty lists, openings 1) for absent fields,
 * which must not overwrite the stored order. Read before validation replaces the body.
 */
const sentKeys = new WeakMap<FastifyRequest, Set<string>>();
async function rememberSentKeys(request: FastifyRequest): Promise<void> {
  const body = request.body;
  sentKeys.set(request, new Set(body && typeof body === 'object' ? Object.keys(body) : []));
}

/**
 * Job orders (jobordrer): created once by a job centre, the partnership's staff or the company itself; read by every job
 * centre and the business staff of the partnership (a company user: only its own company's); changed by the holding centre.
 */
export async function registerOrderRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recruitment'];
  const db = () => app.deps.db;

  r.get('/api/v1/orders', {
    schema: { tags, summary: 'Partnerskabets jobordrer (en virksomhedsbruger: kun virksomhedens egne)', querystring: orderListQuerySchema, response: { 200: orderListSchema } },
  }, async (request) => {
    const actor = authorize(request, 'order.read');
    return service.list(db(), actor, request.query);
  });
  await registerOrderExportRoute(app);

  r.post('/api/v1/orders', {
    schema: { tags, summary: 'Opret en jobordre (som kladde, eller straks oprettet med submit)', body: orderCreateSchema, response: { 201: orderSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'order.write');
    return reply.status(201).send(await service.create(db(), { actor, ip: request.ip }, request.body));
  });

  r.get('/api/v1/orders/:id', {
    schema: { tags, summary: 'Én jobordre med formidlinger pr. status og de trin, du kan tage', params: idParams, response: { 200: orderSchema } },
  }, async (request) => {
    const actor = authorize(request, 'order.read');
    return service.get(db(), actor, request.params.id);
  });

  r.patch('/api/v1/orders/:id', {
    preValidation: rememberSentKeys,
    schema: { tags, summary: 'Ret en jobordre (det ansvarlige jobcenter; virksomheden selv i kladde/oprettet)', params: idParams, body: orderUpdateSchema, response: { 200: orderSchema } },
  }, async (request) => {
    const actor = authorize(request, 'order.write');
    return service.update(db(), { actor, ip: request.ip }, request.params.id, request.body, sentKeys.get(request) ?? new Set());
  });

  r.post('/api/v1/orders/:id/status', {
    schema: { tags, summary: 'Flyt en jobordre: kladde → oprettet → under_behandling → inaktiveret → afsluttet | annulleret', params: idParams, body: statusBody, response: { 200: orderSchema } },
  }, async (request) => {
    const actor = authorize(request, 'order.write');
    return moveOrder(db(), { actor, ip: request.ip }, request.params.id, request.body);
  });

  r.get('/api/v1/orders/:id/log', {
    schema: { tags, summary: 'Ordrens formidlingslog: hvert trin, hvem og hvilket jobcenter', params: idParams, response: { 200: z.object({ items: z.array(orderLogEntrySchema) }) } },
  }, async (request) => {
    const actor = authorize(request, 'order.read');
    return { items: await service.log(db(), actor, request.params.id) };
  });
}
