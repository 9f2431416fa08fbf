import type { Db } from './db/client';
import type { Env } from './env';
import { seedReferenceData } from './modules/reference';
import { seedDemoPartnership } from './modules/identity';
import { seedDemoCompanies } from './modules/companies';
import { seedDemoEngagement } from './modules/engagement';
import { seedDemoBusinessService, seedDemoReferrals } from './modules/business-service';
import { demoEmployerCompany, demoEmployerEmail, seedDemoRecruitment } from './modules/recruitment';
import { seedDemoSchools } from './modules/schools';

export interface DemoSummary {
  partnershipName: string;
  password: string;
  logins: { email: string; role: string; organisation: string }[];
}

/** The built-in reference data every installation has (idempotent). */
export async function seedBuiltins(db: Db): Promise<void> {
  await seedReferenceData(db);
}

/** The deterministic demo partnership (Trekantområdet); each module adds its part. Idempotent. */
export async function seedDemo(db: Db, env: Env): Promise<DemoSummary> {
  const partnership = await seedDemoPartnership(db);
  await seedDemoCompanies(db, env.SAMSPIL_DEMO_COMPANIES);
  await seedDemoEngagement(db);
  await seedDemoBusinessService(db);
  await seedDemoReferrals(db);
  await seedDemoRecruitment(db, env);
  await seedDemoSchools(db);
  return { ...partnership, logins: [...partnership.logins, { email: demoEmployerEmail, role: 'company_user', organisation: demoEmployerCompany }] };
}
