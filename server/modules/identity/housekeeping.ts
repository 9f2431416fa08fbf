import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { deleteStale } from './housekeeping.repo';

const hour = 3600_000;

/**
 * Removes expired sessions, login attempts older than a day (the rate limit looks back 15 minutes),
 * abandoned SSO flows and used or expired e-mail tokens older than 30 days.
 */
export function cleanUp(db: Db, now = new Date()): Promise<Record<string, number>> {
  return deleteStale(db, {
    now,
    loginAttemptsBefore: new Date(now.getTime() - 24 * hour),
    oidcFlowsBefore: new Date(now.getTime() - hour),
    tokensBefore: new Date(now.getTime() - 30 * 24 * hour),
  });
}

/** Runs cleanUp once an hour (first run a minute after start); stop() ends it. */
export function startHousekeeping(db: Db, log: FastifyBaseLogger): { stop(): void } {
  const run = () => cleanUp(db).catch((error: unknown) => log.warn({ err: error }, 'housekeeping failed'));
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, hour);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
