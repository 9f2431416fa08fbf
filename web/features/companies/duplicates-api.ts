import type { CompanyDuplicatePage, CompanyMergeResult } from '../../../common/duplicates';
import { api, apiGet, toQuery } from '../../lib/api';

export const duplicatesPageSize = 10;

/** The duplicates API of the companies feature; shapes come from common/duplicates.ts. */
export const duplicatesApi = {
  companies: (page: number) => apiGet<CompanyDuplicatePage>(`/duplicates/companies${toQuery({ page, limit: duplicatesPageSize })}`),
  dismiss: (aId: string, bId: string) => api<void>('POST', '/duplicates/companies/dismiss', { aId, bId }),
  merge: (survivorId: string, mergedId: string) =>
    api<CompanyMergeResult>('POST', `/companies/${encodeURIComponent(survivorId)}/merge`, { mergedId }),
};
