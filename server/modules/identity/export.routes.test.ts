import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/test-db';
import { audit } from '../../http/audit';
import { countSheetRows, readCsvExport, readWorkbook } from '../../http/export-read';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { enqueueEmail } from './outbox';

let t: TestApp;
let admin: TestActor;
let secretariat: TestActor;
let consultant: TestActor;
let outsider: TestActor;

async function csv(actor: TestActor, url: string): Promise<string[][]> {
  const res = await injectAs(t.app, actor, { method: 'GET', url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return readCsvExport(res.rawPayload);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createActor(t.db, { roles: ['admin'] });
  secretariat = await createActor(t.db, { roles: ['secretariat'], partnershipId: admin.partnershipId });
  consultant = await createActor(t.db, { roles: ['business_consultant'], partnershipId: admin.partnershipId, organisationId: admin.organisationId });
  outsider = await createActor(t.db, { roles: ['admin'] });
  // 260 users in the partnership (more than a page of the user list, 200 at most), some deactivated.
  await t.db.execute(sql`insert into users (organisation_id, email, name, roles, status)
    select ${admin.organisationId}, 'bruger' || g || '@eksport.dk', 'Bruger ' || lpad(g::text, 3, '0'), '{business_consultant}',
      case when g % 4 = 0 then 'deactivated' else 'active' end
    from generate_series(1, 260) g`);
  for (const n of [1, 2, 3]) {
    await enqueueEmail(t.db, { to: `m${n}@test.dk`, subject: `Besked ${n}`, bodyText: `Nulstil: https://samspil.dk/nulstil/hemmeligt-token-${n}`, kind: 'password_reset', partnershipId: admin.partnershipId });
  }
  // Distinct times, so "newest first" does not depend on two e-mails being queued within the same microsecond.
  await t.db.execute(sql`update email_outbox set created_at = now() - (4 - substring(subject from '[0-9]+$')::int) * interval '1 minute'
    where subject like 'Besked %'`);
  await enqueueEmail(t.db, { to: 'fremmed@test.dk', subject: 'Andet partnerskab', bodyText: 'x', kind: 'test', partnershipId: outsider.partnershipId });
  const ctx = { actor: { id: admin.userId, organisationId: admin.organisationId, organisationKind: 'secretariat' as const, partnershipId: admin.partnershipId, roles: ['admin' as const] }, ip: null };
  for (let i = 0; i < 30; i += 1) {
    await audit(t.db, ctx, { action: 'company.update', entity: 'company', entityId: `c-${i}`, before: { name: `Før ${i}` }, after: { name: `=Efter ${i}` } });
  }
});
afterAll(async () => t?.close());

describe(`administration exports (${testEngine})`, () => {
  const urls = ['/api/v1/admin/users/export', '/api/v1/admin/organisations/export', '/api/v1/admin/outbox/export', '/api/v1/admin/audit/export'];

  it('refuses anonymous callers (401) and users without the list\'s read action (403)', async () => {
    for (const url of urls) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await injectAs(t.app, consultant, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    // The secretariat reads users and organisations (and may export them), not the outbox or the audit log.
    expect((await injectAs(t.app, secretariat, { method: 'GET', url: urls[0] })).statusCode).toBe(200);
    expect((await injectAs(t.app, secretariat, { method: 'GET', url: urls[2] })).statusCode).toBe(403);
  });

  it('exports every user of the partnership with the list\'s filters', async () => {
    const all = await csv(admin, '/api/v1/admin/users/export');
    expect(all[0]).toEqual(['Navn', 'E-mail', 'Organisation', 'Roller', 'Status', 'Seneste login', 'Låst til', 'Oprettet']);
    expect(all.slice(1)).toHaveLength(260 + 3);
    const deactivated = await csv(admin, '/api/v1/admin/users/export?status=deactivated&q=bruger');
    expect(deactivated.slice(1)).toHaveLength(65);
    expect(deactivated.slice(1).every((r) => r[4] === 'Deaktiveret' && r[3] === 'Virksomhedskonsulent')).toBe(true);
    expect(deactivated[1][0]).toBe('Bruger 004');
    expect((await csv(outsider, '/api/v1/admin/users/export')).slice(1)).toHaveLength(1);
  });

  it('exports organisations and the outbox without message bodies', async () => {
    const orgs = await csv(admin, '/api/v1/admin/organisations/export?lang=en');
    expect(orgs[0].slice(0, 2)).toEqual(['Name', 'Kind']);
    expect(orgs.slice(1)).toHaveLength(2);
    const res = await injectAs(t.app, admin, { method: 'GET', url: '/api/v1/admin/outbox/export?format=xlsx' });
    const book = readWorkbook(res.rawPayload);
    expect(countSheetRows(book.sheetXml)).toBe(4);
    expect(book.sheetXml).not.toContain('hemmeligt-token');
    expect(book.sheetXml).not.toContain('Andet partnerskab');
    expect(book.rows().slice(1).map((r) => r[2].value)).toEqual(['Besked 3', 'Besked 2', 'Besked 1']);
  });

  it('exports the filtered audit log newest first, and audits the export itself', async () => {
    const rows = await csv(admin, '/api/v1/admin/audit/export?action=company.update');
    expect(rows.slice(1)).toHaveLength(30);
    expect(rows[1][4]).toBe('company');
    expect(rows[1][7]).toBe('{"name":"=Efter 29"}');
    expect(Number(rows[1][0])).toBeGreaterThan(Number(rows[30][0]));
    const entry = (await t.db.execute(sql`select user_id, partnership_id, after from audit_log where action = 'data.export' order by id desc limit 1`)) as unknown as
      { rows: { user_id: string; partnership_id: string; after: Record<string, unknown> }[] };
    expect(entry.rows[0]).toEqual({ user_id: admin.userId, partnership_id: admin.partnershipId, after: { list: 'audit_log', format: 'csv', rows: 30, filters: { action: 'company.update' } } });
    // The export shows up in the next export of the log.
    const next = await csv(admin, '/api/v1/admin/audit/export?action=data.export');
    expect(next.slice(1).length).toBeGreaterThan(3);
  });
});
