import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/test-db';
import { createTestApp, type TestApp } from '../../test/helpers';
import { seedDemoCompanies } from '../companies';
import { seedDemoPartnership } from '../identity';
import { seedReferenceData } from '../reference';
import { seedDemoBusinessService } from './index';
import { seedDemoReferrals } from './referral-demo';
import { runReferralReminders } from './referral-reminders';

let t: TestApp;
// A Wednesday: the overdue demo referral was sent far enough back to be two working days past its deadline.
const now = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.db);
  await seedDemoPartnership(t.db);
  await seedDemoCompanies(t.db, 50);
  await seedDemoBusinessService(t.db);
});
afterAll(async () => t?.close());

describe(`demo referrals (${testEngine})`, () => {
  it('seeds one overdue and one fresh referral once, and the job reminds Teknologisk Institut of the overdue one', async () => {
    expect(await seedDemoReferrals(t.db, now)).toBe(2);
    expect(await seedDemoReferrals(t.db, now)).toBe(0);
    const rows = (await t.db.execute(sql`select c.name, r.status, r.response_due::text as due, r.response_due < '2026-11-25' as overdue
      from referrals r join companies c on c.id = r.company_id order by c.name`)).rows;
    expect(rows).toEqual([
      { name: 'Aabenraa Smede ApS', status: 'sendt', due: expect.any(String), overdue: false },
      { name: 'Ærø Automation ApS', status: 'sendt', due: '2026-11-23', overdue: true },
    ]);
    expect(await runReferralReminders(t.db, { now, publicUrl: 'http://localhost' })).toEqual({ reminded: 1, escalated: 0 });
    const mails = (await t.db.execute(sql`select to_address, subject from email_outbox where kind = 'referral_reminder'`)).rows;
    expect(mails).toEqual([{ to_address: 'udbyder@demo.samspil.dk', subject: 'Påmindelse: henvisning af Ærø Automation ApS venter på svar' }]);
    const timeline = (await t.db.execute(sql`select count(*)::int as n from timeline_events where kind = 'referral'`)).rows;
    expect(timeline).toEqual([{ n: 2 }]);
  });
});
