import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportErrorCode, ImportRowError } from '../../../common/engagement-import';
import { exportQuerySchema, type ExportLanguage } from '../../../common/export';
import { authorizeExport, exportLanguage, headersIn, keysetBatches, sendExport, type ExportColumn } from '../../http/export';
import type { ImportRunner } from './import-runner';
import * as service from './import.service';

/**
 * The English wording of the row errors (the server's own messages are Danish), with the same placeholders as
 * the error's params; a code without one keeps the Danish message.
 */
const english: Partial<Record<ImportErrorCode, string>> = {
  required: 'This cell must be filled in.',
  missing_company: 'The row has neither a CVR number nor a P-number.',
  invalid_cvr: 'Invalid CVR number "{value}": it must be 8 digits and pass the modulus 11 check.',
  unknown_cvr: 'No company with CVR number {cvr} in Samspil. Correct the number or create the company first.',
  invalid_p_number: 'Invalid P-number "{value}": it must be 10 digits.',
  unknown_p_number: 'No production unit with P-number {pNumber} in Samspil.',
  p_number_other_company: 'P-number {pNumber} does not belong to the company with CVR number {cvr}.',
  invalid_date: 'Invalid date "{value}". Write the date as YYYY-MM-DD or DD-MM-YYYY.',
  date_in_future: 'The date {date} is in the future. A contact that has taken place cannot be dated later than today.',
  follow_up_before_date: 'The follow-up date {date} is before the contact\'s date.',
  invalid_channel: 'Unknown channel "{value}". Use visit, phone, meeting, e-mail or event.',
  invalid_purpose: 'Unknown purpose "{value}". Use recruitment, retention, upskilling or business development.',
  invalid_theme: 'Unknown theme "{value}".',
  invalid_boolean: '"{value}" is neither yes nor no.',
  invalid_email: 'Invalid e-mail address "{value}".',
  unknown_consultant: 'No user in the organisation has the e-mail {email}.',
  too_long: 'The text is too long (at most {max} characters).',
  duplicate_ref: 'External id "{ref}" is also in row {row}; each row needs its own id.',
  deleted_ref: 'The contact with external id "{ref}" was deleted in Samspil and is not imported again.',
  extra_fields: 'The row has {fields} fields, but the file has {columns} columns. Check delimiters and quotes.',
};

/** The error in the export's language: Danish as the server wrote it, English from the code and its params. */
export function errorMessage(lang: ExportLanguage, error: ImportRowError): string {
  const template = lang === 'en' ? english[error.code as ImportErrorCode] : undefined;
  if (!template) return error.message;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => error.params[key] ?? whole);
}

/** The cell's content the error is about, where the check recorded it. */
const offendingValue = (e: ImportRowError) => e.params.value ?? e.params.cvr ?? e.params.pNumber ?? e.params.email ?? e.params.ref ?? null;

export function importErrorColumns(lang: ExportLanguage): ExportColumn<ImportRowError>[] {
  const h = headersIn(lang, {
    row: ['Række', 'Row'], column: ['Kolonne', 'Column'], value: ['Værdi', 'Value'], message: ['Fejl', 'Error'], code: ['Fejlkode', 'Error code'],
  });
  return [
    { key: 'row', header: h.row, value: (e) => e.rowNumber, kind: 'number' },
    { key: 'column', header: h.column, value: (e) => e.column },
    { key: 'value', header: h.value, value: offendingValue, kind: 'text' },
    { key: 'message', header: h.message, value: (e) => errorMessage(lang, e) },
    { key: 'code', header: h.code, value: (e) => e.code },
  ];
}

/**
 * GET /api/v1/engagement/imports/:id/errors/export: every row error of a dry run, in file order, so the file
 * can be corrected in a spreadsheet (row numbers as the spreadsheet counts them: the header is row 1).
 */
export function registerImportErrorExportRoute(app: FastifyInstance, runner: ImportRunner): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/engagement/imports/:id/errors/export', {
    schema: {
      tags: ['engagement', 'export'], summary: 'Eksportér alle fejl pr. række fra kontrollen (CSV eller XLSX)',
      params: z.object({ id: z.string().uuid('Ugyldigt import-id.') }), querystring: exportQuerySchema,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
  }, async (request, reply) => {
    const actor = authorizeExport(request, 'engagement.import');
    const language = exportLanguage(request, request.query.lang);
    const { fileName, read } = await service.errorExport(app.deps.db, runner, actor, request.params.id);
    const stem = fileName.replace(/\.[^.]*$/, '') || 'import';
    return sendExport(reply, request.query.format, {
      fileName: `${stem}-${language === 'en' ? 'errors' : 'fejl'}`, sheetName: language === 'en' ? 'Errors' : 'Fejl',
      columns: importErrorColumns(language),
      batches: keysetBatches(read, (error) => error.cursor),
      audit: { list: 'import_errors', filters: { importId: request.params.id } },
    });
  });
}
