import { useTranslation } from 'react-i18next';
import type { Vehicle } from '../../../domain/movement';
import { setFlash } from '../../app/flash';
import { Link, navigate } from '../../app/router';
import { BackLink } from '../../ui/back-link';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { declareMovement } from '../citizen/citizen-api';
import { NeedProfile } from '../citizen/need-profile';
import { PersonLine } from '../citizen/person-line';
import { useChosen } from '../citizen/use-citizen';
import { MovementForm, newMovementDraft, rememberVehicle } from './movement-form';

/** "Khai báo di chuyển nội địa" for the chosen person; on success, the QR to show at the checkpoint. */
export function MovementNewPage() {
  const { t } = useTranslation();
  const { persons, list, person } = useChosen();
  return (
    <Page title={t('movement.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      {persons.status === 'loading' ? <Loading /> : null}
      {persons.status === 'failed' ? <LoadError error={persons.error} onRetry={persons.reload} /> : null}
      {persons.status === 'ready' && !person ? <NeedProfile /> : null}
      {person ? (
        <>
          <PersonLine person={person} canSwitch={list.length > 1} />
          <p className="lead">{t('movement.intro')}</p>
          <p>
            <Link href="/movements">{t('movement.listLink')}</Link>
          </p>
          <MovementForm
            key={person.id}
            person={person}
            others={list.filter((p) => p.id !== person.id)}
            draftKey={`movement.new.${person.id}`}
            initial={() => newMovementDraft(person)}
            submitLabel={t('movement.submit')}
            onSubmit={async (input, draft) => {
              const { movement } = await declareMovement(input);
              if (draft.vehicle) rememberVehicle(draft.vehicle as Vehicle, draft.vehicleNumber);
              setFlash(t('movement.declared'));
              navigate(`/movements/${movement.id}`, { replace: true });
            }}
          />
        </>
      ) : null}
    </Page>
  );
}
