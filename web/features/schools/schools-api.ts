import type {
  Agreement, AgreementCreate, AgreementDashboard, AgreementListQuery, AgreementUpdate, AllocationFailure, AllocationRun, ClassCreate,
  ClassImport, ClassImportResult, ClassListQuery, ClassUpdate, Constraint, ConstraintCreate, EvaluationAnswer, EvaluationForm,
  EvaluationResults, EvaluationSendResult, HostOffer, HostOfferCreate, HostOfferListQuery, HostOfferUpdate, Plan, PlanChange,
  PlanPublishResult, PlanSummary, School, SchoolCreate, SchoolListQuery, SchoolClass, Tutor, TutorCreate, TutorListQuery, TutorUpdate,
} from '../../../common/schools';
import { api, ApiError, apiGet, csrfCookieName, toQuery } from '../../lib/api';

/** School–company collaboration as the web app calls it; every shape comes from common/schools.ts. */

export interface Paged<T> { items: T[]; total: number; limit: number; offset: number }
const id = (value: string) => encodeURIComponent(value);
type Query = Parameters<typeof toQuery>[0];
const q = (query: object) => toQuery(query as Query);

export const schoolsApi = {
  schools: (query: SchoolListQuery = {}) => apiGet<Paged<School>>(`/schools${q({ limit: 500, ...query })}`),
  createSchool: (body: SchoolCreate) => api<School>('POST', '/schools', body),

  classes: (query: ClassListQuery) => apiGet<Paged<SchoolClass>>(`/schools/classes${q(query)}`),
  createClass: (schoolId: string, body: ClassCreate) => api<SchoolClass>('POST', `/schools/${id(schoolId)}/classes`, body),
  updateClass: (classId: string, body: ClassUpdate) => api<SchoolClass>('PATCH', `/schools/classes/${id(classId)}`, body),
  deleteClass: (classId: string) => api<void>('DELETE', `/schools/classes/${id(classId)}`),
  importClasses: (body: ClassImport) => api<ClassImportResult>('POST', '/schools/classes/import', body),

  hostOffers: (query: HostOfferListQuery) => apiGet<Paged<HostOffer>>(`/host-offers${q(query)}`),
  hostOffer: (offerId: string) => apiGet<HostOffer>(`/host-offers/${id(offerId)}`),
  createHostOffer: (body: HostOfferCreate) => api<HostOffer>('POST', '/host-offers', body),
  updateHostOffer: (offerId: string, body: HostOfferUpdate) => api<HostOffer>('PATCH', `/host-offers/${id(offerId)}`, body),
  deleteHostOffer: (offerId: string) => api<void>('DELETE', `/host-offers/${id(offerId)}`),

  tutors: (query: TutorListQuery) => apiGet<Paged<Tutor>>(`/tutors${q(query)}`),
  createTutor: (body: TutorCreate) => api<Tutor>('POST', '/tutors', body),
  updateTutor: (tutorId: string, body: TutorUpdate) => api<Tutor>('PATCH', `/tutors/${id(tutorId)}`, body),
  deleteTutor: (tutorId: string) => api<void>('DELETE', `/tutors/${id(tutorId)}`),

  plans: (schoolYear: string) => apiGet<{ items: PlanSummary[] }>(`/allocations${q({ schoolYear })}`),
  plan: (planId: string) => apiGet<Plan>(`/allocations/${id(planId)}`),
  run: (body: AllocationRun) => runAllocation(body),
  publish: (planId: string) => api<PlanPublishResult>('POST', `/allocations/${id(planId)}/publish`),
  changes: (planId: string) => apiGet<{ previousPlanId: string | null; items: PlanChange[] }>(`/allocations/${id(planId)}/changes`),
  constraints: (schoolYear: string) => apiGet<{ items: Constraint[] }>(`/allocations/constraints${q({ schoolYear })}`),
  addConstraint: (body: ConstraintCreate) => api<Constraint>('POST', '/allocations/constraints', body),
  deleteConstraint: (constraintId: string) => api<void>('DELETE', `/allocations/constraints/${id(constraintId)}`),
  assignmentCalendarUrl: (assignmentId: string) => `/api/v1/allocations/assignments/${id(assignmentId)}/calendar.ics`,
  schoolCalendarUrl: (planId: string, schoolId: string) => `/api/v1/allocations/${id(planId)}/schools/${id(schoolId)}/calendar.ics`,

  agreements: (query: AgreementListQuery) => apiGet<Paged<Agreement>>(`/agreements${q(query)}`),
  agreement: (agreementId: string) => apiGet<Agreement>(`/agreements/${id(agreementId)}`),
  createAgreement: (body: AgreementCreate) => api<Agreement>('POST', '/agreements', body),
  updateAgreement: (agreementId: string, body: AgreementUpdate) => api<Agreement>('PATCH', `/agreements/${id(agreementId)}`, body),
  dashboard: (schoolYear: string) => apiGet<AgreementDashboard>(`/agreements/dashboard${q({ schoolYear })}`),

  sendEvaluations: (planId: string) => api<EvaluationSendResult>('POST', `/allocations/${id(planId)}/evaluations/send`),
  evaluationResults: (planId: string) => apiGet<EvaluationResults>(`/allocations/${id(planId)}/evaluations`),
  evaluationForm: (token: string) => apiGet<EvaluationForm>(`/evaluations/${id(token)}`),
  answerEvaluation: (token: string, body: EvaluationAnswer) => api<void>('POST', `/evaluations/${id(token)}`, body),

  companies: (text: string) => apiGet<{ items: { id: string; name: string; cvr: string }[] }>(`/companies${toQuery({ q: text, limit: 10 })}`),
  municipalities: () => apiGet<{ items: { code: number; name: string; regionCode: number }[] }>('/reference/municipalities'),
};

/** A run that could not make a plan: the problem+json body with the engine's problems and the exact shortage. */
export class AllocationFailed extends ApiError {
  readonly failure: AllocationFailure;
  constructor(failure: AllocationFailure) {
    super({ status: failure.status, code: failure.code, detail: failure.detail });
    this.failure = failure;
  }
}

function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${csrfCookieName}=`));
  return match ? decodeURIComponent(match.slice(csrfCookieName.length + 1)) : undefined;
}

/**
 * POST /allocations/run. The shared client keeps only code and detail of a problem; an infeasible or invalid run's
 * 422 body also carries `shortage` and `problems`, which the page shows, so this call reads the body itself.
 */
async function runAllocation(body: AllocationRun): Promise<Plan> {
  const token = csrfToken();
  let response: Response;
  try {
    response = await fetch('/api/v1/allocations/run', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: 'Netværksfejl.' });
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  if (response.ok && payload) return payload as Plan;
  const failure = payload as Partial<AllocationFailure> | null;
  if (failure && (failure.code === 'allocation_infeasible' || failure.code === 'allocation_invalid')) {
    throw new AllocationFailed({ ...failure, problems: failure.problems ?? [], shortage: failure.shortage ?? null } as AllocationFailure);
  }
  const problem = payload as { code?: string; detail?: string; errors?: { path: string; message: string }[] } | null;
  throw new ApiError({
    status: response.status, code: problem?.code ?? `http_${response.status}`, detail: problem?.detail ?? response.statusText, errors: problem?.errors,
  });
}
