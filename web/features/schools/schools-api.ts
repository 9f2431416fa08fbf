import type {
  Agreement, AgreementCreate, AgreementDashboard, AgreementListQuery, AgreementUpdate, AllocationFailure, AllocationRun, ClassCreate,
  ClassImport, ClassImportResult, ClassListQuery, ClassUpdate, Constraint, ConstraintCreate, EvaluationAnswer, EvaluationForm,
  EvaluationResults, EvaluationSendResult, HostOffer, HostOfferCreate, HostOfferListQuery, HostOfferUpdate, Plan, PlanChange,
  PlanPublishResult, PlanSummary, School, SchoolCreate, SchoolListQuery, SchoolClass, Tutor, TutorCreate, TutorListQuery, TutorUpdate,
} from '../../../common/schools';
import { api, ApiError, apiGet, toQuery } from '../../lib/api';

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

/**
 * POST /allocations/run. An infeasible or invalid run answers 422 with the engine's problems and the exact shortage in
 * the problem body, which the page shows: that failure is rethrown as AllocationFailed.
 */
async function runAllocation(body: AllocationRun): Promise<Plan> {
  try {
    return await api<Plan>('POST', '/allocations/run', body);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'allocation_infeasible' || error.code === 'allocation_invalid')) {
      const failure = error.body as Partial<AllocationFailure>;
      throw new AllocationFailed({ ...failure, problems: failure.problems ?? [], shortage: failure.shortage ?? null } as AllocationFailure);
    }
    throw error;
  }
}
