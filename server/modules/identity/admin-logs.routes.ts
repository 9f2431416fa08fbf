import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema, outboxMessageSchema } from '../../../common/identity';
import { pageQuerySchema, pageSchema } from '../../../common/pagination';
import { authorize } from '../../policy';
import { listAudit, type AuditRow } from './audit-log.repo';
import { listOutbox, type OutboxRow } from './outbox.repo';

const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.number().int().nullable() });

const presentOutbox = (row: OutboxRow): z.infer<typeof outboxMessageSchema> => ({
  id: row.id, toAddress: row.toAddress, subject: row.subject, bodyText: row.bodyText, kind: row.kind,
  createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null, lastError: row.lastError,
});

const presentAudit = (row: AuditRow): z.infer<typeof auditEntrySchema> => ({
  id: row.id, at: row.at.toISOString(), userId: row.userId, userName: row.userName, organisationId: row.organisationId,
  action: row.action, entity: row.entity, entityId: row.entityId, before: row.before ?? null, after: row.after ?? null,
  reason: row.reason,
});

/** What administrators read: the e-mail outbox and the audit log, both of their own partnership. */
export async function registerAdminLogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get('/api/v1/admin/outbox', {
    schema: { tags, summary: 'Udgående e-mails (nyeste først)', querystring: pageQuerySchema, response: { 200: pageSchema(outboxMessageSchema) } },
  }, async (request) => {
    const actor = authorize(request, 'outbox.read');
    const { limit, offset } = request.query;
    const { rows, total } = await listOutbox(app.deps.db, actor.partnershipId, limit, offset);
    return { items: rows.map(presentOutbox), total, limit, offset };
  });

  r.get('/api/v1/admin/audit', {
    schema: { tags, summary: 'Revisionsloggen (nyeste først)', querystring: auditQuerySchema, response: { 200: auditPageSchema } },
  }, async (request) => {
    const actor = authorize(request, 'audit.read');
    const rows = await listAudit(app.deps.db, actor.partnershipId, request.query);
    const items = rows.slice(0, request.query.limit);
    return {
      items: items.map(presentAudit),
      nextCursor: rows.length > request.query.limit ? items[items.length - 1].id : null,
    };
  });
}
