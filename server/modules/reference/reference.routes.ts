import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  industryListSchema, industryQuerySchema, municipalityListSchema, municipalityQuerySchema, occupationListSchema,
  occupationQuerySchema, postalCodeParamsSchema, postalCodeSchema, regionListSchema, skillListSchema, skillQuerySchema,
} from '../../../common/reference';
import { authorize } from '../../policy';
import { presentIndustry, presentMunicipality, presentPostalCode, presentRegion } from './reference.presenter';
import {
  findOccupations, findSkills, getPostalCode, listIndustries, listMunicipalities, listRegions,
} from './reference.service';

const tags = ['reference'];
const security = [{ session: [] }];

/** Read-only reference data for every signed-in partnership user. */
export async function registerReferenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get('/api/v1/reference/regions', { schema: { tags, security, response: { 200: regionListSchema } } }, async (request) => {
    authorize(request, 'reference.read');
    return { items: (await listRegions(db)).map(presentRegion) };
  });

  r.get('/api/v1/reference/municipalities', {
    schema: { tags, security, querystring: municipalityQuerySchema, response: { 200: municipalityListSchema } },
  }, async (request) => {
    authorize(request, 'reference.read');
    return { items: (await listMunicipalities(db, request.query.region)).map(presentMunicipality) };
  });

  r.get('/api/v1/reference/industries', {
    schema: { tags, security, querystring: industryQuerySchema, response: { 200: industryListSchema } },
  }, async (request) => {
    authorize(request, 'reference.read');
    return { items: (await listIndustries(db, request.query)).map(presentIndustry) };
  });

  r.get('/api/v1/reference/occupations', {
    schema: { tags, security, querystring: occupationQuerySchema, response: { 200: occupationListSchema } },
  }, async (request) => {
    authorize(request, 'reference.read');
    return { items: await findOccupations(db, request.query) };
  });

  r.get('/api/v1/reference/skills', {
    schema: { tags, security, querystring: skillQuerySchema, response: { 200: skillListSchema } },
  }, async (request) => {
    authorize(request, 'reference.read');
    return { items: await findSkills(db, request.query) };
  });

  r.get('/api/v1/reference/postal-codes/:code', {
    schema: { tags, security, params: postalCodeParamsSchema, response: { 200: postalCodeSchema } },
  }, async (request) => {
    authorize(request, 'reference.read');
    return presentPostalCode(await getPostalCode(db, request.params.code));
  });
}
