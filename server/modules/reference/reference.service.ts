import type { Db } from '../../db/client';
import type { OccupationQuery } from '../../../common/reference';
import { notFound } from '../../http/errors';
import {
  searchOccupations, searchSkills, selectIndustries, selectMunicipalities, selectPostalCode, selectRegions,
  type IndustryFilter, type OccupationHit, type PostalCodeRow, type SkillHit,
} from './reference.repo';

export { selectRegions as listRegions, selectMunicipalities as listMunicipalities };

export function listIndustries(db: Db, filter: IndustryFilter) {
  return selectIndustries(db, filter);
}

const taxonomySearch = (query: OccupationQuery) => ({
  q: query.q || undefined, scheme: query.scheme, groups: query.groups === 'true', limit: query.limit,
});

export function findOccupations(db: Db, query: OccupationQuery): Promise<OccupationHit[]> {
  return searchOccupations(db, taxonomySearch(query));
}

export function findSkills(db: Db, query: OccupationQuery): Promise<SkillHit[]> {
  return searchSkills(db, taxonomySearch(query));
}

export async function getPostalCode(db: Db, code: string): Promise<PostalCodeRow> {
  const row = await selectPostalCode(db, code);
  if (!row) throw notFound(`Postnummeret ${code} findes ikke.`);
  return row;
}
