import type { Tier } from '../../../common/engagement';
import type { Coverage, CoverageCompanies, CoverageMap } from '../../../common/engagement-coverage';
import { api, apiGet, toQuery } from '../../lib/api';

/** What a company list behind a coverage figure is filtered by; the same names as the page's URL parameters. */
export interface CoverageFilter {
  /** Another organisation of the partnership than the user's own (coverage.read_all). */
  organisation?: string;
  tier?: string;
  consultant?: string;
  municipality?: string;
  covered?: 'true' | 'false';
  at?: string;
}
export const coverageFilterKeys = ['organisation', 'tier', 'consultant', 'municipality', 'covered', 'at'] as const;
export const coveragePageSize = 50;

/** The coverage API as the web app calls it; shapes come from common/engagement-coverage.ts. */
export const coverageApi = {
  coverage: (organisation?: string) => apiGet<Coverage>(`/engagement/coverage${toQuery({ organisation })}`),
  companies: (filter: CoverageFilter, page: number) =>
    apiGet<CoverageCompanies>(`/engagement/coverage/companies${toQuery({ ...filter, page, pageSize: coveragePageSize })}`),
  map: (organisation?: string) => apiGet<CoverageMap>(`/engagement/coverage/map${toQuery({ organisation })}`),
  tiers: () => apiGet<{ items: Tier[] }>('/engagement/tiers'),
  createTier: (body: { name: string; cadenceDays: number }) => api<Tier>('POST', '/engagement/tiers', body),
  updateTier: (id: string, body: { name?: string; cadenceDays?: number }) => api<Tier>('PATCH', `/engagement/tiers/${encodeURIComponent(id)}`, body),
  setTarget: (id: string, targetCompanies: number | null) =>
    api<Tier>('PUT', `/engagement/tiers/${encodeURIComponent(id)}/target`, { targetCompanies }),
};

/** The link to the company list behind a figure: `/daekning/virksomheder?tier=…&covered=false`. */
export function companiesLink(filter: CoverageFilter): string {
  return `/daekning/virksomheder${toQuery({ ...filter })}`;
}
