import type { PlanChange } from '../../../common/schools';
import type { Db } from '../../db/client';
import { addressOf } from './allocation.presenter';
import { iso } from './db';
import { buildIcs, type WeekEvent } from './ical';
import * as repo from './plans.repo';
import { classLabel } from './schools.presenter';
import { schoolWeekDates } from './weeks';

function event(a: repo.AssignmentRow): WeekEvent {
  const d = schoolWeekDates(a.school_year, a.week);
  const contact = [a.contact_name, a.contact_phone, a.contact_email].filter(Boolean).join(', ');
  return {
    uid: `${a.id}@samspil.dk`, start: d.start, end: d.end,
    summary: `${classLabel(a.grade, a.letter)} ${a.school_name} hos ${a.company_name}`,
    location: addressOf(a),
    description: [`Uge ${a.week}, ${a.pupils} elever.`, contact ? `Kontakt: ${contact}.` : '', a.tutor_name ? `Tutor: ${a.tutor_name}.` : '',
      a.accessibility_notes ? `Adgang: ${a.accessibility_notes}` : ''].filter(Boolean).join('\n'),
  };
}

const slug = (v: string) => v.normalize('NFKD').replace(/æ/gi, 'ae').replace(/ø/gi, 'oe').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** The .ics of one assignment (for the teacher's or the host's calendar), or null outside the partnership. */
export async function calendarOfAssignment(db: Db, partnershipId: string, assignmentId: string) {
  const owner = await repo.planOfAssignment(db, assignmentId);
  if (!owner || owner.partnership_id !== partnershipId) return null;
  const [a] = await repo.assignmentsOf(db, { id: assignmentId });
  return { companyId: a.company_id, fileName: `virksomhedsuge-${slug(a.school_name)}-${a.grade}${slug(a.letter)}.ics`, ics: buildIcs(`${a.school_name} ${classLabel(a.grade, a.letter)}`, [event(a)]) };
}

/** The .ics of every class of one school in a plan, or null when it has none. */
export async function calendarOfSchool(db: Db, planId: string, schoolId: string) {
  const list = await repo.assignmentsOf(db, { planId, schoolId });
  if (list.length === 0) return null;
  return { fileName: `virksomhedsuger-${slug(list[0].school_name)}.ics`, ics: buildIcs(`Virksomhedsuger ${list[0].school_name}`, list.map(event)) };
}

export async function planChanges(db: Db, planId: string): Promise<{ previousPlanId: string | null; items: PlanChange[] }> {
  const list = await repo.changesOf(db, planId);
  return {
    previousPlanId: list[0]?.previous_plan_id ?? null,
    items: list.map((c) => ({
      id: c.id, classId: c.class_id, classLabel: classLabel(c.grade, c.letter), schoolName: c.school_name,
      before: c.before as PlanChange['before'], after: c.after as PlanChange['after'], at: iso(c.at),
    })),
  };
}
