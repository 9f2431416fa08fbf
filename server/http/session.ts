import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrganisationKind, Role } from '../../common/roles';
import type { SessionUser } from '../../common/identity';
import { permissionsOf, type Actor } from '../policy/policy';
import { ProblemError, unauthorized } from './errors';
import * as repo from './session.repo';

export const sessionCookie = 'samspil_session';
export const csrfCookie = 'samspil_csrf';
export const csrfHeader = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionUser: SessionUser | null;
    sessionId: string | null;
    /** The CSRF token this client must echo in the x-csrf-token header. */
    csrfToken: string;
  }
}

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function cookieOptions(secure: boolean, httpOnly: boolean, maxAgeSeconds?: number) {
  return { path: '/', sameSite: 'lax' as const, secure, httpOnly, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

function toSessionUser(row: repo.SessionRow, actor: Actor): SessionUser {
  return {
    id: row.userId,
    name: row.userName,
    email: row.email,
    roles: row.roles as Role[],
    locale: row.locale === 'en' ? 'en' : 'da',
    organisation: {
      id: row.organisationId,
      name: row.organisationName,
      kind: row.organisationKind as OrganisationKind,
      municipalityCode: row.municipalityCode,
      companyId: row.companyId,
    },
    partnership: { id: row.partnershipId, name: row.partnershipName },
    permissions: permissionsOf(actor),
  };
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Deny by default: every /api/v1 route needs a signed-in user, except the sign-in flows themselves and the
 * evaluation form a teacher or company opens from an e-mailed link (the token is the credential; no login).
 * Routes still ask the policy for the specific action; this only makes a forgotten check fail closed.
 * `url` is the route's pattern (request.routeOptions.url), not the request's path.
 */
export function isPublicApiPath(url: string): boolean {
  return url.startsWith('/api/v1/auth/') || url === '/api/v1/evaluations/:token';
}

/**
 * Server-side sessions (a random cookie token; the database keeps only its hash) and CSRF:
 * every state-changing request must echo the CSRF cookie in the x-csrf-token header, and a
 * signed-in client must echo its session's token (rotated at login).
 */
export function installSessions(app: FastifyInstance, options: { ttlHours: number; secureCookies: boolean }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    const now = new Date();
    const token = request.cookies[sessionCookie];
    if (token) {
      const row = await repo.findLiveSession(app.deps.db, hash(token), now);
      if (row && row.status === 'active' && row.organisationActive) {
        const actor: Actor = {
          id: row.userId,
          organisationId: row.organisationId,
          organisationKind: row.organisationKind as OrganisationKind,
          partnershipId: row.partnershipId,
          roles: row.roles as Role[],
          companyId: row.companyId,
        };
        request.actor = actor;
        request.sessionUser = toSessionUser(row, actor);
        request.sessionId = row.sessionId;
        request.csrfToken = row.csrfToken;
        if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await repo.touchSession(app.deps.db, row.sessionId, now);
      } else {
        reply.clearCookie(sessionCookie, { path: '/' });
      }
    }
    if (!request.csrfToken) {
      const existing = request.cookies[csrfCookie];
      request.csrfToken = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken();
    }
    if (request.cookies[csrfCookie] !== request.csrfToken) {
      reply.setCookie(csrfCookie, request.csrfToken, cookieOptions(options.secureCookies, false));
    }
  });

  // Runs before body validation, so a forged or anonymous write never learns anything from validation errors.
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (route.startsWith('/api/v1/') && !isPublicApiPath(route) && !request.actor) {
      throw unauthorized();
    }
    if (!stateChanging.has(request.method)) return;
    const sent = request.headers[csrfHeader];
    const cookie = request.cookies[csrfCookie];
    if (typeof sent !== 'string' || !cookie || !safeEqual(sent, cookie) || !safeEqual(sent, request.csrfToken)) {
      throw new ProblemError(403, 'csrf', 'Sikkerhedstjek mislykkedes (CSRF). Genindlæs siden og prøv igen.');
    }
  });

  app.decorate('sessions', {
    async create(request: FastifyRequest, reply: FastifyReply, userId: string, authMethod: 'password' | 'oidc') {
      if (request.sessionId) await repo.deleteSession(app.deps.db, request.sessionId);
      const token = randomToken();
      const csrfToken = randomToken();
      const now = new Date();
      await repo.insertSession(app.deps.db, {
        id: hash(token),
        userId,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + options.ttlHours * 3600_000),
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
        authMethod,
      });
      reply.setCookie(sessionCookie, token, cookieOptions(options.secureCookies, true, options.ttlHours * 3600));
      reply.setCookie(csrfCookie, csrfToken, cookieOptions(options.secureCookies, false));
      request.csrfToken = csrfToken;
      return { csrfToken };
    },
    async destroy(request: FastifyRequest, reply: FastifyReply) {
      if (request.sessionId) await repo.deleteSession(app.deps.db, request.sessionId);
      reply.clearCookie(sessionCookie, { path: '/' });
      const csrfToken = randomToken();
      reply.setCookie(csrfCookie, csrfToken, cookieOptions(options.secureCookies, false));
      request.csrfToken = csrfToken;
      request.actor = null;
      request.sessionUser = null;
      request.sessionId = null;
      return { csrfToken };
    },
    /** Ends every session of a user (deactivation, password change). */
    endAllFor: (userId: string) => repo.deleteSessionsOfUser(app.deps.db, userId),
  });
}

export interface SessionService {
  create(request: FastifyRequest, reply: FastifyReply, userId: string, authMethod: 'password' | 'oidc'): Promise<{ csrfToken: string }>;
  destroy(request: FastifyRequest, reply: FastifyReply): Promise<{ csrfToken: string }>;
  endAllFor(userId: string): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionService;
  }
}
