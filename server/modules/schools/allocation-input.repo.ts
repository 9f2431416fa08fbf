import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from './db';

/*
 * Reads what one allocation run needs. Coordinates: the row's own (a geocoded address), else the postal code's
 * centroid, else the municipality's centre; `precision` says which.
 */

export interface ClassInputRow {
  id: string; school_name: string; grade: number; letter: string; pupils: number; suitable_weeks: number[]; themes: string[];
  municipality_code: number; lat: number | null; lon: number | null; precise: boolean;
}

export async function classesInScope(db: Db, partnershipId: string, schoolYear: string, grade: number, municipality: number | null): Promise<ClassInputRow[]> {
  return rows<ClassInputRow>(db, sql`
    select c.id, s.name as school_name, c.grade, c.letter, c.pupils, c.suitable_weeks, c.themes, s.municipality_code,
      coalesce(s.lat, pc.lat, m.lat) as lat, coalesce(s.lon, pc.lon, m.lon) as lon, (s.lat is not null and s.lon is not null) as precise
    from school_classes c join schools s on s.id = c.school_id
    left join postal_codes pc on pc.code = s.postal_code
    left join municipalities m on m.code = s.municipality_code
    where s.partnership_id = ${partnershipId} and c.school_year = ${schoolYear} and c.grade = ${grade}
      and (${municipality}::int is null or s.municipality_code = ${municipality}::int)
    order by s.municipality_code, s.name, c.letter, c.id`);
}

export interface HostInputRow {
  id: string; company_id: string; company_name: string; weeks: number[]; classes_per_week: number; max_pupils: number; themes: string[];
  municipality_code: number | null; lat: number | null; lon: number | null; precise: boolean;
}

/** The partnership's active host offers of the year (a municipality run may use hosts anywhere in the partnership). */
export async function activeHosts(db: Db, partnershipId: string, schoolYear: string): Promise<HostInputRow[]> {
  return rows<HostInputRow>(db, sql`
    with h as (
      select h.*, c.name as company_name,
        coalesce(h.postal_code, pu.postal_code, c.postal_code) as where_postal,
        coalesce(h.municipality_code, pu.municipality_code, c.municipality_code) as where_municipality
      from host_offers h join companies c on c.id = h.company_id left join production_units pu on pu.id = h.production_unit_id
      where h.partnership_id = ${partnershipId} and h.school_year = ${schoolYear} and h.active)
    select h.id, h.company_id, h.company_name, h.weeks, h.classes_per_week, h.max_pupils, h.themes,
      coalesce(h.where_municipality, pc.municipality_code) as municipality_code,
      coalesce(h.lat, pc.lat, m.lat) as lat, coalesce(h.lon, pc.lon, m.lon) as lon, (h.lat is not null and h.lon is not null) as precise
    from h left join postal_codes pc on pc.code = h.where_postal
    left join municipalities m on m.code = coalesce(h.where_municipality, pc.municipality_code)
    order by h.company_name, h.id`);
}

export interface TutorInputRow {
  id: string; name: string; institution: string; municipality_code: number | null; lat: number | null; lon: number | null;
  weeks: number[]; max_classes: number;
}

export async function tutorsOfYear(db: Db, partnershipId: string, schoolYear: string): Promise<TutorInputRow[]> {
  return rows<TutorInputRow>(db, sql`
    select t.id, t.name, t.institution, coalesce(t.municipality_code, pc.municipality_code) as municipality_code,
      coalesce(t.lat, pc.lat, m.lat) as lat, coalesce(t.lon, pc.lon, m.lon) as lon, t.weeks, t.max_classes
    from tutors t left join postal_codes pc on pc.code = t.postal_code
    left join municipalities m on m.code = coalesce(t.municipality_code, pc.municipality_code)
    where t.partnership_id = ${partnershipId} and t.school_year = ${schoolYear}
    order by t.name, t.id`);
}

export interface ConstraintRow {
  id: string; kind: 'lock' | 'forbid'; class_id: string; host_offer_id: string | null; company_id: string | null; week: number | null;
}

export async function constraintsOfYear(db: Db, partnershipId: string, schoolYear: string): Promise<ConstraintRow[]> {
  return rows<ConstraintRow>(db, sql`
    select id, kind, class_id, host_offer_id, company_id, week from allocation_constraints
    where partnership_id = ${partnershipId} and school_year = ${schoolYear} order by created_at, id`);
}
