import type { TimelineKind, timelinePageSchema, timelineQuerySchema } from '../../../common/engagement';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../../policy';
import { presentTimelineEvent } from './engagement.presenter';
import { deleteTimelineEvent, pageTimeline, upsertTimelineEvent } from './timeline.repo';

/** What a module posts to the shared company timeline. */
export interface TimelineEventRecord {
  companyId: string;
  /** The organisation whose event it is (confidential events are readable only inside it). */
  organisationId: string;
  userId: string | null;
  kind: TimelineKind;
  /** The id of the module's own record (interaction, task, referral, …); one event per kind and refId. */
  refId: string;
  occurredAt: Date;
  title: string;
  confidential: boolean;
}

/**
 * Posts (or, for the same kind and refId, replaces) an event on a company's timeline. Call it with the
 * transaction of the write it describes, so the timeline never disagrees with the record.
 */
export async function recordTimelineEvent(db: Db, event: TimelineEventRecord): Promise<void> {
  await upsertTimelineEvent(db, event);
}

/** Takes a record's event off the timeline (the record was deleted). */
export async function removeTimelineEvent(db: Db, kind: TimelineKind, refId: string): Promise<void> {
  await deleteTimelineEvent(db, kind, refId);
}

type Query = z.output<typeof timelineQuerySchema>;

/** A page of the timeline as the actor may see it, with the cursor of the next page. */
export async function timelinePage(db: Db, actor: Actor, companyId: string, query: Query): Promise<z.infer<typeof timelinePageSchema>> {
  const before = query.before ? { occurredAt: query.before.slice(0, query.before.lastIndexOf('_')), id: query.before.slice(query.before.lastIndexOf('_') + 1) } : undefined;
  const rows = await pageTimeline(db, {
    partnershipId: actor.partnershipId, companyId, kind: query.kind, organisationId: query.organisationId, before, limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentTimelineEvent(actor, row)),
    nextCursor: rows.length > query.limit && last ? `${last.occurred_at}_${last.id}` : null,
  };
}
