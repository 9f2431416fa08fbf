import type { AssignmentReasons, Constraint, Plan, PlanAssignment, PlanSummary } from '../../../common/schools';
import { defaultWeights } from './allocation';
import { iso } from './db';
import type { AssignmentRow, ConstraintViewRow, PlanRow } from './plans.repo';
import { classLabel } from './schools.presenter';
import { schoolWeekDates } from './weeks';

/** What a stored plan's `result` holds (see allocation.service.ts). */
export interface StoredResult {
  status: 'optimal' | 'feasible'; objective: number; bound: number; gapPct: number; solveSeconds: number; classes: number; grade: number;
  warnings: Plan['warnings']; stats: Record<string, number | string | boolean>;
}

export function presentPlanSummary(p: PlanRow): PlanSummary {
  const r = p.result as unknown as StoredResult;
  return {
    id: p.id, schoolYear: p.school_year, municipalityCode: p.municipality_code, municipalityName: p.municipality_name, version: p.version,
    status: p.status as PlanSummary['status'], solverStatus: r.status, objective: r.objective, bound: r.bound, gapPct: r.gapPct,
    solveSeconds: r.solveSeconds, classes: r.classes, assigned: Number(p.assigned), unassigned: Math.max(0, r.classes - Number(p.assigned)),
    createdAt: iso(p.created_at), createdBy: p.created_by, publishedAt: p.published_at ? iso(p.published_at) : null,
  };
}

/** "Vejlevej 12, 6000 Kolding" from the parts that are known. */
export function addressOf(a: { street: string | null; postal_code: string | null; city: string | null }): string {
  const town = [a.postal_code, a.city].filter(Boolean).join(' ');
  return [a.street, town].filter(Boolean).join(', ');
}

export function presentAssignment(a: AssignmentRow): PlanAssignment {
  const dates = schoolWeekDates(a.school_year, a.week);
  return {
    id: a.id, classId: a.class_id, classLabel: classLabel(a.grade, a.letter), pupils: a.pupils, schoolId: a.school_id,
    schoolName: a.school_name, schoolMunicipalityCode: a.school_municipality_code, hostOfferId: a.host_offer_id, companyId: a.company_id,
    companyName: a.company_name, address: addressOf(a), hostMunicipalityCode: a.host_municipality_code, contactName: a.contact_name,
    contactEmail: a.contact_email, contactPhone: a.contact_phone, week: a.week, weekStart: dates.start, weekEnd: dates.end,
    tutor: a.tutor_id ? { id: a.tutor_id, name: a.tutor_name ?? '', institution: a.tutor_institution ?? '' } : null,
    locked: a.locked, lockConstraintId: a.lock_constraint_id, distanceKm: a.distance_km, reasons: a.reasons as AssignmentReasons,
  };
}

export function presentPlan(p: PlanRow, assignments: AssignmentRow[]): Plan {
  const r = p.result as unknown as StoredResult;
  return {
    ...presentPlanSummary(p), weights: { ...defaultWeights, ...p.weights }, warnings: r.warnings, stats: r.stats,
    assignments: assignments.map(presentAssignment),
  };
}

export function presentConstraint(k: ConstraintViewRow): Constraint {
  return {
    id: k.id, kind: k.kind, schoolYear: k.school_year, classId: k.class_id, classLabel: classLabel(k.grade, k.letter),
    schoolName: k.school_name, hostOfferId: k.host_offer_id, companyId: k.company_id, companyName: k.company_name, week: k.week,
    note: k.note, createdAt: iso(k.created_at),
  };
}
