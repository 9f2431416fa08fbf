import type { Db } from '../../db/client';
import { ProblemError } from '../../http/errors';
import type { CompanyRow } from '../companies';
import { officialPostalCodes } from '../reference';
import * as refs from './orders.refs.repo';

/** A rule of the domain is broken: 422 naming the field, before anything is written. */
export function refuse(code: string, path: string, detail: string, extra: Record<string, unknown> = {}): never {
  throw new ProblemError(422, code, detail, { errors: [{ path, message: detail }], ...extra });
}

/** The fields of an order the reference checks look at (after merging a change onto the stored order). */
export interface CheckedFields {
  occupationUri: string;
  requiredSkills: readonly string[];
  wantedSkills: readonly string[];
  startDate: string | null;
  deadline: string | null;
  workplacePostalCode: string | null;
  productionUnitId: string | null;
}

/** What the checks resolve: the occupation's stored URI (a bare DISCO code becomes its URI) and the workplace municipality. */
export interface ResolvedFields {
  occupationUri: string;
  workplaceMunicipalityCode: number | null;
}

/**
 * Checks an order against the reference data, each failure a Danish 422 with a stable code: the occupation must be in
 * the taxonomy (ESCO, DISCO-08/ISCO, the demo taxonomy; a bare DISCO-08 code such as "7212" is looked up), every skill
 * too, the start on or before the deadline, the postal code known (it gives the municipality), the P-unit the company's.
 * Without a postal code the municipality is the P-unit's, else the company's.
 */
export async function checkOrderFields(db: Db, company: CompanyRow, f: CheckedFields): Promise<ResolvedFields> {
  if (f.startDate && f.deadline && f.startDate > f.deadline) {
    refuse('start_after_deadline', 'startDate', `Startdatoen (${f.startDate}) skal ligge før eller på ansøgningsfristen (${f.deadline}).`);
  }
  const occupationUri = await refs.resolveOccupationUri(db, f.occupationUri);
  if (!occupationUri) {
    refuse('unknown_occupation', 'occupationUri',
      `Erhvervet ‘${f.occupationUri}’ findes ikke i Samspils erhvervsliste (ESCO eller DISCO-08). Vælg et erhverv fra listen.`);
  }
  const wanted = [...f.requiredSkills, ...f.wantedSkills];
  const known = await refs.knownSkills(db, wanted);
  const unknown = [...new Set(wanted.filter((uri) => !known.has(uri)))];
  if (unknown.length > 0) {
    const path = f.requiredSkills.some((uri) => !known.has(uri)) ? 'requiredSkills' : 'wantedSkills';
    refuse('unknown_skill', path, `${unknown.length === 1 ? 'Denne kompetence findes' : 'Disse kompetencer findes'} ikke i Samspils kompetenceliste: ${unknown.join(', ')}.`, { unknownSkills: unknown });
  }
  let unitMunicipality: number | null = null;
  if (f.productionUnitId) {
    const unit = await refs.productionUnit(db, f.productionUnitId);
    if (!unit || unit.companyId !== company.id) {
      refuse('production_unit_mismatch', 'productionUnitId', `Produktionsenheden hører ikke til ${company.name}. Vælg en af virksomhedens egne P-enheder.`);
    }
    unitMunicipality = unit.municipalityCode;
  }
  let postalMunicipality: number | null = null;
  if (f.workplacePostalCode) {
    const postal = await refs.postalCode(db, f.workplacePostalCode);
    if (!postal && await officialPostalCodes(db)) refuse('unknown_postal_code', 'workplacePostalCode', `Postnummeret ${f.workplacePostalCode} findes ikke.`);
    postalMunicipality = postal?.municipalityCode ?? null;
  }
  return { occupationUri, workplaceMunicipalityCode: postalMunicipality ?? unitMunicipality ?? company.municipalityCode ?? null };
}

/**
 * The job centre that holds a new order: one the caller names (a job centre of the partnership), else the caller's own
 * centre, else the centre of the company's municipality, else the partnership's first centre by name.
 */
export async function holdingCentre(db: Db, partnershipId: string, options: {
  requested?: string; ownCentre?: string; municipalityCode: number | null;
}): Promise<refs.Centre> {
  const centres = await refs.jobCentres(db, partnershipId);
  if (options.requested) {
    const named = centres.find((c) => c.id === options.requested);
    if (!named) refuse('invalid_holding_centre', 'holdingOrganisationId', 'Det valgte ansvarlige jobcenter er ikke et jobcenter i partnerskabet.');
    return named;
  }
  const chosen = centres.find((c) => c.id === options.ownCentre)
    ?? centres.find((c) => options.municipalityCode != null && c.municipalityCode === options.municipalityCode)
    ?? centres[0];
  if (!chosen) refuse('no_jobcentre', 'holdingOrganisationId', 'Partnerskabet har intet jobcenter, der kan tage imod jobordren.');
  return chosen;
}
