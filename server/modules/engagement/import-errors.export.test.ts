import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportErrorPage, ImportJob } from '../../../common/engagement-import';
import { testEngine } from '../../db/test-db';
import { readCsvExport, readWorkbook } from '../../http/export-read';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { addDays, todayInDenmark } from './dates';
import { errorMessage } from './import-errors.export';
import { createCvrCompanies, mapAndValidate, uploadCsv, type CvrCompany } from './import-test-fixtures';
import { call } from './test-fixtures';

let t: TestApp;
let manager: TestActor;
let job: ImportJob;
let firms: CvrCompany[];
const today = todayInDenmark();
/** Rows with two errors each: 3,000 errors, more than one export batch (2,000), split inside no row. */
const badRows = 1500;
const exportUrl = () => `/api/v1/engagement/imports/${job.id}/errors/export`;

beforeAll(async () => {
  t = await createTestApp();
  manager = await createActor(t.db, { roles: ['manager'] });
  firms = await createCvrCompanies(t.db, 2);
  const lines = ['CVR-nr;Dato;Kontaktform;Formål;Notat;Ekstern id'];
  lines.push(`${firms[0].cvr};${addDays(today, -1)};Besøg;Rekruttering;god;OK-1`);
  for (let i = 1; i <= badRows; i += 1) lines.push(`12345674;${addDays(today, -2)};Fax;Rekruttering;;E-${i}`);
  lines.push(`${firms[1].cvr};${addDays(today, 3)};Møde;Fastholdelse;;OK-2`);
  job = await mapAndValidate(t.app, manager, await uploadCsv(t.app, manager, 'interactions', `${lines.join('\n')}\n`, 'crm-eksport.csv'));
});
afterAll(async () => t?.close());

describe(`import row error export (${testEngine})`, () => {
  it('is for the importing organisation\'s leads only', async () => {
    const consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: manager.partnershipId, organisationId: manager.organisationId });
    const analyst = await createActor(t.db, { roles: ['analyst'], partnershipId: manager.partnershipId, organisationId: manager.organisationId });
    const otherManager = await createActor(t.db, { roles: ['manager'], partnershipId: manager.partnershipId });
    const stranger = await createActor(t.db, { roles: ['manager'] });
    expect((await t.app.inject({ method: 'GET', url: exportUrl() })).statusCode).toBe(401);
    expect((await injectAs(t.app, consultant, { method: 'GET', url: exportUrl() })).statusCode).toBe(403);
    expect((await injectAs(t.app, analyst, { method: 'GET', url: exportUrl() })).statusCode).toBe(403);
    const other = await injectAs(t.app, otherManager, { method: 'GET', url: exportUrl() });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toBe('Importen tilhører en anden organisation.');
    expect((await injectAs(t.app, stranger, { method: 'GET', url: exportUrl() })).statusCode).toBe(404);
    expect((await injectAs(t.app, manager, { method: 'GET', url: '/api/v1/engagement/imports/nope/errors/export' })).statusCode).toBe(400);
  });

  it('exports every row error in file order, as the error list pages them, for fixing the file in a spreadsheet', async () => {
    expect(job).toMatchObject({ status: 'validated', errorRows: badRows + 1 });
    const res = await injectAs(t.app, manager, { method: 'GET', url: exportUrl() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="crm-eksport-fejl-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = await readCsvExport(res.rawPayload);
    expect(rows[0]).toEqual(['Række', 'Kolonne', 'Værdi', 'Fejl', 'Fejlkode']);
    const body = rows.slice(1);
    const first = await call<ImportErrorPage>(t.app, manager, 200, { method: 'GET', url: `/api/v1/engagement/imports/${job.id}/errors` });
    expect(first.total).toBe(2 * badRows + 1);
    expect(body).toHaveLength(first.total);
    expect(body.slice(0, first.pageSize)).toEqual(first.items.map((e) => [String(e.rowNumber), e.column ?? '', e.params.value ?? e.params.cvr ?? '', e.message, e.code]));
    const lastPage = Math.ceil(first.total / first.pageSize);
    const last = await call<ImportErrorPage>(t.app, manager, 200, { method: 'GET', url: `/api/v1/engagement/imports/${job.id}/errors?page=${lastPage}` });
    expect(body.slice(-last.items.length).map((r) => [r[0], r[4]])).toEqual(last.items.map((e) => [String(e.rowNumber), e.code]));
    // Every bad row twice (its CVR and its channel), once each, rows ascending; the last row's date is in the future.
    const keys = body.map((r) => `${r[0]} ${r[4]}`);
    expect(new Set(keys).size).toBe(body.length);
    expect(body.map((r) => Number(r[0]))).toEqual([...body.map((r) => Number(r[0]))].sort((a, b) => a - b));
    expect(body.filter((r) => r[4] === 'unknown_cvr' && r[2] === '12345674')).toHaveLength(badRows);
    expect(body.filter((r) => r[4] === 'invalid_channel' && r[1] === 'Kontaktform' && r[2] === 'Fax')).toHaveLength(badRows);
    expect(body.at(-1)).toEqual([String(badRows + 3), 'Dato', '', expect.stringContaining('ligger i fremtiden'), 'date_in_future']);

    const audit = (await t.db.execute(sql`select after from audit_log where action = 'data.export' order by id desc limit 1`)).rows[0] as { after: unknown };
    expect(audit.after).toEqual({ list: 'import_errors', format: 'csv', rows: 2 * badRows + 1, filters: { importId: job.id } });
  });

  it('writes the errors in English on request, as a workbook', async () => {
    const res = await injectAs(t.app, manager, { method: 'GET', url: `${exportUrl()}?format=xlsx&lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/crm-eksport-errors-/);
    const rows = readWorkbook(res.rawPayload).rows();
    expect(rows[0].map((c) => c.value)).toEqual(['Row', 'Column', 'Value', 'Error', 'Error code']);
    expect(rows).toHaveLength(1 + 2 * badRows + 1);
    expect(rows[1].map((c) => c.value)).toEqual(['3', 'Kontaktform', 'Fax', 'Unknown channel "Fax". Use visit, phone, meeting, e-mail or event.', 'invalid_channel']);
    expect(rows[1][0]).toMatchObject({ type: null });
    expect(rows[2].map((c) => c.value)).toEqual(['3', 'CVR-nr', '12345674', 'No company with CVR number 12345674 in Samspil. Correct the number or create the company first.', 'unknown_cvr']);
  });
});

describe('errorMessage', () => {
  it('fills the English template from the params, and keeps the Danish message without a template', () => {
    const error = { rowNumber: 2, column: 'X', code: 'too_long', message: 'Teksten er for lang (300 tegn; højst 200).', params: { max: '200', length: '300' } };
    expect(errorMessage('en', error)).toBe('The text is too long (at most 200 characters).');
    expect(errorMessage('da', error)).toBe(error.message);
    expect(errorMessage('en', { ...error, code: 'something_new' })).toBe(error.message);
  });
});
