import type {
  CompanyEngagement, Contact, ContactCreate, Interaction, InteractionCreate, Responsible, Task, Tier, TimelineEvent,
  TimelineKind, WorklistItem,
} from '../../../common/engagement';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../../common/calendar';
import { api, apiGet, toQuery } from '../../lib/api';

/** The engagement API as the web app calls it; shapes come from common/engagement.ts. */
const company = (companyId: string) => `/companies/${encodeURIComponent(companyId)}`;

export type WorklistStatus = 'due' | 'overdue' | 'all';
export const worklistPageSize = 50;

interface Paged<T> { items: T[]; total: number; limit: number; offset: number }

export const engagementApi = {
  whoElse: (companyId: string) => apiGet<CompanyEngagement>(`${company(companyId)}/engagement`),
  timeline: (companyId: string, kind: TimelineKind | '', before: string | null, limit = 10) =>
    apiGet<{ items: TimelineEvent[]; nextCursor: string | null }>(
      `${company(companyId)}/timeline${toQuery({ kind, before, limit })}`,
    ),
  interaction: (id: string) => apiGet<Interaction>(`/interactions/${encodeURIComponent(id)}`),
  createInteraction: (companyId: string, body: InteractionCreate) =>
    api<Interaction>('POST', `${company(companyId)}/interactions`, body),
  contacts: (companyId: string) => apiGet<{ items: Contact[] }>(`${company(companyId)}/contacts`),
  createContact: (companyId: string, body: ContactCreate) => api<Contact>('POST', `${company(companyId)}/contacts`, body),
  setResponsible: (companyId: string, userId: string) =>
    api<Responsible>('PUT', `${company(companyId)}/responsible`, { userId }),
  removeResponsible: (companyId: string) => api<void>('DELETE', `${company(companyId)}/responsible`),
  tiers: () => apiGet<{ items: Tier[] }>('/engagement/tiers'),
  setTier: (companyId: string, tierId: string) => api<unknown>('PUT', `${company(companyId)}/tier`, { tierId }),
  removeTier: (companyId: string) => api<void>('DELETE', `${company(companyId)}/tier`),
  myTasks: () => apiGet<Paged<Task>>(`/tasks${toQuery({ assignee: 'me', status: 'open', limit: 200 })}`),
  completeTask: (id: string) => api<Task>('PATCH', `/tasks/${encodeURIComponent(id)}`, { status: 'done' }),
  worklist: (status: WorklistStatus, offset: number) =>
    apiGet<Paged<WorklistItem>>(`/engagement/worklist${toQuery({ consultant: 'me', status, limit: worklistPageSize, offset })}`),
  calendarFeed: () => apiGet<CalendarFeedStatus>('/me/calendar-feed'),
  createCalendarFeed: () => api<CalendarFeedCreated>('POST', '/me/calendar-feed'),
  revokeCalendarFeed: () => api<void>('DELETE', '/me/calendar-feed'),
};
