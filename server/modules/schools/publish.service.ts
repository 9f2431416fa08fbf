import type { PlanPublishResult } from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { conflict } from '../../http/errors';
import { enqueueEmail } from '../identity';
import { addressOf, presentPlanSummary } from './allocation.presenter';
import { loadPlan } from './allocation.service';
import { inTransaction, type Context } from './db';
import * as repo from './plans.repo';
import { classLabel } from './schools.presenter';
import { danishDate, schoolWeekDates } from './weeks';

type Row = repo.AssignmentRow;

const weekText = (a: Row) => {
  const d = schoolWeekDates(a.school_year, a.week);
  return `uge ${a.week} (${danishDate(d.start)} – ${danishDate(d.end)})`;
};

function schoolLines(list: Row[], publicUrl: string): string {
  return list.map((a) => [
    `${classLabel(a.grade, a.letter)} (${a.pupils} elever): ${a.company_name}, ${weekText(a)}`,
    `  Adresse: ${addressOf(a) || 'oplyses af virksomheden'}`,
    `  Kontakt: ${[a.contact_name, a.contact_phone, a.contact_email].filter(Boolean).join(', ') || 'virksomhedens hovednummer'}`,
    ...(a.accessibility_notes ? [`  Adgang: ${a.accessibility_notes}`] : []),
    ...(a.tutor_name ? [`  Tutor: ${a.tutor_name} (${a.tutor_institution ?? ''})`] : []),
    `  Kalenderfil: ${publicUrl}/api/v1/allocations/assignments/${a.id}/calendar.ics`,
  ].join('\n')).join('\n\n');
}

function hostLines(list: Row[]): string {
  return list.map((a) => [
    `${a.school_name}, ${classLabel(a.grade, a.letter)} (${a.pupils} elever): ${weekText(a)}`,
    `  Adresse hos jer: ${addressOf(a)}`,
    `  Skolens kontakt: ${[a.teacher_name ?? a.school_contact_name, a.teacher_email ?? a.school_contact_email].filter(Boolean).join(', ') || 'skolen'}`,
    ...(a.tutor_name ? [`  Tutor: ${a.tutor_name} (${a.tutor_institution ?? ''})`] : []),
  ].join('\n')).join('\n\n');
}

function group(list: Row[], key: (a: Row) => string | null): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const a of list) {
    const k = key(a)?.toLowerCase();
    if (k) out.set(k, [...(out.get(k) ?? []), a]);
  }
  return out;
}

/**
 * Publishes a draft plan: the scope's earlier published plan becomes superseded, every class whose host week
 * differs from it is recorded in allocation_plan_changes, and one e-mail goes to each school contact, each teacher
 * and each host contact (week, address, contact, calendar link) through the outbox — all in one transaction.
 */
export async function publishPlan(db: Db, ctx: Context, planId: string, publicUrl: string): Promise<PlanPublishResult> {
  const result = await inTransaction(db, async (tx) => {
    const plan = await loadPlan(tx, ctx.actor, planId);
    if (plan.status !== 'draft') throw conflict('plan_not_draft', 'Kun en kladde kan offentliggøres; denne fordeling er allerede offentliggjort eller erstattet.');
    const assignments = await repo.assignmentsOf(tx, { planId });
    const previousId = await repo.publishedPlanOfScope(tx, plan);
    const changes: Parameters<typeof repo.insertChanges>[1] = [];
    if (previousId) {
      const before = new Map((await repo.assignmentsOf(tx, { planId: previousId })).map((a) => [a.class_id, a]));
      const after = new Map(assignments.map((a) => [a.class_id, a]));
      const snap = (a: Row | undefined) => (a ? { hostOfferId: a.host_offer_id, companyName: a.company_name, week: a.week } : null);
      for (const classId of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(classId);
        const a = after.get(classId);
        if (b && a && b.host_offer_id === a.host_offer_id && b.week === a.week) continue;
        changes.push({ planId, previousPlanId: previousId, classId, before: snap(b), after: snap(a) });
      }
      await repo.setPlanStatus(tx, previousId, 'superseded');
      await repo.insertChanges(tx, changes);
    }
    await repo.setPlanStatus(tx, planId, 'published', ctx.actor.id);
    const year = plan.school_year;
    let emails = 0;
    const send = async (to: string, subject: string, bodyText: string, meta: Record<string, unknown>) => {
      await enqueueEmail(tx, { to, subject, bodyText, kind: 'school_allocation', partnershipId: ctx.actor.partnershipId, meta: { planId, ...meta } });
      emails++;
    };
    const intro = previousId ? 'Fordelingen er opdateret. ' : '';
    for (const [to, list] of group(assignments, (a) => a.school_contact_email)) {
      await send(to, `Virksomhedsuger ${year}: ${list[0].school_name}`,
        `Hej ${list[0].school_contact_name ?? ''}\n\n${intro}Her er jeres klassers uger i virksomheder i skoleåret ${year}:\n\n${schoolLines(list, publicUrl)}\n\nVenlig hilsen\nSamspil`, { schoolId: list[0].school_id });
    }
    for (const [to, list] of group(assignments, (a) => (a.teacher_email && a.teacher_email !== a.school_contact_email?.toLowerCase() ? a.teacher_email : null))) {
      await send(to, `Virksomhedsuge for ${classLabel(list[0].grade, list[0].letter)}, ${list[0].school_name}`,
        `Hej ${list[0].teacher_name ?? ''}\n\n${intro}Din klasse skal i virksomhed i skoleåret ${year}:\n\n${schoolLines(list, publicUrl)}\n\nVenlig hilsen\nSamspil`, { classIds: list.map((a) => a.class_id) });
    }
    for (const [to, list] of group(assignments, (a) => a.contact_email ?? a.company_email)) {
      await send(to, `Skoleklasser hos ${list[0].company_name} i ${year}`,
        `Hej ${list[0].contact_name ?? ''}\n\n${intro}Tak fordi I tager imod skoleklasser. Disse klasser kommer til jer i skoleåret ${year}:\n\n${hostLines(list)}\n\nVenlig hilsen\nSamspil`, { companyId: list[0].company_id });
    }
    await audit(tx, ctx, {
      action: 'allocation.publish', entity: 'allocation_plan', entityId: planId,
      after: { version: plan.version, previousPlanId: previousId, changes: changes.length, emails },
    });
    return { previousPlanId: previousId, changes: changes.length, emailsQueued: emails };
  });
  return { plan: presentPlanSummary(await loadPlan(db, ctx.actor, planId)), ...result };
}
