import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { type Movement, type PersonView, paths } from '../citizen/citizen-api';
import { NeedProfile } from '../citizen/need-profile';
import { PersonLine } from '../citizen/person-line';
import { useChosen } from '../citizen/use-citizen';
import { MovementStatusBadge } from './movement-status';

/** The chosen person's declarations with their status, newest first. */
export function MovementsPage() {
  const { t } = useTranslation();
  const { persons, list, person } = useChosen();
  return (
    <Page title={t('movement.listTitle')}>
      <BackLink href="/" label={t('app.backHome')} />
      {persons.status === 'loading' ? <Loading /> : null}
      {persons.status === 'failed' ? <LoadError error={persons.error} onRetry={persons.reload} /> : null}
      {persons.status === 'ready' && !person ? <NeedProfile /> : null}
      {person ? (
        <>
          <PersonLine person={person} canSwitch={list.length > 1} viewing />
          <Link href="/movements/new" className="btn btn-primary btn-block">
            {t('movement.newButton')}
          </Link>
          <MovementList person={person} />
        </>
      ) : null}
    </Page>
  );
}

function MovementList({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const movements = useApi<{ movements: Movement[] }>(paths.movements, { personId: person.id });
  if (movements.status === 'loading') return <Loading />;
  if (movements.status === 'failed') return <LoadError error={movements.error} onRetry={movements.reload} />;
  if (!movements.data.movements.length) return <p className="muted list-gap">{t('movement.listEmpty')}</p>;
  return <MovementCards movements={movements.data.movements} />;
}

/** Declarations as cards: the route names the card, the link opens its QR and details. */
export function MovementCards({
  movements,
  heading = 'h2',
}: {
  movements: Movement[];
  heading?: 'h2' | 'h3' | 'h4';
}) {
  const { t } = useTranslation();
  const Heading = heading;
  return (
    <ul className="cards list-gap" aria-label={t('movement.listTitle')}>
      {movements.map((m) => (
        <li key={m.id} className="card">
          <Heading className="card-title">
            <Link href={`/movements/${m.id}`}>
              {t('movement.route', {
                from: m.origin.text.split(', ').at(-1) ?? '',
                to: m.destination.text.split(', ').slice(-2).join(', '),
              })}
            </Link>
          </Heading>
          <p className="card-meta">
            {formatDateTime(m.departureAt)} · {t(`movement.vehicles.${m.vehicle}`)}
            {m.vehicleNumber ? ' ' : ''}
            {m.vehicleNumber ? <span className="nowrap">{m.vehicleNumber}</span> : null}
          </p>
          <MovementStatusBadge status={m.status} />
        </li>
      ))}
    </ul>
  );
}
