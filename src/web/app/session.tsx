import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me, SessionInfo } from '../../domain/schemas/auth';
import { ApiError, api, onUnauthenticated } from './api-client';
import { navigate } from './router';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; me: Me | null };

interface SessionValue {
  state: State;
  /** After a sign-in: the session the server answered with. */
  signedIn: (session: SessionInfo) => void;
  signOut: () => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt forces a reload (retry)
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<SessionInfo>('GET', '/api/session', undefined, { signal: controller.signal }).then(
      (s) => setState({ status: 'ready', me: s.me }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => onUnauthenticated(() => setState({ status: 'ready', me: null })), []);

  const signedIn = useCallback((s: SessionInfo) => {
    setState({ status: 'ready', me: s.me });
    navigate('/', { replace: true });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('POST', '/api/auth/sign-out');
    } catch (err) {
      // Already signed out (expired, another tab): the goal is reached all the same.
      if (!(err instanceof ApiError && err.code === 'UNAUTHENTICATED')) throw err;
    }
    setState({ status: 'ready', me: null });
    navigate('/', { replace: true });
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo(() => ({ state, signedIn, signOut, reload }), [state, signedIn, signOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in person; only for screens shown after sign-in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'ready' || !state.me) throw new Error('useMe without a signed-in person');
  return state.me;
}
