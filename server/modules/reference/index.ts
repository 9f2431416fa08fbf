/**
 * The reference module: built-in reference data (regions, municipalities, DB07 sections, ISCO-08
 * major groups, a demo taxonomy of production occupations and skills), importers for the official
 * files (postal codes, DB07, DISCO-08, ESCO, municipality boundaries) and the read routes under
 * /api/v1/reference. Other modules use the lookup helpers below instead of querying the tables.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ImportOptions, ImportReport } from '../../import/report';
import { importDb07 } from './import/db07';
import { importDisco08 } from './import/disco08';
import { importEsco } from './import/esco';
import { importKommunerGeojson } from './import/kommuner-geojson';
import { importPostnumre } from './import/postnumre';
import {
  selectIndustry, selectMunicipalities, selectMunicipality, selectPostalCode, selectRegions,
  type IndustryRow, type MunicipalityRow, type PostalCodeRow, type RegionRow,
} from './reference.repo';

export { registerReferenceRoutes } from './reference.routes';
export { seedReferenceData } from './seed';
export { demoOccupationUri, demoScheme, demoSkillUri } from './builtin/demo-taxonomy';
export { disco08Uri } from './import/disco08';
export { iscoUri } from './builtin/classifications';

export type ReferenceImportKind = 'postnumre' | 'db07' | 'disco08' | 'esco' | 'kommuner-geojson';

/** The importers `samspil import <type> <file>` dispatches to. Each validates every record, writes in one transaction and records an import run. */
export const importers: Record<ReferenceImportKind, (db: Db, file: string, options: ImportOptions) => Promise<ImportReport>> = {
  postnumre: importPostnumre,
  db07: importDb07,
  disco08: importDisco08,
  esco: importEsco,
  'kommuner-geojson': importKommunerGeojson,
};

/** All regions, Danish-sorted by name. */
export function listRegions(db: Db): Promise<RegionRow[]> {
  return selectRegions(db);
}

/** All municipalities (optionally of one region), Danish-sorted by name. */
export function listMunicipalities(db: Db, regionCode?: number): Promise<MunicipalityRow[]> {
  return selectMunicipalities(db, regionCode);
}

/** A municipality by its code, or null. */
export function findMunicipality(db: Db, code: number): Promise<MunicipalityRow | null> {
  return selectMunicipality(db, code);
}

/** A municipality's name ("Vejle"), or null for an unknown code. */
export async function municipalityName(db: Db, code: number): Promise<string | null> {
  return (await selectMunicipality(db, code))?.name ?? null;
}

/** A postal code with its municipalities and coordinates, or null. */
/**
 * Whether the official postal-code list has been imported (`samspil import postnumre`). Until then only the built-in
 * set of the partnership's area is known, and modules accept other well-formed codes without a municipality rather
 * than refuse real addresses; afterwards an unknown code is an error.
 */
export async function officialPostalCodes(db: Db): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    select exists (select 1 from import_runs where kind = 'postnumre' and status in ('completed', 'completed_with_rejections')) as found`);
  return result.rows[0]?.found === true;
}

export function findPostalCode(db: Db, code: string): Promise<PostalCodeRow | null> {
  return selectPostalCode(db, code);
}

/** One industry code (e.g. classification 'DB07', code '251100' or section 'C'), or null. */
export function findIndustry(db: Db, classification: string, code: string): Promise<IndustryRow | null> {
  return selectIndustry(db, classification, code.replaceAll('.', ''));
}

export type { IndustryRow, MunicipalityRow, PostalCodeRow, RegionRow };
