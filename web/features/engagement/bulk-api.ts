import type { BulkAssignment, BulkConsultant, BulkPreview, BulkResult } from '../../../common/engagement-bulk';
import type { Industry, Municipality } from '../../../common/reference';
import { compareDa } from '../../../common/text';
import { api, apiGet, apiList } from '../../lib/api';

/** Bulk assignment as the web app calls it; shapes come from common/engagement-bulk.ts. */
export const bulkApi = {
  consultants: () => apiGet<{ items: BulkConsultant[] }>('/engagement/bulk-assignments/consultants').then((r) => r.items),
  preview: (body: BulkAssignment) => api<BulkPreview>('POST', '/engagement/bulk-assignments/preview', body),
  apply: (body: BulkAssignment, fingerprint: string) => api<BulkResult>('POST', '/engagement/bulk-assignments', { ...body, fingerprint }),
  /** Municipalities (Danish order) and DB07 sections for the filter. */
  reference: async () => {
    const [municipalities, sections] = await Promise.all([
      apiList<Municipality>('/reference/municipalities'),
      apiList<Industry>('/reference/industries?classification=DB07&level=0'),
    ]);
    return { municipalities: [...municipalities].sort((a, b) => compareDa(a.name, b.name)), sections };
  },
};

/** The form as typed: text stays text until it is sent. */
export interface BulkDraft {
  municipalities: string[];
  industrySection: string;
  industryPrefix: string;
  minEmployees: string;
  q: string;
  activeOnly: boolean;
  withoutResponsible: boolean;
  withoutTier: boolean;
  tierId: string;
  consultantIds: string[];
  balance: 'even' | 'portfolio';
}

export const emptyDraft: BulkDraft = {
  municipalities: [], industrySection: '', industryPrefix: '', minEmployees: '', q: '',
  activeOnly: true, withoutResponsible: false, withoutTier: false, tierId: '', consultantIds: [], balance: 'even',
};

/** The request body for a draft; `minEmployees` must already be checked to be digits. */
export function toAssignment(d: BulkDraft): BulkAssignment {
  const min = d.minEmployees.trim();
  return {
    filter: {
      municipalities: d.municipalities.map(Number),
      industrySection: d.industrySection || undefined,
      industryPrefix: d.industryPrefix.trim() || undefined,
      minEmployees: min === '' ? undefined : Number(min),
      q: d.q.trim() || undefined,
      activeOnly: d.activeOnly,
      withoutResponsible: d.withoutResponsible,
      withoutTier: d.withoutTier,
    },
    tierId: d.tierId || undefined,
    consultantIds: d.consultantIds,
    balance: d.balance,
  };
}
