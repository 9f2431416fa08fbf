import nodemailer from 'nodemailer';
import type { Db } from '../../db/client';
import { claimMessage, markFailed, markSent, pendingMessages } from './outbox.repo';

export const maxDeliveryAttempts = 5;

/** What the mailer needs of a transport: nodemailer's sendMail (a seam for tests). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

/** Sends every pending outbox message once; returns how many went out and how many failed. */
export async function deliverPending(db: Db, transport: MailTransport, from: string, batch = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const message of await pendingMessages(db, maxDeliveryAttempts, batch)) {
    if (!(await claimMessage(db, message.id, message.attempts))) continue;
    try {
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.bodyText });
      await markSent(db, message.id, new Date());
      sent += 1;
    } catch (error) {
      await markFailed(db, message.id, error instanceof Error ? error.message : String(error));
      failed += 1;
    }
  }
  return { sent, failed };
}

export interface Mailer {
  /** Runs one delivery round now (also what the timer calls). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Delivers the outbox over SMTP every few seconds. Rounds never overlap; a failing round is
 * logged and the next one tries again (each message at most `maxDeliveryAttempts` times).
 */
export function startMailer(options: {
  db: Db;
  smtpUrl: string;
  from: string;
  intervalMs?: number;
  log?: { error(obj: unknown, msg: string): void };
  transport?: MailTransport;
}): Mailer {
  const transport: MailTransport = options.transport ?? nodemailer.createTransport(options.smtpUrl);
  let running: Promise<void> | null = null;
  let stopped = false;
  const flush = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= deliverPending(options.db, transport, options.from)
      .then(() => undefined, (error: unknown) => options.log?.error({ err: error }, 'mail delivery round failed'))
      .finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => void flush(), options.intervalMs ?? 3000);
  timer.unref();
  return {
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close?.();
    },
  };
}
