import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only log of every write and every read of personal identity data.
 * A trigger (see migrations) refuses UPDATE and DELETE on this table.
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: uuid('user_id'),
  organisationId: uuid('organisation_id'),
  partnershipId: uuid('partnership_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  reason: text('reason'),
  ip: text('ip'),
}, (t) => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_entity_idx').on(t.entity, t.entityId),
  index('audit_log_user_idx').on(t.userId),
]);
