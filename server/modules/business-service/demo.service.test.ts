import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAssessments, MatchList } from '../../../common/business-service';
import { testEngine } from '../../db/test-db';
import { sessions } from '../../db/schema';
import { createTestApp, type TestActor, type TestApp } from '../../test/helpers';
import { seedDemoCompanies } from '../companies';
import { seedDemoPartnership } from '../identity';
import { seedReferenceData } from '../reference';
import { seedDemoBusinessService } from './index';
import { call, countRows } from './offers.test-fixtures';

let t: TestApp;
let seeded = false;

/** A live session for a demo user. */
async function sessionFor(email: string): Promise<TestActor> {
  const [user] = (await t.db.execute(sql`select u.id, u.organisation_id, o.partnership_id from users u
    join organisations o on o.id = u.organisation_id where u.email = ${email}`)).rows as { id: string; organisation_id: string; partnership_id: string }[];
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(32).toString('base64url');
  await t.db.insert(sessions).values({ id: crypto.createHash('sha256').update(token).digest('hex'), userId: user.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 3600_000) });
  return { userId: user.id, organisationId: user.organisation_id, partnershipId: user.partnership_id, headers: { cookie: `samspil_session=${token}; samspil_csrf=${csrf}`, 'x-csrf-token': csrf } };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  await seedDemoPartnership(t.db);
  await seedDemoCompanies(t.db, 300);
  seeded = await seedDemoBusinessService(t.db);
});
afterAll(async () => t?.close());

describe(`demo business service (${testEngine})`, () => {
  it('seeds the catalogue and assessments once, deterministically', async () => {
    expect(seeded).toBe(true);
    expect(await countRows(t.db, 'offers')).toBe(29);
    expect(await countRows(t.db, 'needs_assessments')).toBe(5);
    expect(await seedDemoBusinessService(t.db)).toBe(false);
    expect(await countRows(t.db, 'offers')).toBe(29);
    const providers = await t.db.execute(sql`select p.name, count(*)::int as n from offers o join organisations p on p.id = o.provider_id group by p.name order by p.name`);
    expect((providers.rows as { name: string }[]).map((r) => r.name)).toEqual([
      'EUC Trekant', 'Erhvervshus Sydjylland', 'Produktionsakademiet Trekant', 'Teknologisk Institut, Kolding',
    ]);
  });

  it('gives Karin Konsulent Trekant Stålindustri\'s changed needs and automation offers first', async () => {
    const karin = await sessionFor('konsulent.kolding@demo.samspil.dk');
    const [company] = (await t.db.execute(sql`select id from companies where name = 'Trekant Stålindustri A/S'`)).rows as { id: string }[];
    const assessments = await call<CompanyAssessments>(t.app, karin, 200, { method: 'GET', url: `/api/v1/companies/${company.id}/assessments` });
    expect(assessments.items).toHaveLength(2);
    expect(assessments.changes.find((c) => c.theme === 'automation_digitalisation')).toEqual({ theme: 'automation_digitalisation', previous: 3, latest: 5 });
    const matches = await call<MatchList>(t.app, karin, 200, { method: 'GET', url: `/api/v1/assessments/${assessments.items[0].id}/matches` });
    expect(matches.eligible[0].offer.themes).toContain('automation_digitalisation');
    expect(matches.eligible[0].reasons[0].text).toBe('tema automatisering og digitalisering, prioritet 5');
    const excluded = matches.ineligible.map((x) => x.offer.title);
    expect(excluded).toEqual(expect.arrayContaining(['Avanceret robotik for storindustrien', 'Iværksætterforløb', 'Innovationsforløb Østjylland']));
    expect([...matches.eligible, ...matches.ineligible].map((x) => x.offer.title)).not.toContain('Ledelse af digital omstilling (kladde)');
  });

  it('keeps Vejle Plast\'s assessment (no consent) inside Erhvervskontor Vejle', async () => {
    const karin = await sessionFor('konsulent.kolding@demo.samspil.dk');
    const villads = await sessionFor('konsulent.vejle@demo.samspil.dk');
    const [company] = (await t.db.execute(sql`select id from companies where name = 'Vejle Plast ApS'`)).rows as { id: string }[];
    const url = `/api/v1/companies/${company.id}/assessments`;
    expect(await call<CompanyAssessments>(t.app, karin, 200, { method: 'GET', url })).toMatchObject({ items: [], withheld: 1 });
    expect((await call<CompanyAssessments>(t.app, villads, 200, { method: 'GET', url })).items).toHaveLength(1);
  });
});
