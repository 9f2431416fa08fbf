import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportQuerySchema, type ExportLanguage } from '../../../common/export';
import { referralListQuerySchema, type Referral, type ReferralStatus } from '../../../common/referrals';
import { authorizeExport, exportFilters, exportLanguage, headersIn, offsetBatches, sendExport, type ExportColumn } from '../../http/export';
import * as service from './referrals.service';

type Pair = readonly [da: string, en: string];
const pick = (lang: ExportLanguage, pair: Pair) => pair[lang === 'en' ? 1 : 0];
const statuses: Record<ReferralStatus, Pair> = {
  sendt: ['Sendt', 'Sent'], modtaget: ['Modtaget', 'Received'], igangsat: ['Igangsat', 'Started'],
  afsluttet: ['Afsluttet', 'Closed'], afvist: ['Afvist', 'Rejected'],
};

/** The columns of a referral list's export: what the list shows, with every date of the response clock. */
export function referralListColumns(lang: ExportLanguage): ExportColumn<Referral>[] {
  const h = headersIn(lang, {
    company: ['Virksomhed', 'Company'], cvr: ['CVR-nummer', 'CVR number'], address: ['Adresse', 'Address'], offer: ['Ydelse', 'Offer'],
    provider: ['Udbyder', 'Provider'], fromOrganisation: ['Henvist fra', 'Referred by (organisation)'], fromUser: ['Henvist af', 'Referred by'],
    fromEmail: ['Henviserens e-mail', 'Referrer\'s e-mail'], status: ['Status', 'Status'], overdue: ['Svarfrist overskredet', 'Response overdue'],
    sent: ['Sendt', 'Sent'], due: ['Svarfrist', 'Response due'], received: ['Modtaget', 'Received'], started: ['Igangsat', 'Started'],
    closed: ['Afsluttet', 'Closed'], reason: ['Begrundelse for afvisning', 'Reason for rejection'], outcome: ['Resultat', 'Outcome'],
    satisfaction: ['Tilfredshed (1-5)', 'Satisfaction (1-5)'], reminded: ['Påmindelse sendt', 'Reminder sent'], escalated: ['Eskaleret', 'Escalated'],
    message: ['Besked til udbyderen', 'Message to the provider'],
  });
  return [
    { key: 'company', header: h.company, value: (r) => r.company.name },
    { key: 'cvr', header: h.cvr, value: (r) => r.company.cvr, kind: 'text' },
    { key: 'address', header: h.address, value: (r) => r.company.address },
    { key: 'offer', header: h.offer, value: (r) => r.offer.title },
    { key: 'provider', header: h.provider, value: (r) => r.provider.name },
    { key: 'fromOrganisation', header: h.fromOrganisation, value: (r) => r.from.organisationName },
    { key: 'fromUser', header: h.fromUser, value: (r) => r.from.userName },
    { key: 'fromEmail', header: h.fromEmail, value: (r) => r.from.userEmail },
    { key: 'status', header: h.status, value: (r) => pick(lang, statuses[r.status]) },
    { key: 'overdue', header: h.overdue, value: (r) => pick(lang, r.overdue ? ['Ja', 'Yes'] : ['Nej', 'No']) },
    { key: 'sent', header: h.sent, value: (r) => r.sentAt, kind: 'date' },
    { key: 'due', header: h.due, value: (r) => r.responseDue, kind: 'date' },
    { key: 'received', header: h.received, value: (r) => r.receivedAt, kind: 'date' },
    { key: 'started', header: h.started, value: (r) => r.startedAt, kind: 'date' },
    { key: 'closed', header: h.closed, value: (r) => r.closedAt, kind: 'date' },
    { key: 'reason', header: h.reason, value: (r) => r.rejectionReason },
    { key: 'outcome', header: h.outcome, value: (r) => r.outcome },
    { key: 'satisfaction', header: h.satisfaction, value: (r) => r.satisfaction, kind: 'number' },
    { key: 'reminded', header: h.reminded, value: (r) => r.reminderSentAt, kind: 'date' },
    { key: 'escalated', header: h.escalated, value: (r) => r.escalatedAt, kind: 'date' },
    { key: 'message', header: h.message, value: (r) => r.message },
  ];
}

const directionNames = { incoming: ['indgaaende-henvisninger', 'incoming-referrals'], outgoing: ['henvisninger', 'referrals'], all: ['alle-henvisninger', 'all-referrals'] } as const;

/**
 * GET /api/v1/referrals/export?direction=…: every referral of the list with the list's filters and scope (a
 * provider's incoming ones, an organisation's outgoing ones, the partnership's for the secretariat), read
 * through the list's own service, in its order.
 */
export async function registerReferralListExportRoute(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/referrals/export', {
    schema: {
      tags: ['business-service', 'export'], summary: 'Eksportér alle henvisninger i listen (indgående, udgående eller alle) som CSV eller XLSX',
      querystring: referralListQuerySchema.omit({ limit: true, offset: true }).extend(exportQuerySchema.shape),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'referral.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: pick(language, directionNames[query.direction]), sheetName: pick(language, ['Henvisninger', 'Referrals']),
      columns: referralListColumns(language),
      batches: offsetBatches(async (limit, offset) => (await service.list(app.deps.db, actor, { ...query, limit, offset })).items),
      audit: { list: 'referrals', filters: exportFilters(query) },
    });
  });
}
