import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ssoCallbackQuerySchema, ssoProviderSchema, ssoProvidersQuerySchema, ssoStartQuerySchema } from '../../../../common/identity';
import { createDiscoveryCache } from './oidc-client';
import { presentSsoProvider } from './sso.presenter';
import { SsoFailure } from './sso.errors';
import { completeFlow, flowLifetimeMs, listProviders, recordFailure, startFlow, type SsoDeps } from './sso.service';

const basePath = '/api/v1/auth/sso';
/** Short-lived cookie holding the flow's state, so only the browser that started a flow can finish it. */
const flowCookie = 'samspil_sso_flow';
const discoveryTtlMs = 60 * 60 * 1000;

const failurePath = (code: string) => `/login?sso=fejl&grund=${encodeURIComponent(code)}`;

/**
 * Single sign-on with OpenID Connect (authorization code + PKCE), configured per organisation.
 * None of these routes needs a session: they are how a person gets one.
 */
export async function registerSsoRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { env } = app.deps;
  const deps: SsoDeps = {
    db: app.deps.db,
    discovery: createDiscoveryCache({ ttlMs: discoveryTtlMs }),
    redirectUri: `${env.publicUrl}${basePath}/callback`,
    now: () => new Date(),
  };
  const cookieOptions = {
    path: basePath, httpOnly: true, sameSite: 'lax' as const,
    secure: env.COOKIE_SECURE ?? env.publicUrl.startsWith('https://'),
  };

  r.get(`${basePath}/providers`, {
    schema: {
      tags: ['auth'], summary: 'Organisationer med single sign-on (filtreret på e-mailens domæne)',
      querystring: ssoProvidersQuerySchema,
      response: { 200: z.array(ssoProviderSchema) },
    },
  }, async (request) => (await listProviders(app.deps.db, request.query.email)).map(presentSsoProvider));

  r.get(`${basePath}/:organisationId/start`, {
    schema: {
      tags: ['auth'], summary: 'Start single sign-on: viderestiller til organisationens identitetsudbyder',
      params: z.object({ organisationId: z.string().uuid('Ugyldigt organisations-id.') }),
      querystring: ssoStartQuerySchema,
    },
  }, async (request, reply) => {
    try {
      const { url, state } = await startFlow(deps, request.params.organisationId, request.query.returnTo);
      reply.setCookie(flowCookie, state, { ...cookieOptions, maxAge: flowLifetimeMs / 1000 });
      return reply.redirect(url, 302);
    } catch (error) {
      if (!(error instanceof SsoFailure)) throw error;
      await recordFailure(app.deps.db, error, request.ip);
      return reply.redirect(failurePath(error.code), 302);
    }
  });

  r.get(`${basePath}/callback`, {
    schema: {
      tags: ['auth'], summary: 'Identitetsudbyderens svar: opretter sessionen og viderestiller',
      querystring: ssoCallbackQuerySchema,
    },
  }, async (request, reply) => {
    const browserState = request.cookies[flowCookie];
    reply.clearCookie(flowCookie, { path: basePath });
    try {
      const { userId, returnTo } = await completeFlow(deps, {
        query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
        state: request.query.state,
        error: request.query.error,
        browserState,
        ip: request.ip,
      });
      await app.sessions.create(request, reply, userId, 'oidc');
      return reply.redirect(returnTo, 302);
    } catch (error) {
      // The browser is mid-navigation: it gets the login page with a reason, never a JSON error.
      let failure: SsoFailure;
      if (error instanceof SsoFailure) failure = error;
      else {
        request.log.error({ err: error }, 'sso callback failed');
        failure = new SsoFailure('provider_error', 'internal_error');
      }
      await recordFailure(app.deps.db, failure, request.ip);
      return reply.redirect(failurePath(failure.code), 302);
    }
  });
}
