import { useTranslation } from 'react-i18next';
import { setFlash } from '../../app/flash';
import { navigate } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { addPerson, type PersonsAnswer, type PersonView, paths, updatePerson } from '../citizen/citizen-api';
import { PersonForm, personDraftFrom } from './person-form';

/**
 * Adds a family member (id null) or edits one. A new one starts with the account holder's address;
 * an edit loads the person with the ID number in clear, since saving replaces every field.
 */
export function DependantPage({ personId }: { personId: string | null }) {
  const { t } = useTranslation();
  const persons = useApi<PersonsAnswer>(personId ? null : paths.persons);
  const one = useApi<{ person: PersonView }>(personId ? paths.person(personId) : null);
  const title = personId ? t('family.editTitle') : t('family.addTitle');
  const loaded = personId ? one : persons;

  let body = null;
  if (loaded.status === 'loading') body = <Loading />;
  else if (loaded.status === 'failed') body = <LoadError error={loaded.error} onRetry={loaded.reload} />;
  else {
    const person = one.status === 'ready' ? one.data.person : null;
    const self = persons.status === 'ready' ? (persons.data.persons.find((p) => p.isSelf) ?? null) : null;
    body = (
      <PersonForm
        kind="dependant"
        draftKey={`dependant.${personId ?? 'new'}`}
        initial={() => personDraftFrom(person, self?.address)}
        submitLabel={personId ? t('family.save') : t('family.addSubmit')}
        onSubmit={async (input) => {
          if (personId) await updatePerson(personId, input);
          else await addPerson(input);
          const name = (input as { fullName: string }).fullName;
          setFlash(personId ? t('family.saved', { name }) : t('family.added', { name }));
          navigate('/family');
        }}
      />
    );
  }

  return (
    <Page title={title}>
      <BackLink href="/family" label={t('family.title')} />
      {personId ? null : <p className="lead">{t('family.addIntro')}</p>}
      {body}
    </Page>
  );
}
