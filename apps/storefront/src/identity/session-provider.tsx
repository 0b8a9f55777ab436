import { expectBody, expectNoContent, type SessionStore } from '@shanhai/api-client';
import type { MembershipView, SessionView, UserView } from '@shanhai/contract';
import type { Role } from '@shanhai/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import { IDENTITY_KEY } from './identity.queries';

export type SessionStatus = 'anonymous' | 'loading' | 'signed-in';

export interface SessionContextValue {
  readonly status: SessionStatus;
  readonly user: UserView | null;
  /** The buyer organisation the user purchases for; null for accounts of other kinds. */
  readonly buyer: MembershipView | null;
  /** Every role the user holds in that buyer organisation (a purchaser may also be its admin or approver). */
  readonly buyerRoles: readonly Role[];
  /** May fill a cart, check out, receive and reorder (purchaser or admin); the API enforces the same. */
  readonly canPurchase: boolean;
  /** May approve or reject orders waiting above the organisation's threshold. */
  readonly canApprove: boolean;
  /** Resolves once signed in; rejects with the API's error (per-field details included). */
  signIn(email: string, password: string): Promise<UserView>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const meKey = (token: string | null) => [IDENTITY_KEY, 'me', token] as const;

/**
 * The signed-in user, from the token in the session store: `/api/auth/me` is asked once per token, so a
 * reload or a new tab finds the user again. Another tab signing out clears this one too (storage event).
 */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(store.subscribe, () => store.read()?.token ?? null, () => null);

  const me = useQuery({
    queryKey: meKey(token),
    queryFn: ({ signal }) => expectBody<UserView>(api.GET('/api/auth/me', { signal })),
    enabled: token !== null,
    staleTime: Infinity,
  });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await expectBody<SessionView>(api.POST('/api/auth/sign-in', { body: { email, password } }));
      queryClient.setQueryData(meKey(session.token), session.user);
      store.write({ token: session.token, expiresAt: session.expiresAt });
      return session.user;
    },
    [api, queryClient, store],
  );

  const signOut = useCallback(async () => {
    try {
      await expectNoContent(api.POST('/api/auth/sign-out'));
    } catch {
      // Signed out locally all the same: the token is forgotten and expires on the server.
    }
    store.clear();
    queryClient.removeQueries({ queryKey: [IDENTITY_KEY] });
  }, [api, queryClient, store]);

  const value = useMemo<SessionContextValue>(() => {
    const user = token ? (me.data ?? null) : null;
    const status: SessionStatus = user ? 'signed-in' : token && me.isPending ? 'loading' : 'anonymous';
    const buyer = user?.memberships.find((m) => m.organisationKind === 'buyer') ?? null;
    const buyerRoles = buyer && user ? user.memberships.filter((m) => m.organisationId === buyer.organisationId).map((m) => m.role) : [];
    const canPurchase = buyerRoles.includes('buyer_purchaser') || buyerRoles.includes('buyer_admin');
    const canApprove = buyerRoles.includes('buyer_approver');
    return { status, user, buyer, buyerRoles, canPurchase, canApprove, signIn, signOut };
  }, [token, me.data, me.isPending, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}
