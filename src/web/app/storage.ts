/**
 * localStorage as the app uses it: JSON values under `vaora.` keys, and never an exception (storage
 * can be full, blocked by a policy, or off in private mode; the app then only forgets more).
 */
const PREFIX = 'vaora.';
/** Keys that hold a person's data: removed on sign-out, so the next user of the phone sees none. */
const PERSONAL_PREFIXES = ['person', 'codes.', 'draft.', 'last.'];

export function readStored<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // See above: remembering is a convenience only.
  }
}

export function removeStored(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // See above.
  }
}

export function clearPersonalData(): void {
  try {
    const doomed: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX) && PERSONAL_PREFIXES.some((p) => key.startsWith(PREFIX + p))) {
        doomed.push(key);
      }
    }
    for (const key of doomed) localStorage.removeItem(key);
  } catch {
    // See above.
  }
}
