import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';

/** A first-time citizen on a screen that needs a person: the way to the profile, first. */
export function NeedProfile() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="notice">{t('citizen.firstText')}</p>
      <Link href="/profile" className="btn btn-primary btn-block">
        {t('citizen.firstButton')}
      </Link>
    </div>
  );
}
