/**
 * School–company collaboration (skoler): schools and classes (class-level data only), host offers, tutors, the
 * optimal allocation of classes to host weeks (the pure HiGHS engine in ./allocation), publishing, agreements and
 * evaluations. Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import { registerAgreementRoutes } from './agreements.routes';
import { registerAllocationRoutes } from './allocations.routes';
import { registerEvaluationRoutes } from './evaluations.routes';
import { registerSchoolExportRoutes } from './exports.routes';
import { registerHostOfferRoutes } from './host-offers.routes';
import { registerSchoolRoutes } from './schools.routes';

export { seedDemoSchools } from './demo.service';
/** Builds the engine's input for a run from the database (benchmarks, a CLI). */
export { buildAllocationInput } from './allocation.service';

/** Registers /api/v1/schools…, /host-offers, /tutors, /allocations, /agreements and the public /evaluations/:token. */
export async function registerSchoolsRoutes(app: FastifyInstance): Promise<void> {
  // Exports first: their static paths (/schools/export) must not be read as ids.
  await registerSchoolExportRoutes(app);
  await registerSchoolRoutes(app);
  await registerHostOfferRoutes(app);
  await registerAllocationRoutes(app);
  await registerAgreementRoutes(app);
  await registerEvaluationRoutes(app);
}
