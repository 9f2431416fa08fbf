import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionResponse, SessionUser } from '../../common/identity';
import { useT } from '../i18n/i18n';
import { api, setCsrfToken } from './api';

interface SessionValue {
  /** undefined while the first session request is in flight. */
  user: SessionUser | null | undefined;
  /** Stores a session response (after log in or accepting an invitation). */
  accept(response: SessionResponse): void;
  refresh(): Promise<void>;
  logout(): Promise<void>;
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const { setLocale } = useT();

  const accept = useCallback((response: SessionResponse) => {
    setCsrfToken(response.csrfToken);
    setUser(response.user);
    // A signed-in user's saved language wins over the browser's stored choice.
    if (response.user) setLocale(response.user.locale);
  }, [setLocale]);

  const refresh = useCallback(async () => {
    try {
      accept(await api<SessionResponse>('GET', '/auth/session'));
    } catch {
      setUser(null);
    }
  }, [accept]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    const response = await api<SessionResponse | undefined>('POST', '/auth/logout');
    if (response?.csrfToken) setCsrfToken(response.csrfToken);
    setUser(null);
  }, []);

  const value = useMemo<SessionValue>(() => ({
    user,
    accept,
    refresh,
    logout,
    can: (permission) => Boolean(user?.permissions.includes(permission)),
  }), [user, accept, refresh, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
