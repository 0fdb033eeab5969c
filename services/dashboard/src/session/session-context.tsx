import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import createClient from 'openapi-fetch';
import type { paths } from '@hook0-ts/sdk/api-types';
import { API_BASE, createApi, unwrap, type Api, type Schemas } from '../api/client';
import { SessionStore, type SignedInUser } from './session-store';

interface SessionContextValue {
  readonly store: SessionStore;
  readonly api: Api;
  /** Revokes the session on the server (with the refresh token, as Hook0 does), then forgets it here. */
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Refreshing goes through a bare client: the authorised one would ask the store for a token and wait on itself. */
function refreshWith(bare: ReturnType<typeof createClient<paths>>) {
  return (refreshToken: string) =>
    unwrap(bare.POST('/auth/refresh', { headers: { Authorization: `Bearer ${refreshToken}` } })) as Promise<Schemas['LoginResponse']>;
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const value = useMemo(() => {
    const bare = createClient<paths>({ baseUrl: API_BASE });
    const store = new SessionStore(window.localStorage, refreshWith(bare));
    const api = createApi({ accessToken: () => store.accessToken(), rejected: () => store.signedOut() });
    const signOut = async () => {
      const refreshToken = store.refreshToken;
      store.signedOut();
      if (refreshToken) await bare.POST('/auth/logout', { headers: { Authorization: `Bearer ${refreshToken}` } }).catch(() => undefined);
    };
    return { store, api, signOut };
  }, []);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The API client, authorised as the signed-in user. */
export function useApi(): Api {
  return useSessionContext().api;
}

export function useSessionStore(): SessionStore {
  return useSessionContext().store;
}

export function useSignOut(): () => Promise<void> {
  return useSessionContext().signOut;
}

/** The signed-in user, or null; re-renders when someone signs in or out. */
export function useSignedInUser(): SignedInUser | null {
  const { store } = useSessionContext();
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.user,
  );
}
