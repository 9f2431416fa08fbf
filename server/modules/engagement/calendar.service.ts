import crypto from 'node:crypto';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../../common/calendar';
import type { OrganisationKind, Role } from '../../../common/roles';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { can, type Actor } from '../../policy';
import * as repo from './calendar.repo';
import { buildCalendar, type IcalEvent } from './ical';
import { isoTimestamp } from './dates';
import { inTransaction } from './query.repo';

type Context = AuditContext & { actor: Actor };

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
/** 32 random bytes, base64url: exactly 43 characters. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The feed path for a token; the public URL is prefixed by the caller. */
export const feedPath = (token: string) => `/kalender/${token}.ics`;

/** Creates or rotates the actor's feed; the clear token leaves the server only in this answer. */
export async function createOrRotate(db: Db, context: Context, publicUrl: string): Promise<CalendarFeedCreated> {
  const token = crypto.randomBytes(32).toString('base64url');
  await inTransaction(db, async (tx) => {
    const before = await repo.findActiveFeed(tx, context.actor.id);
    const after = await repo.upsertFeed(tx, context.actor.id, hash(token), new Date());
    await audit(tx, context, {
      action: before ? 'calendar_feed.rotate' : 'calendar_feed.create', entity: 'calendar_feed', entityId: after.id,
      before: before ? { createdAt: before.createdAt } : null, after: { userId: after.userId, createdAt: after.createdAt },
    });
  });
  return { url: `${publicUrl}${feedPath(token)}` };
}

export async function status(db: Db, actor: Actor): Promise<CalendarFeedStatus> {
  const feed = await repo.findActiveFeed(db, actor.id);
  return { active: feed !== null, createdAt: feed ? isoTimestamp(feed.createdAt) : null };
}

/** Revokes the actor's feed; revoking when none is active changes nothing and writes no audit entry. */
export async function revoke(db: Db, context: Context): Promise<void> {
  await inTransaction(db, async (tx) => {
    const revoked = await repo.revokeFeed(tx, context.actor.id, new Date());
    if (!revoked) return;
    await audit(tx, context, {
      action: 'calendar_feed.revoke', entity: 'calendar_feed', entityId: revoked.id,
      after: { userId: revoked.userId, revokedAt: revoked.revokedAt },
    });
  });
}

/**
 * The iCal text for a feed token, or null for an unknown, revoked or malformed token, a deactivated
 * user or organisation, or a user who no longer holds 'calendar.read' (the caller answers all alike).
 */
export async function feed(db: Db, token: string, publicUrl: string, now = new Date()): Promise<string | null> {
  if (!tokenPattern.test(token)) return null;
  const owner = await repo.findFeedOwner(db, hash(token));
  if (!owner) return null;
  const actor: Actor = {
    id: owner.user_id, organisationId: owner.organisation_id, organisationKind: owner.organisation_kind as OrganisationKind,
    partnershipId: owner.partnership_id, roles: owner.roles as Role[],
  };
  if (!can(actor, 'calendar.read', { partnershipId: owner.partnership_id, organisationId: owner.organisation_id })) return null;
  const tasks = await repo.listFeedTasks(db, owner.organisation_id, owner.user_id);
  const events: IcalEvent[] = tasks.map((task) => {
    const companyUrl = task.company_id ? `${publicUrl}/virksomheder/${task.company_id}` : undefined;
    // A feed URL travels to calendar apps and servers outside Samspil: a confidential title stays behind.
    const title = task.confidential ? 'Fortrolig opgave (se Samspil)' : task.title;
    return {
      uid: `task-${task.id}@samspil`,
      date: task.due_date,
      summary: task.company_name ? `${title} – ${task.company_name}` : title,
      description: companyUrl ? `Opgave i Samspil for ${task.company_name ?? ''}\n${companyUrl}` : 'Opgave i Samspil',
      url: companyUrl,
    };
  });
  return buildCalendar({ name: `Samspil – ${owner.name}`, prodId: '-//Samspil//Kalender//DA', now, events });
}
