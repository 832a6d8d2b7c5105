import { useSyncExternalStore } from 'react';
import { readStored, writeStored } from '../../app/storage';
import type { PersonView } from './citizen-api';

/** The person the citizen acts for (self or a dependant), remembered across visits and tabs. */
const KEY = 'person';
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === `vaora.${KEY}`) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function readChosenPersonId(): string | null {
  return readStored<string>(KEY);
}

export function chooseForPerson(id: string): void {
  writeStored(KEY, id);
  for (const l of listeners) l();
}

export function useChosenPersonId(): string | null {
  return useSyncExternalStore(subscribe, readChosenPersonId, () => null);
}

/** The chosen person among the account's persons; the account holder when none (or a removed one) is chosen. */
export function useChosenPerson(persons: PersonView[] | undefined): PersonView | null {
  const id = useChosenPersonId();
  if (!persons?.length) return null;
  return persons.find((p) => p.id === id) ?? persons.find((p) => p.isSelf) ?? persons[0] ?? null;
}
