import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evaluationAnswerSchema, evaluationFormSchema, evaluationTokenSchema } from '../../../common/schools';
import { answerEvaluation, evaluationForm } from './evaluations.service';

const tokenParams = z.object({ token: evaluationTokenSchema });

/**
 * The evaluation form behind an e-mailed link: no login, the token is the key (only its hash is stored).
 * Public by design: server/http/session.ts isPublicApiPath lets /api/v1/evaluations/:token through.
 */
export async function registerEvaluationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['schools'];
  r.get('/api/v1/evaluations/:token', { schema: { tags, summary: 'Evalueringsskemaet bag et link (uden login)', params: tokenParams, response: { 200: evaluationFormSchema } } },
    async (request) => evaluationForm(app.deps.db, request.params.token));
  r.post('/api/v1/evaluations/:token', { schema: { tags, summary: 'Besvar evalueringen (uden login; én gang)', params: tokenParams, body: evaluationAnswerSchema } },
    async (request, reply) => {
      await answerEvaluation(app.deps.db, request.params.token, request.ip, request.body);
      return reply.status(204).send();
    });
}
