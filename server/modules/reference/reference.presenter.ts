import type { z } from 'zod';
import type { Industry, Municipality, PostalCode, regionSchema } from '../../../common/reference';
import type { IndustryRow, MunicipalityRow, PostalCodeRow, RegionRow } from './reference.repo';

export const presentRegion = (r: RegionRow): z.infer<typeof regionSchema> => ({ code: r.code, name: r.name, nameEn: r.nameEn });

export const presentMunicipality = (m: MunicipalityRow): Municipality => ({
  code: m.code, name: m.name, regionCode: m.regionCode, lat: m.lat, lon: m.lon,
});

export const presentIndustry = (i: IndustryRow): Industry => ({
  classification: i.classification, code: i.code, level: i.level, parentCode: i.parentCode,
  section: i.section, titleDa: i.titleDa, titleEn: i.titleEn,
});

export const presentPostalCode = (p: PostalCodeRow): PostalCode => ({
  code: p.code, name: p.name, municipalityCode: p.municipalityCode,
  municipalityCodes: p.municipalityCodes ?? (p.municipalityCode === null ? [] : [p.municipalityCode]),
  lat: p.lat, lon: p.lon, isPoBox: p.isPoBox === 1,
});
