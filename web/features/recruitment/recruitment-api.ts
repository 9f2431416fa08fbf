import type {
  CandidateCreate, CandidateIdentity, CandidateProfile, CandidateUpdate, ConsentCreate, JobType, Order, OrderCreate, OrderList,
  OrderLogEntry, OrderStatus, OrderUpdate, Placement, PlacementStatus, RecruitmentKpis, ReleasedCandidate, Shortlist,
  identityPurposes,
} from '../../../common/recruitment';
import type { Municipality } from '../../../common/reference';
import type { CandidateImport, CandidateList } from '../../../common/recruitment-candidates';
import { api, apiGet, apiList, toQuery } from '../../lib/api';

/** Recruitment's API as the web app calls it; shapes come from common/recruitment.ts. */

export type IdentityPurpose = (typeof identityPurposes)[number];
export type OrderStatusFilter = OrderStatus | 'open' | 'closed' | 'all';

export type { CandidateImport, CandidateImportError as CandidateImportRowError, CandidateListItem } from '../../../common/recruitment-candidates';

/** The order list's filters and paging (GET /orders). */
export interface OrderFilter {
  status?: OrderStatusFilter;
  q?: string;
  jobType?: JobType;
  municipality?: number;
  companyId?: string;
  limit?: number;
  offset?: number;
}

/** The candidate list's filters and paging (GET /candidates). */
export interface CandidateFilter {
  q?: string;
  scope?: 'own' | 'all';
  active?: 'true' | 'false' | 'all';
  limit?: number;
  offset?: number;
}

/** The company a company user acts for. */
export interface EmployerCompany { id: string; name: string; cvr: string | null }

export interface CompanyHit { id: string; name: string; cvr: string | null; municipalityName: string | null }
export interface OccupationHit { uri: string; label: string; code: string | null; scheme: string }
export interface SkillHit { uri: string; label: string; scheme: string }

const seg = (value: string) => encodeURIComponent(value);
const order = (id: string) => `/orders/${seg(id)}`;
const candidate = (id: string) => `/candidates/${seg(id)}`;

export const orderApi = {
  list: (filter: OrderFilter) => apiGet<OrderList>(`/orders${toQuery({ ...filter })}`),
  get: (id: string) => apiGet<Order>(order(id)),
  create: (body: OrderCreate) => api<Order>('POST', '/orders', body),
  update: (id: string, body: OrderUpdate) => api<Order>('PATCH', order(id), body),
  move: (id: string, status: OrderStatus, note?: string) => api<Order>('POST', `${order(id)}/status`, { status, note: note || undefined }),
  log: (id: string) => apiList<OrderLogEntry>(`${order(id)}/log`),
  shortlist: (id: string) => apiGet<Shortlist>(`${order(id)}/shortlist`),
  placements: (id: string) => apiList<Placement>(`${order(id)}/placements`),
  released: (id: string) => apiList<ReleasedCandidate>(`${order(id)}/released`),
};

export const placementApi = {
  propose: (orderId: string, candidateId: string) => api<Placement>('POST', '/placements', { orderId, candidateId }),
  move: (id: string, status: PlacementStatus, note?: string) =>
    api<Placement>('POST', `/placements/${seg(id)}/status`, { status, note: note || undefined }),
  consent: (id: string, body: Omit<ConsentCreate, 'placementId'>) =>
    api<Placement>('POST', `/placements/${seg(id)}/consent`, { ...body, placementId: id }),
  withdrawConsent: (consentId: string) => api<Placement>('POST', `/consents/${seg(consentId)}/withdraw`, {}),
};

export const candidateApi = {
  list: (filter: CandidateFilter) => apiGet<CandidateList>(`/candidates${toQuery({ ...filter })}`),
  get: (id: string) => apiGet<CandidateProfile>(candidate(id)),
  create: (body: CandidateCreate) => api<CandidateProfile>('POST', '/candidates', body),
  update: (id: string, body: CandidateUpdate) => api<CandidateProfile>('PATCH', candidate(id), body),
  identity: (id: string, purpose: IdentityPurpose, revealCpr = false) =>
    apiGet<CandidateIdentity>(`${candidate(id)}/identity${toQuery({ purpose, reveal: revealCpr ? 'cpr' : undefined })}`),
  upload: (fileName: string, content: string) => api<CandidateImport>('POST', '/candidates/imports', { fileName, content }),
  /** `skipInvalid`: write the valid rows although some rows have errors (those are skipped). */
  apply: (id: string, skipInvalid: boolean) => api<CandidateImport>('POST', `/candidates/imports/${seg(id)}/apply${toQuery({ skipInvalid: skipInvalid || undefined })}`),
};

export const employerApi = {
  me: () => apiGet<EmployerCompany>('/employer/me'),
  candidates: () => apiList<ReleasedCandidate>('/employer/candidates'),
  invite: (companyId: string, name: string, email: string) =>
    api<unknown>('POST', `/companies/${seg(companyId)}/users`, { companyId, name, email }),
};

export const kpiApi = {
  get: (from: string, to: string) => apiGet<RecruitmentKpis>(`/recruitment/kpis${toQuery({ from, to })}`),
};

export const referenceApi = {
  companies: (q: string) => apiList<CompanyHit>(`/companies${toQuery({ q, limit: 10 })}`),
  company: (id: string) => apiGet<CompanyHit>(`/companies/${seg(id)}`),
  occupations: (q: string) => apiList<OccupationHit>(`/reference/occupations${toQuery({ q, limit: 15 })}`),
  skills: (q: string) => apiList<SkillHit>(`/reference/skills${toQuery({ q, limit: 15 })}`),
  municipalities: () => apiList<Municipality>('/reference/municipalities'),
};
