import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Flash } from '../../app/flash';
import { errorMessage } from '../../app/form-errors';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { type PersonsAnswer, type PersonView, paths, removePerson } from '../citizen/citizen-api';

/** "Người thân": the family members declared for ("khai hộ"), each with their own QR and card. */
export function FamilyPage() {
  const { t } = useTranslation();
  const persons = useApi<PersonsAnswer>(paths.persons);
  const [message, setMessage] = useState<string | null>(null);
  const dependants = persons.status === 'ready' ? persons.data.persons.filter((p) => !p.isSelf) : [];

  return (
    <Page title={t('family.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      <Flash />
      {message ? <StatusBanner kind="success">{message}</StatusBanner> : null}
      <p className="lead">{t('family.intro')}</p>
      <Link href="/family/new" className="btn btn-primary btn-block">
        {t('family.add')}
      </Link>
      {persons.status === 'loading' ? <Loading /> : null}
      {persons.status === 'failed' ? <LoadError error={persons.error} onRetry={persons.reload} /> : null}
      {persons.status === 'ready' ? (
        dependants.length ? (
          <ul className="cards list-gap" aria-label={t('family.listLabel', { count: dependants.length })}>
            {dependants.map((p) => (
              <DependantCard
                key={p.id}
                person={p}
                onRemoved={() => {
                  setMessage(t('family.removed', { name: p.fullName }));
                  persons.reload();
                }}
              />
            ))}
          </ul>
        ) : (
          <p className="muted list-gap">{t('family.empty')}</p>
        )
      ) : null}
    </Page>
  );
}

function DependantCard({ person, onRemoved }: { person: PersonView; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await removePerson(person.id);
      onRemoved();
    } catch (err) {
      setError(errorMessage(err, t));
      setBusy(false);
    }
  }

  return (
    <li className="card">
      <h2 className="card-title">{person.fullName}</h2>
      <p className="card-meta">
        {[
          person.relation,
          t('person.bornIn', { year: person.birthYear }),
          t(`person.genders.${person.gender}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
      {confirming ? (
        <div className="confirm-box">
          <p>{t('family.removeConfirm', { name: person.fullName })}</p>
          <div className="row">
            <Button variant="danger" busy={busy} onClick={() => void remove()}>
              {t('family.removeYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="row">
          <Link
            href={`/family/${person.id}`}
            className="btn btn-secondary"
            aria-label={`${t('family.edit')}: ${person.fullName}`}
          >
            {t('family.edit')}
          </Link>
          <Link
            href={`/card/${person.id}`}
            className="btn btn-secondary"
            aria-label={`${t('family.card')}: ${person.fullName}`}
          >
            {t('family.card')}
          </Link>
          <Button
            variant="secondary"
            className="btn-danger-outline"
            aria-label={`${t('family.remove')}: ${person.fullName}`}
            onClick={() => setConfirming(true)}
          >
            {t('family.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}
