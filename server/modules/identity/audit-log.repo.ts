import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { likeEscape } from './users.repo';

export interface AuditFilter {
  q?: string;
  entity?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: number;
}

export type AuditRow = typeof auditLog.$inferSelect & { userName: string | null };

/** A partnership's audit entries, newest first, from below `cursor` (an entry id). One extra row tells whether more follow. */
export async function listAudit(db: Db, partnershipId: string, filter: AuditFilter): Promise<AuditRow[]> {
  const pattern = filter.q?.trim() ? `%${likeEscape(filter.q.trim())}%` : null;
  const conditions: (SQL | undefined)[] = [
    eq(auditLog.partnershipId, partnershipId),
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, new Date(filter.from)) : undefined,
    filter.to ? lte(auditLog.at, new Date(filter.to)) : undefined,
    filter.cursor !== undefined ? lt(auditLog.id, filter.cursor) : undefined,
    pattern ? or(
      sql`${auditLog.action} ilike ${pattern}`, sql`${auditLog.entity} ilike ${pattern}`, sql`${auditLog.entityId} ilike ${pattern}`,
    ) : undefined,
  ];
  const rows = await db.select({ entry: auditLog, userName: users.name }).from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(...conditions)).orderBy(desc(auditLog.id)).limit(filter.limit + 1);
  return rows.map((r) => ({ ...r.entry, userName: r.userName }));
}
