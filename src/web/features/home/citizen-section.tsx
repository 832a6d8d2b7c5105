import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../domain/schemas/auth';
import { Flash } from '../../app/flash';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { formatPhone } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Section } from '../../ui/page-layout';
import { chooseForPerson } from '../citizen/chosen-person';
import { type Movement, type PersonView, paths } from '../citizen/citizen-api';
import type { useChosen } from '../citizen/use-citizen';
import { MovementCards } from '../movement/movements-page';
import type { NoticesAnswer } from '../notices/notices-page';

/** Statuses of a journey still under way: shown on the home, so its QR is one tap away. */
const ACTIVE = new Set(['declared', 'passed', 'arrived', 'followed']);

/**
 * What a citizen does, for themselves or a family member: the person on top (one tap to switch),
 * then one large button per task. A first-time citizen is led to the profile first.
 */
export function CitizenSection({ me, chosen }: { me: Me; chosen: ReturnType<typeof useChosen> }) {
  const { t } = useTranslation();
  const { persons, list, person } = chosen;
  const hasProfile = list.some((p) => p.isSelf);

  return (
    <Section title={t('citizen.title')}>
      <Flash />
      {persons.status === 'loading' ? <Loading /> : null}
      {persons.status === 'failed' ? <LoadError error={persons.error} onRetry={persons.reload} /> : null}
      {persons.status === 'ready' && !hasProfile ? (
        <div className="stack">
          <p>{t('citizen.intro')}</p>
          {me.phone ? <p>{t('citizen.phone', { phone: formatPhone(me.phone) })}</p> : null}
          <p className="notice">{t('citizen.firstText')}</p>
          <Link href="/profile" className="btn btn-primary btn-block">
            {t('citizen.firstButton')}
          </Link>
        </div>
      ) : null}
      {hasProfile && person ? (
        <>
          <PersonSwitcher persons={list} chosen={person} />
          <Tasks person={person} />
          <ActiveMovements person={person} />
          <nav className="more-links" aria-label={t('citizen.moreLabel')}>
            <Link href="/profile">{t('citizen.profile')}</Link>
            <Link href="/family">{t('citizen.family')}</Link>
            <Link href="/privacy">{t('citizen.privacy')}</Link>
            {/* A point manager has the link in their points section already. */}
            {me.grants.some((g) => g.role === 'point_owner') ? null : (
              <Link href="/points/new">{t('pointNew.citizenLink')}</Link>
            )}
          </nav>
        </>
      ) : null}
    </Section>
  );
}

/** Self and each family member as large buttons; the chosen one is pressed (and says so in words). */
function PersonSwitcher({ persons, chosen }: { persons: PersonView[]; chosen: PersonView }) {
  const { t } = useTranslation();
  if (persons.length < 2) {
    return (
      <p className="person-line">
        <span>
          {t('citizen.forPerson')} <strong>{chosen.fullName}</strong>
        </span>
        <Link href="/family/new" className="person-line-switch">
          {t('citizen.addFamily')}
        </Link>
      </p>
    );
  }
  return (
    <fieldset className="switcher">
      <legend className="switcher-label">{t('citizen.switcherLabel')}</legend>
      <div className="switcher-options">
        {persons.map((p) => {
          const isChosen = p.id === chosen.id;
          return (
            <button
              key={p.id}
              type="button"
              className="switcher-option"
              aria-pressed={isChosen}
              onClick={() => chooseForPerson(p.id)}
            >
              <span className="switcher-name">{p.fullName}</span>
              <span className="switcher-relation">
                {p.isSelf ? t('citizen.self') : p.relation || t('citizen.dependant')}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

function Tile({
  href,
  title,
  hint,
  badge,
  main,
}: {
  href: string;
  title: string;
  hint: string;
  badge?: ReactNode;
  main?: boolean;
}) {
  return (
    <li>
      <Link href={href} className={main ? 'tile tile-main' : 'tile'}>
        <span className="tile-title">
          {title}
          {badge}
        </span>
        <span className="tile-hint">{hint}</span>
      </Link>
    </li>
  );
}

function Tasks({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const notices = useApi<NoticesAnswer>(paths.notices, { limit: 1 });
  const unread = notices.status === 'ready' ? notices.data.unread : 0;
  return (
    <ul className="tiles" aria-label={t('citizen.tasksLabel', { name: person.fullName })}>
      <Tile href="/qr" title={t('citizen.qr')} hint={t('citizen.qrHint')} main />
      <Tile href="/scan-point" title={t('checkIn.homeButton')} hint={t('checkIn.homeHint')} />
      <Tile href="/health" title={t('citizen.health')} hint={t('citizen.healthHint')} />
      <Tile href="/movements/new" title={t('citizen.movement')} hint={t('citizen.movementHint')} />
      <Tile href="/check-ins" title={t('citizen.history')} hint={t('citizen.historyHint')} />
      <Tile
        href="/notices"
        title={t('citizen.notices')}
        hint={t('citizen.noticesHint')}
        badge={
          unread ? (
            <span className="badge">
              {unread}
              <span className="visually-hidden"> {t('citizen.unread')}</span>
            </span>
          ) : null
        }
      />
    </ul>
  );
}

function ActiveMovements({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const movements = useApi<{ movements: Movement[] }>(paths.movements, { personId: person.id });
  if (movements.status !== 'ready') return null;
  const active = movements.data.movements.filter((m) => ACTIVE.has(m.status));
  if (!active.length) return null;
  return (
    <div className="stack">
      <h3 className="subheading">{t('citizen.activeMovements')}</h3>
      <MovementCards movements={active} heading="h4" />
      <Link href="/movements">{t('movement.listLink')}</Link>
    </div>
  );
}
