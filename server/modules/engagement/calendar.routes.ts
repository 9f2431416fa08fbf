import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFeedCreatedSchema, calendarFeedStatusSchema } from '../../../common/calendar';
import { ProblemError } from '../../http/errors';
import { authorize } from '../../policy';
import * as service from './calendar.service';
import { signedIn } from './signed-in';

const feedParams = z.object({ file: z.string().max(200) });

/**
 * The signed-in user's secret iCal feed: create/rotate, status and revoke under /api/v1/me, and the
 * feed itself at /kalender/<token>.ics, outside /api/v1 because calendar apps carry no session: the
 * token is the credential, and the feed re-checks the owner's status and grant on every fetch.
 */
export async function registerCalendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagement'];
  const db = () => app.deps.db;

  r.get('/api/v1/me/calendar-feed', {
    schema: { tags, summary: 'Er mit kalender-link aktivt?', response: { 200: calendarFeedStatusSchema } },
  }, async (request) => {
    const actor = authorize(request, 'calendar.read');
    return service.status(db(), actor);
  });

  r.post('/api/v1/me/calendar-feed', {
    onRequest: signedIn,
    schema: { tags, summary: 'Opret eller forny mit kalender-link (det gamle holder op med at virke)', response: { 201: calendarFeedCreatedSchema } },
  }, async (request, reply) => {
    const actor = authorize(request, 'calendar.read');
    return reply.status(201).send(await service.createOrRotate(db(), { actor, ip: request.ip }, app.deps.env.publicUrl));
  });

  r.delete('/api/v1/me/calendar-feed', {
    onRequest: signedIn,
    schema: { tags, summary: 'Slå mit kalender-link fra' },
  }, async (request, reply) => {
    const actor = authorize(request, 'calendar.read');
    await service.revoke(db(), { actor, ip: request.ip });
    return reply.status(204).send();
  });

  r.get('/kalender/:file', {
    schema: { tags, summary: 'iCal-feed med mine åbne opgaver (adgang med det hemmelige link)', params: feedParams },
  }, async (request, reply) => {
    const token = /^(.+)\.ics$/.exec(request.params.file)?.[1] ?? '';
    const body = await service.feed(db(), token, app.deps.env.publicUrl);
    // Unknown, revoked and no-longer-allowed answer alike, so a guess learns nothing; `instance` is fixed
    // rather than the request URL, so the answer never echoes a token.
    if (body === null) throw new ProblemError(404, 'not_found', 'Kalenderen findes ikke.', { instance: '/kalender' });
    return reply
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .type('text/calendar; charset=utf-8')
      .send(body);
  });
}
