import { and, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts, oidcFlows, sessions, userTokens } from '../../db/schema';

export interface Cutoffs {
  now: Date;
  loginAttemptsBefore: Date;
  oidcFlowsBefore: Date;
  tokensBefore: Date;
}

/** Deletes what no longer serves a purpose; returns how many rows each table lost. */
export async function deleteStale(db: Db, c: Cutoffs): Promise<Record<string, number>> {
  const attempts = await db.delete(loginAttempts).where(lt(loginAttempts.at, c.loginAttemptsBefore)).returning({ id: loginAttempts.id });
  const expired = await db.delete(sessions).where(lt(sessions.expiresAt, c.now)).returning({ id: sessions.id });
  const flows = await db.delete(oidcFlows).where(lt(oidcFlows.createdAt, c.oidcFlowsBefore)).returning({ state: oidcFlows.state });
  const tokens = await db.delete(userTokens)
    .where(and(lt(userTokens.createdAt, c.tokensBefore), or(isNotNull(userTokens.usedAt), lt(userTokens.expiresAt, c.now))))
    .returning({ id: userTokens.id });
  return { loginAttempts: attempts.length, sessions: expired.length, oidcFlows: flows.length, userTokens: tokens.length };
}
