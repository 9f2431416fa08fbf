import type { Organisation, User } from '../../../../common/identity';
import { api, apiGet, apiList, toQuery } from '../../../lib/api';

export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

export const listOrganisations = () => apiList<Organisation>('/admin/organisations');

export const listUsers = (query: Record<string, string | number | undefined>) =>
  apiGet<Page<User>>(`/admin/users${toQuery(query)}`);

export const updateUser = (id: string, patch: Record<string, unknown>) =>
  api<User>('PATCH', `/admin/users/${encodeURIComponent(id)}`, patch);
