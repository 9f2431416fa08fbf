import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appliedMigrationTag, latestMigrationTag } from '../db/migrate';

export async function registerHealthRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Health, database engine and migration version',
      response: {
        200: z.object({
          status: z.literal('ok'),
          engine: z.enum(['pglite', 'postgresql']),
          migration: z.string().nullable(),
          latestMigration: z.string(),
        }),
      },
    },
  }, async () => ({
    status: 'ok' as const,
    engine: app.deps.engine,
    migration: await appliedMigrationTag(app.deps.database),
    latestMigration: latestMigrationTag(),
  }));
}
