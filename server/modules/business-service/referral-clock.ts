import type { ReferralStatus } from '../../../common/referrals';
import { addWorkingDays } from './working-days';

/**
 * The response clock of a referral, in Danish working days. The provider answers by `response_due`
 * (sent + the offer's response days); a referral still `sendt` after that day is overdue. The reminder
 * goes out on the first working day after the deadline, the escalation three working days after the reminder.
 */
export const escalationWorkingDays = 3;

const danishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Denmark (YYYY-MM-DD) of a moment: "today" for a Danish user, whatever the server's zone. */
export function danishDate(moment: Date | string = new Date()): string {
  return danishDay.format(new Date(moment));
}

/** The deadline of a referral sent on `sentDay` to an offer promising an answer within `responseDays` working days. */
export function responseDue(sentDay: string, responseDays: number): string {
  return addWorkingDays(sentDay, responseDays);
}

/** Overdue: the provider has not answered (still `sendt`) and the deadline day has passed. */
export function isOverdue(status: ReferralStatus, due: string, today: string): boolean {
  return status === 'sendt' && today > due;
}

/** The day the reminder is due: the first working day after the deadline. */
export function reminderDay(due: string): string {
  return addWorkingDays(due, 1);
}

/** The day the escalation is due: three working days after the reminder went out. */
export function escalationDay(reminderSentDay: string): string {
  return addWorkingDays(reminderSentDay, escalationWorkingDays);
}

/** "21. november 2026" */
export function longDanishDate(iso: string): string {
  return new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
}
