import type {
  Referral, ReferralCreate, ReferralDetail, ReferralKpis, ReferralList, ReferralStatus, ReferralStatusChange,
} from '../../../common/referrals';
import { api, apiGet, toQuery } from '../../lib/api';

/** The referral API as the web app calls it; shapes come from common/referrals.ts. */
export interface ReferralFilter {
  direction: 'incoming' | 'outgoing' | 'all';
  status?: ReferralStatus | 'open' | 'overdue';
  companyId?: string;
  limit?: number;
  offset?: number;
}

const one = (id: string) => `/referrals/${encodeURIComponent(id)}`;

export const referralApi = {
  create: (body: ReferralCreate) => api<Referral>('POST', '/referrals', body),
  list: (query: ReferralFilter) => apiGet<ReferralList>(`/referrals${toQuery({ ...query })}`),
  get: (id: string) => apiGet<ReferralDetail>(one(id)),
  move: (id: string, body: ReferralStatusChange) => api<ReferralDetail>('POST', `${one(id)}/status`, body),
  kpis: (from: string, to: string) => apiGet<ReferralKpis>(`/referrals/kpis${toQuery({ from, to })}`),
  runReminders: () => api<{ reminded: number; escalated: number }>('POST', '/referrals/reminders/run'),
  exportUrl: (from: string, to: string) => `/api/v1/referrals/export.csv${toQuery({ from, to })}`,
};
