import type { HostOffer, School, SchoolClass, SchoolKind, SchoolTheme, Tutor, TutorKind } from '../../../common/schools';
import { iso } from './db';
import type { HostOfferRow, TutorRow } from './host-offers.repo';
import type { ClassRow, SchoolRow } from './schools.repo';

export const classLabel = (grade: number, letter: string): string => `${grade}.${letter}`;

export function presentSchool(r: SchoolRow): School {
  return {
    id: r.id, name: r.name, kind: r.kind as SchoolKind, municipalityCode: r.municipality_code, municipalityName: r.municipality_name,
    street: r.street, postalCode: r.postal_code, lat: r.lat, lon: r.lon, contactName: r.contact_name, contactEmail: r.contact_email,
    organisationId: r.organisation_id, classCount: Number(r.class_count), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

export function presentClass(r: ClassRow): SchoolClass {
  return {
    id: r.id, schoolId: r.school_id, schoolName: r.school_name, municipalityCode: r.municipality_code, schoolYear: r.school_year,
    grade: r.grade, letter: r.letter, label: classLabel(r.grade, r.letter), pupils: r.pupils, suitableWeeks: r.suitable_weeks,
    themes: r.themes as SchoolTheme[], teacherName: r.teacher_name, teacherEmail: r.teacher_email,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

export function presentHostOffer(r: HostOfferRow): HostOffer {
  return {
    id: r.id, companyId: r.company_id, companyName: r.company_name, cvr: r.cvr ?? '', productionUnitId: r.production_unit_id,
    schoolYear: r.school_year, weeks: r.weeks, classesPerWeek: r.classes_per_week, maxPupils: r.max_pupils,
    themes: r.themes as SchoolTheme[], street: r.street, postalCode: r.postal_code, city: r.city, municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name, lat: r.lat, lon: r.lon, accessibilityNotes: r.accessibility_notes,
    contactName: r.contact_name, contactEmail: r.contact_email, contactPhone: r.contact_phone, active: r.active,
    capacity: r.weeks.length * r.classes_per_week, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

export function presentTutor(r: TutorRow): Tutor {
  return {
    id: r.id, schoolYear: r.school_year, name: r.name, institution: r.institution, kind: r.kind as TutorKind,
    municipalityCode: r.municipality_code, postalCode: r.postal_code, weeks: r.weeks, maxClasses: r.max_classes,
    contactEmail: r.contact_email, createdAt: iso(r.created_at),
  };
}
