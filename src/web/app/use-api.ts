import { useCallback, useEffect, useState } from 'react';
import { api, type RequestOptions } from './api-client';

export type Loadable<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'failed'; data?: undefined; error: unknown };

/**
 * GETs a path (none: nothing to load yet) and reloads when the path, the query or `reload()` changes.
 * An older answer never overwrites a newer one.
 */
export function useApi<T>(
  path: string | null,
  query?: RequestOptions['query'],
): Loadable<T> & { reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query; attempt forces a reload
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<T>('GET', path, undefined, { signal: controller.signal, query: JSON.parse(queryKey) }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [path, queryKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
