import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { enqueueEmail } from '../identity';
import { danishDate, escalationDay, reminderDay } from './referral-clock';
import { escalationMail, reminderMail } from './referral-mail';
import { mailFacts } from './referrals.service';
import * as repo from './referrals.repo';

const hour = 3600_000;

export interface ReminderRun { reminded: number; escalated: number }

function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/**
 * The response clock's follow-up, safe to run any number of times: a referral still `sendt` after its
 * deadline gets one reminder to the provider's users on the first working day after the deadline, and
 * one escalation to the referring consultant and the partnership's secretariat three working days after
 * the reminder. Each is claimed by a conditional update in the transaction that queues its e-mails, so
 * neither ever goes out twice, even when two runs overlap.
 */
export async function runReferralReminders(db: Db, options: { now?: Date; publicUrl: string }): Promise<ReminderRun> {
  const now = options.now ?? new Date();
  const today = danishDate(now);
  const result: ReminderRun = { reminded: 0, escalated: 0 };
  for (const row of await repo.overdueUnnotified(db, today)) {
    const facts = mailFacts(row, options.publicUrl);
    if (!row.reminder_sent_at && today >= reminderDay(row.response_due)) {
      const recipients = await repo.organisationUsersWithRole(db, row.provider_id, 'provider');
      const sent = await inTransaction(db, async (tx) => {
        if (!(await repo.markReminded(tx, row.id, now))) return false;
        const mail = reminderMail(facts);
        for (const to of recipients) {
          await enqueueEmail(tx, { to: to.email, ...mail, kind: 'referral_reminder', partnershipId: row.partnership_id, meta: { referralId: row.id } });
        }
        await repo.insertReferralEvent(tx, {
          referralId: row.id, fromStatus: 'sendt', toStatus: 'sendt', userId: null, at: now,
          note: `Påmindelse sendt til udbyderen (${recipients.length} modtagere).`,
        });
        await audit(tx, { actor: null }, { action: 'referral.remind', entity: 'referral', entityId: row.id, after: { to: recipients.map((r) => r.email) } });
        return true;
      });
      if (sent) result.reminded += 1;
    } else if (row.reminder_sent_at && !row.escalated_at && today >= escalationDay(danishDate(row.reminder_sent_at))) {
      const [consultant, secretariat] = await Promise.all([
        repo.userContact(db, row.from_user_id), repo.partnershipUsersWithRole(db, row.partnership_id, 'secretariat'),
      ]);
      const recipients = [...new Map([...(consultant ? [consultant] : []), ...secretariat].map((r) => [r.email, r])).values()];
      const sent = await inTransaction(db, async (tx) => {
        if (!(await repo.markEscalated(tx, row.id, now))) return false;
        const mail = escalationMail(facts);
        for (const to of recipients) {
          await enqueueEmail(tx, { to: to.email, ...mail, kind: 'referral_escalation', partnershipId: row.partnership_id, meta: { referralId: row.id } });
        }
        await repo.insertReferralEvent(tx, {
          referralId: row.id, fromStatus: 'sendt', toStatus: 'sendt', userId: null, at: now,
          note: `Eskaleret til den henvisende konsulent og sekretariatet (${recipients.length} modtagere).`,
        });
        await audit(tx, { actor: null }, { action: 'referral.escalate', entity: 'referral', entityId: row.id, after: { to: recipients.map((r) => r.email) } });
        return true;
      });
      if (sent) result.escalated += 1;
    }
  }
  return result;
}

/** Runs the reminder job once an hour (first run a minute after start), like the identity housekeeping; stop() ends it. */
export function startReferralReminders(db: Db, log: FastifyBaseLogger, publicUrl: string): { stop(): void } {
  const run = () => runReferralReminders(db, { publicUrl })
    .then((r) => { if (r.reminded || r.escalated) log.info(r, 'referral reminders sent'); })
    .catch((error: unknown) => log.warn({ err: error }, 'referral reminders failed'));
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, hour);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
