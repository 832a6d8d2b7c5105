import { useApi } from '../../app/use-api';
import { useChosenPerson } from './chosen-person';
import { type PersonsAnswer, type PersonView, paths } from './citizen-api';

/**
 * The account's persons and the one chosen, for the screens that act for one person. `enabled`
 * false loads nothing (a staff member who is not a citizen).
 */
export function useChosen(enabled = true) {
  const persons = useApi<PersonsAnswer>(enabled ? paths.persons : null);
  const list = persons.status === 'ready' ? persons.data.persons : undefined;
  const person: PersonView | null = useChosenPerson(list);
  return { persons, list: list ?? [], person };
}
