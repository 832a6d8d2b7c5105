import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import type { PersonView } from './citizen-api';

/** Whom a screen is for, with the way back to the switcher when the account declares for several. */
export function PersonLine({
  person,
  canSwitch,
  viewing = false,
}: {
  person: PersonView;
  canSwitch: boolean;
  /** A list of the person's records rather than a declaration for them. */
  viewing?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <p className="person-line">
      <span>
        {viewing ? t('citizen.viewingPerson') : t('citizen.forPerson')} <strong>{person.fullName}</strong>
        {person.isSelf ? null : <span className="muted"> ({person.relation || t('citizen.dependant')})</span>}
      </span>
      {canSwitch ? (
        <Link href="/" className="person-line-switch">
          {t('citizen.switchPerson')}
        </Link>
      ) : null}
    </p>
  );
}
