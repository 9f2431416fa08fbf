import type { BulkTable } from './import/import.repo';

/** Built-in regions and municipalities are authoritative for names; lat/lon come from boundary imports. */
export const regionsTable: BulkTable = {
  table: 'regions',
  columns: [['code', 'integer'], ['name', 'text'], ['name_en', 'text'], ['nuts2', 'text']],
  conflict: ['code'],
  update: 'name = excluded.name, name_en = excluded.name_en, nuts2 = excluded.nuts2',
};

export const municipalitiesTable: BulkTable = {
  table: 'municipalities',
  columns: [['code', 'integer'], ['name', 'text'], ['region_code', 'integer']],
  conflict: ['code'],
  update: 'name = excluded.name, region_code = excluded.region_code',
};

/** Sections only fill a gap: an imported DB07 structure (official titles) wins over the built-in one. */
export const sectionsTable: BulkTable = {
  table: 'industry_codes',
  columns: [['classification', 'text'], ['code', 'text'], ['level', 'integer'], ['parent_code', 'text'],
    ['section', 'text'], ['title_da', 'text'], ['title_en', 'text']],
  conflict: ['classification', 'code'],
  update: null,
};

/** Built-in postal codes only fill gaps: the official import (polygon centroids, all codes) wins. */
export const postalCodesTable: BulkTable = {
  table: 'postal_codes',
  columns: [['code', 'text'], ['name', 'text'], ['municipality_code', 'integer'], ['lat', 'float8'], ['lon', 'float8']],
  conflict: ['code'],
  update: null,
};
