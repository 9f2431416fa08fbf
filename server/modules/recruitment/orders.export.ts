import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportQuerySchema, type ExportLanguage } from '../../../common/export';
import {
  certificateLabels, jobTypeLabels, orderListQuerySchema, orderServiceLabels, orderStatusLabels, type Order,
} from '../../../common/recruitment';
import { authorizeExport, exportFilters, exportLanguage, headersIn, offsetBatches, sendExport, type ExportColumn } from '../../http/export';
import * as service from './orders.service';

const labelIn = (lang: ExportLanguage) => (pair: { da: string; en: string }) => (lang === 'en' ? pair.en : pair.da);

/** The columns of the order list's export: what the list shows, with the taxonomy's labels and the placement counts. */
export function orderListColumns(lang: ExportLanguage): ExportColumn<Order>[] {
  const l = labelIn(lang);
  const h = headersIn(lang, {
    number: ['Ordrenummer', 'Order number'], status: ['Status', 'Status'], company: ['Virksomhed', 'Company'], cvr: ['CVR-nummer', 'CVR number'],
    holder: ['Ansvarligt jobcenter', 'Holding job centre'], title: ['Stilling', 'Job title'], occupation: ['Erhverv', 'Occupation'],
    jobType: ['Jobtype', 'Job type'], openings: ['Antal stillinger', 'Openings'], required: ['Krævede kompetencer', 'Required skills'],
    wanted: ['Ønskede kompetencer', 'Wanted skills'], certificates: ['Certifikater', 'Certificates'], hours: ['Timer pr. uge', 'Hours per week'],
    start: ['Startdato', 'Start date'], deadline: ['Ansøgningsfrist', 'Deadline'], services: ['Ønsket service', 'Services'],
    postal: ['Postnummer (arbejdssted)', 'Workplace postal code'], municipality: ['Kommune (arbejdssted)', 'Workplace municipality'],
    createdVia: ['Oprettet af', 'Created by'], created: ['Oprettet', 'Created'], opened: ['Åbnet', 'Opened'], closed: ['Lukket', 'Closed'],
    placements: ['Formidlinger', 'Placements'], hires: ['Ansat', 'Hired'],
  });
  const sum = (o: Order) => Object.values(o.placementCounts).reduce((a, b) => a + b, 0);
  return [
    { key: 'number', header: h.number, value: (o) => o.number },
    { key: 'status', header: h.status, value: (o) => l(orderStatusLabels[o.status]) },
    { key: 'company', header: h.company, value: (o) => o.companyName },
    { key: 'cvr', header: h.cvr, value: (o) => o.companyCvr, kind: 'text' },
    { key: 'holder', header: h.holder, value: (o) => o.holdingOrganisationName },
    { key: 'title', header: h.title, value: (o) => o.title },
    { key: 'occupation', header: h.occupation, value: (o) => o.occupation.label },
    { key: 'jobType', header: h.jobType, value: (o) => l(jobTypeLabels[o.jobType]) },
    { key: 'openings', header: h.openings, value: (o) => o.openings, kind: 'number' },
    { key: 'required', header: h.required, value: (o) => o.requiredSkills.map((s) => s.label).join(', ') },
    { key: 'wanted', header: h.wanted, value: (o) => o.wantedSkills.map((s) => s.label).join(', ') },
    { key: 'certificates', header: h.certificates, value: (o) => o.certificates.map((c) => l(certificateLabels[c])).join(', ') },
    { key: 'hours', header: h.hours, value: (o) => o.hoursPerWeek, kind: 'number' },
    { key: 'start', header: h.start, value: (o) => o.startDate, kind: 'date' },
    { key: 'deadline', header: h.deadline, value: (o) => o.deadline, kind: 'date' },
    { key: 'services', header: h.services, value: (o) => o.services.map((s) => l(orderServiceLabels[s])).join(', ') },
    { key: 'postal', header: h.postal, value: (o) => o.workplacePostalCode, kind: 'text' },
    { key: 'municipality', header: h.municipality, value: (o) => o.workplaceMunicipalityName },
    { key: 'createdVia', header: h.createdVia, value: (o) => (o.createdVia === 'employer' ? l({ da: 'Virksomheden', en: 'The company' }) : l({ da: 'Jobcenter/konsulent', en: 'Job centre/consultant' })) },
    { key: 'created', header: h.created, value: (o) => o.createdAt, kind: 'datetime' },
    { key: 'opened', header: h.opened, value: (o) => o.openedAt, kind: 'datetime' },
    { key: 'closed', header: h.closed, value: (o) => o.closedAt, kind: 'datetime' },
    { key: 'placements', header: h.placements, value: sum, kind: 'number' },
    { key: 'hires', header: h.hires, value: (o) => o.placementCounts.ansat ?? 0, kind: 'number' },
  ];
}

/**
 * GET /api/v1/orders/export: every order of the list with the list's own filters and scope (a company user: its own
 * company's only), read through the list's service in pages.
 */
export async function registerOrderExportRoute(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/orders/export', {
    schema: {
      tags: ['recruitment', 'export'], summary: 'Eksportér alle jobordrer i listen som CSV eller XLSX',
      querystring: orderListQuerySchema.omit({ limit: true, offset: true }).extend(exportQuerySchema.shape),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'order.read');
    const { format, lang, ...query } = request.query;
    const language = exportLanguage(request, lang);
    return sendExport(reply, format, {
      fileName: language === 'en' ? 'job-orders' : 'jobordrer', sheetName: language === 'en' ? 'Job orders' : 'Jobordrer',
      columns: orderListColumns(language),
      batches: offsetBatches(async (limit, offset) => (await service.list(app.deps.db, actor, { ...query, limit, offset })).items),
      audit: { list: 'job_orders', filters: exportFilters(query) },
    });
  });
}
