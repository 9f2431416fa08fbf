import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../common/roles';
import type { Db } from '../../db/client';
import { emailOutbox, users } from '../../db/schema';
import { createActor, type TestActor } from '../../test/helpers';
import { hashPassword } from './passwords';

// Test-only helpers for the identity module's route tests.

/** A CSRF pair for a signed-out client: any well-formed token works when cookie and header agree. */
export const anonymousCsrf = 'T'.repeat(43);
export const anonymousHeaders = { cookie: `samspil_csrf=${anonymousCsrf}`, 'x-csrf-token': anonymousCsrf };

/** An active user with a password (and the live session createActor makes). */
export async function createPasswordUser(db: Db, options: { roles: Role[]; password: string; email?: string; partnershipId?: string; organisationId?: string }): Promise<TestActor & { email: string }> {
  const actor = await createActor(db, options);
  await db.update(users).set({ passwordHash: await hashPassword(options.password) }).where(eq(users.id, actor.userId));
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  return { ...actor, email: row.email };
}

/** The cookies a response sets, by name. */
export function setCookies(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

/** Headers that continue as the client a login (or invitation) response signed in. */
export function headersAfterLogin(response: LightMyRequestResponse): Record<string, string> {
  const cookies = setCookies(response);
  const csrf = cookies.samspil_csrf;
  return { cookie: `samspil_session=${cookies.samspil_session}; samspil_csrf=${csrf}`, 'x-csrf-token': csrf };
}

export function loginAs(app: FastifyInstance, email: string, password: string, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: anonymousHeaders, payload: { email, password }, remoteAddress });
}

/** The token in the newest outbox e-mail to an address (the link's ?token= value). */
export async function tokenFromOutbox(db: Db, to: string): Promise<string> {
  const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const match = newest?.bodyText.match(/token=([A-Za-z0-9_%-]+)/);
  if (!match) throw new Error(`no token e-mail to ${to}`);
  return decodeURIComponent(match[1]);
}
