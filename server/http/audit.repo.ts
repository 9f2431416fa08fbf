import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export async function insertAuditEntries(db: Db, rows: (typeof auditLog.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(auditLog).values(rows);
}
