import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, partnerships, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/helpers';
import { seedDemoPartnership } from './demo-seed';
import { loginAs } from './test-fixtures';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function counts() {
  const [p] = await t.db.select({ n: count() }).from(partnerships);
  const [o] = await t.db.select({ n: count() }).from(organisations);
  const [u] = await t.db.select({ n: count() }).from(users);
  return { partnerships: Number(p.n), organisations: Number(o.n), users: Number(u.n) };
}

describe('seedDemoPartnership', () => {
  it('creates Trekantområdet once and is idempotent', async () => {
    const first = await seedDemoPartnership(t.db);
    const after = await counts();
    expect(after).toEqual({ partnerships: 1, organisations: 21, users: 12 });
    const second = await seedDemoPartnership(t.db);
    expect(await counts()).toEqual(after);
    expect(second).toEqual(first);
    expect(first.partnershipName).toBe('Trekantområdet');
    expect(first.password).toBe('Samspil-demo-2026');
    expect(first.logins).toHaveLength(12);
    expect(first.logins).toContainEqual({ email: 'konsulent.kolding@demo.samspil.dk', role: 'business_consultant', organisation: 'Erhvervskontor Kolding' });
  });

  it('uses the official municipality codes', async () => {
    const csv = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/dk_kommuner.csv'), 'utf8');
    const official = new Map(csv.trim().split('\n').slice(1).map((line) => {
      const [code, name] = line.split(',');
      return [name, Number(code)];
    }));
    const rows = await t.db.select().from(organisations).where(eq(organisations.kind, 'business_office'));
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const town = row.name.replace('Erhvervskontor ', '');
      expect(row.municipalityCode, town).toBe(official.get(town));
    }
  });

  it('gives every demo user an active account that signs in with the demo password', async () => {
    const summary = await seedDemoPartnership(t.db);
    const all = await t.db.select({ email: users.email, status: users.status, roles: users.roles, org: organisations.name })
      .from(users).innerJoin(organisations, eq(organisations.id, users.organisationId));
    for (const login of summary.logins) {
      const row = all.find((u) => u.email === login.email);
      expect(row, login.email).toMatchObject({ status: 'active', roles: [login.role], org: login.organisation });
    }
    const res = await loginAs(t.app, 'admin@demo.samspil.dk', summary.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ name: 'Anne Admin', organisation: { name: 'Trekantområdets Sekretariat', kind: 'secretariat' } });
    expect(res.json().user.permissions).toContain('audit.read');
  });
});
