import type { FastifyInstance } from 'fastify';
import { registerBusinessServiceRoutes } from './business-service';
import { registerCompaniesRoutes } from './companies';
import { registerEngagementRoutes } from './engagement';
import { registerIdentityRoutes } from './identity';
import { registerRecruitmentRoutes } from './recruitment';
import { registerReferenceRoutes } from './reference';
import { registerSchoolsRoutes } from './schools';

/** Registers every domain module's routes. Composition happens here and only here. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await registerIdentityRoutes(app);
  await registerReferenceRoutes(app);
  await registerCompaniesRoutes(app);
  await registerEngagementRoutes(app);
  await registerBusinessServiceRoutes(app);
  await registerRecruitmentRoutes(app);
  await registerSchoolsRoutes(app);
}
