import { useCallback, useEffect, useRef, useState } from 'react';
import { readStored, removeStored, writeStored } from './storage';

/**
 * The state of a long form, kept in localStorage as it is typed, so that a reload, a dropped
 * connection or a phone call does not lose it. `restored` says the form opened from a draft.
 * The key names the form and the person (`draft.health.<personId>`); clear() after a successful send.
 */
export function useDraft<T extends object>(key: string, initial: () => T) {
  const storageKey = `draft.${key}`;
  const [state, setState] = useState<{ value: T; restored: boolean }>(() => {
    const stored = readStored<T>(storageKey);
    return stored
      ? { value: { ...initial(), ...stored }, restored: true }
      : { value: initial(), restored: false };
  });
  const dirty = useRef(false);

  useEffect(() => {
    if (dirty.current) writeStored(storageKey, state.value);
  }, [storageKey, state.value]);

  const update = useCallback((change: Partial<T> | ((v: T) => T)) => {
    dirty.current = true;
    setState((s) => ({
      ...s,
      value: typeof change === 'function' ? change(s.value) : { ...s.value, ...change },
    }));
  }, []);

  /** Replaces the whole form (e.g. with the saved record) without making it a draft. */
  const reset = useCallback(
    (value: T) => {
      dirty.current = false;
      removeStored(storageKey);
      setState({ value, restored: false });
    },
    [storageKey],
  );

  const clear = useCallback(() => {
    dirty.current = false;
    removeStored(storageKey);
  }, [storageKey]);

  return { value: state.value, restored: state.restored, update, reset, clear };
}
