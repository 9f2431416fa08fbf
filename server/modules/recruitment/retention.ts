import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { audit, type AuditContext } from '../../http/audit';
import { candidatesChanged } from './candidates.events';
import type { RetentionRun } from '../../../common/recruitment-candidates';
import { inTransaction } from './candidates.service';
import { anonymiseBefore, withdrawConsentsBefore } from './retention.repo';

/** `now` moved back by whole calendar months (31 March − 1 month = 28/29 February: clamped to the month's last day). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Anonymises every candidate whose last activity is older than `months` (identity, CPR, CV text and the centre's id
 * cleared; inactive) and withdraws their consents, in one transaction with one audit entry for the run (the count,
 * never who). The pseudonymous ref and profile stay, so placement statistics keep adding up.
 */
export async function anonymiseInactiveCandidates(db: Db, options: { now: Date; months: number; context?: AuditContext }): Promise<RetentionRun> {
  const cutoff = monthsBefore(options.now, options.months);
  const { anonymised, consentsWithdrawn } = await inTransaction(db, async (tx) => {
    const withdrawn = await withdrawConsentsBefore(tx, cutoff, options.now);
    const rows = await anonymiseBefore(tx, cutoff, options.now);
    await audit(tx, options.context ?? { actor: null }, {
      action: 'candidate.anonymise', entity: 'candidate', entityId: null, reason: 'retention',
      after: { anonymised: rows.length, consentsWithdrawn: withdrawn, cutoff: cutoff.toISOString(), months: options.months },
    });
    return { anonymised: rows, consentsWithdrawn: withdrawn };
  });
  const byPartnership = new Map<string, string[]>();
  for (const r of anonymised) byPartnership.set(r.partnershipId, [...(byPartnership.get(r.partnershipId) ?? []), r.id]);
  for (const [partnershipId, ids] of byPartnership) candidatesChanged(partnershipId, ids);
  return { anonymised: anonymised.length, consentsWithdrawn, cutoff: cutoff.toISOString(), months: options.months };
}

const day = 24 * 60 * 60 * 1000;

/** Runs the anonymisation shortly after start and then daily (timers unref'd: they never keep the process alive). */
export function startCandidateRetention(db: Db, log: FastifyBaseLogger, env: Env): { stop(): void } {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await anonymiseInactiveCandidates(db, { now: new Date(), months: env.SAMSPIL_CANDIDATE_RETENTION_MONTHS });
      if (result.anonymised > 0) log.info(result, 'candidates anonymised after the retention period');
    } catch (error) {
      log.error({ err: error }, 'candidate retention failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 60_000);
  first.unref();
  const daily = setInterval(() => void run(), day);
  daily.unref();
  return { stop: () => { clearTimeout(first); clearInterval(daily); } };
}
