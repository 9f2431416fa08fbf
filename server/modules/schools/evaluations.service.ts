import crypto from 'node:crypto';
import {
  evaluationQuestionLabels, evaluationQuestions, evaluationWebPath, type EvaluationForm, type EvaluationRespondent,
  type EvaluationResults, type EvaluationSendResult,
} from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { conflict, notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import { enqueueEmail } from '../identity';
import { loadPlan } from './allocation.service';
import { inTransaction, type Context } from './db';
import * as repo from './evaluations.repo';
import { assignmentsOf } from './plans.repo';
import { classLabel } from './schools.presenter';
import { schoolWeekDates } from './weeks';

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const copenhagenToday = (now: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);

/**
 * After the week: one link per assignment for the teacher (else the school contact) and the host contact (else the
 * company's e-mail). Only the token's hash is stored; a link already sent is not sent again.
 */
export async function sendEvaluations(db: Db, ctx: Context, planId: string, publicUrl: string, now = new Date()): Promise<EvaluationSendResult> {
  return inTransaction(db, async (tx) => {
    const plan = await loadPlan(tx, ctx.actor, planId);
    if (plan.status !== 'published') throw conflict('plan_not_published', 'Evalueringer kan kun sendes for en offentliggjort fordeling.');
    const sent = await repo.existingEvaluations(tx, planId);
    const today = copenhagenToday(now);
    const result: EvaluationSendResult = { sent: 0, alreadySent: 0, missingEmail: 0, notEnded: 0 };
    for (const a of await assignmentsOf(tx, { planId })) {
      if (schoolWeekDates(a.school_year, a.week).end >= today) { result.notEnded++; continue; }
      const targets: [EvaluationRespondent, string | null, string | null][] = [
        ['teacher', a.teacher_email ?? a.school_contact_email, a.teacher_name ?? a.school_contact_name],
        ['company', a.contact_email ?? a.company_email, a.contact_name],
      ];
      for (const [respondent, email, name] of targets) {
        if (sent.has(`${a.id}|${respondent}`)) { result.alreadySent++; continue; }
        if (!email) { result.missingEmail++; continue; }
        const token = crypto.randomBytes(32).toString('base64url');
        await repo.insertEvaluation(tx, { assignmentId: a.id, respondent, email, tokenHash: hashToken(token) });
        const what = `${classLabel(a.grade, a.letter)} fra ${a.school_name} hos ${a.company_name} i uge ${a.week}`;
        await enqueueEmail(tx, {
          to: email, kind: 'school_evaluation', partnershipId: ctx.actor.partnershipId, meta: { planId, assignmentId: a.id, respondent },
          subject: `Hvordan gik ugen? ${what}`,
          bodyText: `Hej ${name ?? ''}\n\nTak for ugen med ${what}. Vil du bruge to minutter på at fortælle, hvordan det gik?\n\n${publicUrl}${evaluationWebPath}${token}\n\nDu skal ikke logge ind. Linket virker én gang.\n\nVenlig hilsen\nSamspil`,
        });
        result.sent++;
      }
    }
    await audit(tx, ctx, { action: 'evaluation.send', entity: 'allocation_plan', entityId: planId, after: result });
    return result;
  });
}

async function byToken(db: Db, token: string) {
  const row = await repo.evaluationByTokenHash(db, hashToken(token));
  if (!row) throw notFound('Linket til evalueringen er ugyldigt eller udløbet.');
  return row;
}

export async function evaluationForm(db: Db, token: string): Promise<EvaluationForm> {
  const row = await byToken(db, token);
  const respondent = row.respondent as EvaluationRespondent;
  return {
    respondent, schoolName: row.school_name, classLabel: classLabel(row.grade, row.letter), companyName: row.company_name, week: row.week,
    schoolYear: row.school_year, questions: evaluationQuestions[respondent].map((key) => ({ key, text: evaluationQuestionLabels[key].da })),
    answered: row.answered_at !== null,
  };
}

export async function answerEvaluation(db: Db, token: string, ip: string, answer: { rating: number; answers: Record<string, number>; comment: string | null }): Promise<void> {
  const row = await byToken(db, token);
  const allowed: readonly string[] = evaluationQuestions[row.respondent as EvaluationRespondent];
  const unknown = Object.keys(answer.answers).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new ProblemError(400, 'validation', `Ukendt spørgsmål: ${unknown.join(', ')}.`, { errors: [{ path: 'answers', message: `Ukendt spørgsmål: ${unknown.join(', ')}.` }] });
  await inTransaction(db, async (tx) => {
    if (!(await repo.saveAnswer(tx, row.id, answer))) throw conflict('evaluation_answered', 'Evalueringen er allerede besvaret. Tak!');
    await audit(tx, { actor: null, ip }, { action: 'evaluation.answer', entity: 'allocation_evaluation', entityId: row.id, after: { rating: answer.rating } });
  });
}

type Summary = EvaluationResults['hosts'][number];
function summarise(list: repo.EvaluationResultRow[]): Omit<Summary, 'companyId' | 'companyName' | 'comments'> {
  const answered = list.filter((r) => r.answered_at !== null && r.rating !== null);
  const sums = new Map<string, { total: number; n: number }>();
  for (const r of answered) {
    for (const [k, v] of Object.entries(r.answers ?? {})) {
      const s = sums.get(k) ?? { total: 0, n: 0 };
      sums.set(k, { total: s.total + v, n: s.n + 1 });
    }
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    responses: answered.length, sent: list.length,
    averageRating: answered.length ? round(answered.reduce((s, r) => s + r.rating!, 0) / answered.length) : null,
    questions: Object.fromEntries([...sums].map(([k, s]) => [k, round(s.total / s.n)])),
  };
}

/** Ratings per host and overall (by respondent too); comments per host. */
export async function evaluationResults(db: Db, actor: Actor, planId: string): Promise<EvaluationResults> {
  await loadPlan(db, actor, planId);
  const list = await repo.evaluationsOfPlan(db, planId);
  const byCompany = new Map<string, repo.EvaluationResultRow[]>();
  for (const r of list) byCompany.set(r.company_id, [...(byCompany.get(r.company_id) ?? []), r]);
  return {
    planId,
    overall: {
      ...summarise(list),
      byRespondent: Object.fromEntries((['teacher', 'company'] as const).map((k) => [k, summarise(list.filter((r) => r.respondent === k))])),
    },
    hosts: [...byCompany.values()].map((rs) => ({
      companyId: rs[0].company_id, companyName: rs[0].company_name, ...summarise(rs),
      comments: rs.filter((r) => r.comment).map((r) => ({ respondent: r.respondent as EvaluationRespondent, comment: r.comment! })),
    })),
  };
}
