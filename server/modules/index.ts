import type { FastifyInstance } from 'fastify';
import { registerBusinessServiceRoutes } from './business-service';
import { registerCompaniesRoutes } from './companies';
import { registerEngagementRoutes } from './engagement';
import { registerIdentityRoutes } from './identity';
import { registerReferenceRoutes } from './reference';

/** Registers every domain module's routes. Composition happens here and only here. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await registerIdentityRoutes(app);
  await registerReferenceRoutes(app);
  await registerCompaniesRoutes(app);
  await registerEngagementRoutes(app);
  await registerBusinessServiceRoutes(app);
}
