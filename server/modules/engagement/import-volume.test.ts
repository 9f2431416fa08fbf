import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportErrorPage } from '../../../common/engagement-import';
import { testEngine } from '../../db/test-db';
import { createActor, createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { todayInDenmark } from './dates';
import { applyJob, createCvrCompanies, generatedExport, mapAndValidate, uploadCsv, type CvrCompany } from './import-test-fixtures';
import { call } from './test-fixtures';

/*
 * A large file end to end through the API: no row caps, chunked dry run, one-transaction apply.
 * 10,000 rows keep the suite quick; 100,000 rows take the same path (measured outside the suite).
 * Timing is not asserted: performance targets belong in benchmarks.
 */

const rowsInFile = 10_000;
let t: TestApp;
let manager: TestActor;
let firms: CvrCompany[];

beforeAll(async () => {
  t = await createTestApp();
  manager = await createActor(t.db, { roles: ['manager'] });
  firms = await createCvrCompanies(t.db, 300);
});
afterAll(async () => t?.close());

describe(`CSV import of ${rowsInFile.toLocaleString('da-DK')} rows (${testEngine})`, () => {
  it('stages, reports and applies every row, with consistent timeline and last-contact figures', { timeout: 240_000 }, async () => {
    const today = todayInDenmark();
    const job = await uploadCsv(t.app, manager, 'interactions', generatedExport(firms, rowsInFile, today), 'stort-udtræk.csv');
    expect(job.totalRows).toBe(rowsInFile);
    const unknown = rowsInFile / 500;
    const validated = await mapAndValidate(t.app, manager, job);
    expect(validated).toMatchObject({ status: 'validated', processedRows: rowsInFile, errorRows: unknown, counts: { valid: rowsInFile - unknown, new: rowsInFile - unknown, updates: 0 } });
    const lastPage = await call<ImportErrorPage>(t.app, manager, 200, { method: 'GET', url: `/api/v1/engagement/imports/${job.id}/errors?page=1` });
    expect(lastPage.total).toBe(unknown);
    expect(lastPage.items.map((e) => e.rowNumber).slice(0, 2)).toEqual([501, 1001]);

    const applied = await applyJob(t.app, manager, job.id);
    expect(applied.result).toEqual({ inserted: rowsInFile - unknown, updated: 0, skipped: 0, tasksCreated: 0 });
    const figures = await t.db.execute(sql`select
      (select count(*)::int from interactions where organisation_id = ${manager.organisationId}) as interactions,
      (select count(*)::int from interactions where organisation_id = ${manager.organisationId} and confidential) as confidential,
      (select count(*)::int from timeline_events where organisation_id = ${manager.organisationId} and kind = 'interaction') as events,
      (select sum(interaction_count)::int from company_last_contacts where organisation_id = ${manager.organisationId}) as counted,
      (select count(*)::int from company_last_contacts l where organisation_id = ${manager.organisationId}
        and last_contact_date = (select max(date) from interactions i where i.organisation_id = l.organisation_id and i.company_id = l.company_id)) as right_dates,
      (select count(*)::int from company_last_contacts where organisation_id = ${manager.organisationId}) as companies`);
    const valid = rowsInFile - unknown;
    expect(figures.rows).toEqual([{ interactions: valid, confidential: rowsInFile / 10 - unknown, events: valid, counted: valid, right_dates: 300, companies: 300 }]);
  });
});
