import type {
  Assessment, AssessmentCreate, AssessmentUpdate, AssessmentVersion, CompanyAssessments, MatchList, Offer, OfferCreate,
  OfferListQuery, OfferProvider, OfferUpdate,
} from '../../../common/business-service';
import { api, apiGet, toQuery } from '../../lib/api';

/** The offer catalogue, needs assessments and matching as the web app calls them; shapes come from common/business-service.ts. */

interface Paged<T> { items: T[]; total: number; limit: number; offset: number }
/** The catalogue's filters as the page holds them (numbers, not the wire's strings). */
export type OfferQuery = Omit<OfferListQuery, 'limit' | 'offset'> & { limit?: number; offset?: number };
const id = (value: string) => encodeURIComponent(value);

export const offerPageSize = 25;

export const businessApi = {
  offers: (query: OfferQuery) => apiGet<Paged<Offer>>(`/offers${toQuery({ ...query })}`),
  offer: (offerId: string) => apiGet<Offer>(`/offers/${id(offerId)}`),
  providers: () => apiGet<{ items: OfferProvider[] }>('/offers/providers'),
  createOffer: (body: OfferCreate) => api<Offer>('POST', '/offers', body),
  updateOffer: (offerId: string, body: OfferUpdate) => api<Offer>('PATCH', `/offers/${id(offerId)}`, body),
  deleteOffer: (offerId: string) => api<void>('DELETE', `/offers/${id(offerId)}`),

  companyAssessments: (companyId: string) => apiGet<CompanyAssessments>(`/companies/${id(companyId)}/assessments`),
  assessmentExportUrl: (companyId: string) => `/api/v1/companies/${id(companyId)}/assessments/export?format=csv`,
  assessment: (assessmentId: string) => apiGet<Assessment>(`/assessments/${id(assessmentId)}`),
  versions: (assessmentId: string) => apiGet<{ items: AssessmentVersion[] }>(`/assessments/${id(assessmentId)}/versions`),
  createAssessment: (companyId: string, body: AssessmentCreate) => api<Assessment>('POST', `/companies/${id(companyId)}/assessments`, body),
  updateAssessment: (assessmentId: string, body: AssessmentUpdate) => api<Assessment>('PATCH', `/assessments/${id(assessmentId)}`, body),
  matches: (assessmentId: string, limit = 100) => apiGet<MatchList>(`/assessments/${id(assessmentId)}/matches${toQuery({ limit })}`),

  company: (companyId: string) => apiGet<{ id: string; name: string }>(`/companies/${id(companyId)}`),
  regions: () => apiGet<{ items: { code: number; name: string }[] }>('/reference/regions'),
  municipalities: () => apiGet<{ items: { code: number; name: string; regionCode: number }[] }>('/reference/municipalities'),
};
