import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { da as zodDanish } from 'zod/v4/locales';
import type { Database, Db, Engine } from './db/client';
import type { Env } from './env';
import { installErrorHandling } from './http/errors';
import { installSessions } from './http/session';
import { registerHealthRoutes } from './http/health.routes';
import { registerModules } from './modules';

export interface AppDeps {
  database: Database;
  db: Db;
  engine: Engine;
  env: Env;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route the app registered (method and URL pattern), for tests that check all routes. */
    routeCatalogue: { method: string; url: string }[];
  }
}

// zod's own messages (where a schema gives none) in Danish: the API's human messages are Danish.
z.config(zodDanish());

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** Builds the HTTP app. Tests import this (never main.ts) with their own database. */
export async function buildApp(database: Database, env: Env): Promise<FastifyInstance> {
  const app = Fastify({
    logger: env.LOG_LEVEL === 'silent' ? false : {
      level: env.LOG_LEVEL,
      // Calendar feed URLs carry their secret in the path: it never reaches a log.
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method, url: request.url.replace(/^\/kalender\/[^/?#]+/, '/kalender/[skjult]'), ip: request.ip,
        }),
      },
    },
    bodyLimit: 1024 * 1024,
    trustProxy: env.NODE_ENV === 'production',
    ajv: { customOptions: { coerceTypes: 'array' } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', { database, db: database.db, engine: database.engine, env });

  const routeCatalogue: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeCatalogue.push({ method, url: route.url });
  });
  app.decorate('routeCatalogue', routeCatalogue);

  installErrorHandling(app);
  // Clients (fetch wrappers, proxies) often send a JSON content type on a bodiless DELETE; that is not
  // malformed JSON, so the body parser is skipped for it.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'DELETE' && request.headers['content-length'] === '0') delete request.headers['content-type'];
  });
  await app.register(cookie);
  installSessions(app, {
    ttlHours: env.SESSION_TTL_HOURS,
    secureCookies: env.COOKIE_SECURE ?? env.publicUrl.startsWith('https://'),
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Samspil API', version: '1', description: 'REST API for Samspil. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'samspil_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await registerHealthRoutes(app);
  await registerModules(app);

  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: 'index.html' });
    // The SPA owns every other GET path that is not an API or a file.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
