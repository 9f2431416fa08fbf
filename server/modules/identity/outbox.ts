import type { Db } from '../../db/client';
import { insertOutboxMessage } from './outbox.repo';

/** An e-mail to send. Plain text only: links are written out in full. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  bodyText: string;
  /** What the message is for, e.g. 'password_reset', 'invitation'. */
  kind: string;
  /** The partnership whose admins may read it in the outbox. */
  partnershipId: string | null;
  meta?: Record<string, unknown>;
}

/**
 * Puts an e-mail in the outbox (call it inside the transaction of the write that causes it).
 * The mailer delivers it when SMTP is configured; otherwise admins read it in the outbox.
 */
export async function enqueueEmail(db: Db, message: OutgoingEmail): Promise<string> {
  return insertOutboxMessage(db, {
    toAddress: message.to,
    subject: message.subject,
    bodyText: message.bodyText,
    kind: message.kind,
    partnershipId: message.partnershipId,
    meta: message.meta ?? null,
  });
}
