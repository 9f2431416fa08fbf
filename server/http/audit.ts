import type { Db } from '../db/client';
import type { Actor } from '../policy/policy';
import { insertAuditEntries } from './audit.repo';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditContext {
  actor: Actor | null;
  ip?: string | null;
}

/** Secrets never reach the audit log, however a caller shapes its before/after. */
const secretKeys = new Set(['passwordHash', 'password_hash', 'password', 'ssoClientSecret', 'sso_client_secret', 'clientSecret', 'tokenHash', 'token', 'cprEncrypted', 'cpr', 'cprHash', 'cpr_hash', 'cpr_encrypted']);

function scrub(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretKeys.has(k) ? (v == null ? null : '[skjult]') : scrub(v)]),
  );
}

/**
 * Appends to the audit log. Call it with the same `db` (or transaction) as the write it
 * records, so the write and its audit entry commit or fail together.
 */
export async function audit(db: Db, context: AuditContext, ...entries: AuditEntry[]): Promise<void> {
  await insertAuditEntries(db, entries.map((e) => ({
    userId: context.actor?.id ?? null,
    organisationId: context.actor?.organisationId ?? null,
    partnershipId: context.actor?.partnershipId ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    before: scrub(e.before),
    after: scrub(e.after),
    reason: e.reason ?? null,
    ip: context.ip ?? null,
  })));
}
