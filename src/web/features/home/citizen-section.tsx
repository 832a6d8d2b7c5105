import { useTranslation } from 'react-i18next';
import type { Me } from '../../../domain/schemas/auth';
import { formatPhone } from '../../ui/format';
import { Section } from '../../ui/page-layout';

/**
 * What a citizen can do. The declarations and the personal QR arrive in the next issue; until then a
 * plain list says what is coming, with no button that leads nowhere.
 */
export function CitizenSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Section title={t('citizen.title')}>
      <p>{t('citizen.intro')}</p>
      {me.phone ? <p>{t('citizen.phone', { phone: formatPhone(me.phone) })}</p> : null}
      <h3 className="subheading">{t('citizen.soonTitle')}</h3>
      <ul className="soon-list">
        <li>{t('citizen.soonHealth')}</li>
        <li>{t('citizen.soonMovement')}</li>
        <li>{t('citizen.soonQr')}</li>
      </ul>
      <p className="muted">{t('citizen.soonNote')}</p>
    </Section>
  );
}
