import { useSyncExternalStore } from 'react';

/** True while the media query matches, e.g. '(min-width: 720px)' for a table instead of cards. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', notify);
      return () => mql.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export const WIDE_SCREEN = '(min-width: 720px)';
