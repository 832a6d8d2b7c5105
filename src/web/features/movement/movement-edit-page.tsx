import { useTranslation } from 'react-i18next';
import { canChangeMovement, type Vehicle } from '../../../domain/movement';
import { setFlash } from '../../app/flash';
import { navigate } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { isoToVnFields } from '../../ui/dates';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import {
  type Movement,
  type MovementAnswer,
  type PersonsAnswer,
  type PersonView,
  paths,
  updateMovement,
} from '../citizen/citizen-api';
import { emptyHealthDraft } from '../health/health-answers-fields';
import { type MovementDraft, MovementForm, placeChoice, rememberVehicle } from './movement-form';

/**
 * The saved declaration as a draft. Health answers are asked again: they describe the moment of
 * declaring, and a change of journey is a new moment.
 */
function draftFromMovement(m: Movement, others: PersonView[]): MovementDraft {
  const { date, time } = isoToVnFields(m.departureAt);
  return {
    vehicle: m.vehicle,
    vehicleNumber: m.vehicleNumber ?? '',
    seat: m.seat ?? '',
    departureDate: date,
    departureTime: time,
    origin: placeChoice(m.origin, m.origin.address),
    originAddress: m.origin.address,
    destination: placeChoice(m.destination, m.destination.address),
    destinationAddress: m.destination.address,
    purpose: m.purpose,
    answers: emptyHealthDraft(),
    companions: m.companions.map((c, i) => {
      // The view names companions without ids: a family member is recognised by name and year.
      const known = others.find((o) => o.fullName === c.fullName && o.birthYear === c.birthYear);
      return {
        key: `saved${i}`,
        personId: known?.id ?? null,
        fullName: c.fullName,
        birthYear: String(c.birthYear),
        gender: c.gender,
        phone: known?.phone ?? '',
        answers: emptyHealthDraft(),
      };
    }),
    consent: false,
  };
}

export function MovementEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const movement = useApi<MovementAnswer>(paths.movement(id));
  const persons = useApi<PersonsAnswer>(paths.persons);

  let body = null;
  if (movement.status === 'loading' || persons.status === 'loading') body = <Loading />;
  else if (movement.status === 'failed')
    body = <LoadError error={movement.error} onRetry={movement.reload} />;
  else if (persons.status === 'failed') body = <LoadError error={persons.error} onRetry={persons.reload} />;
  else {
    const m = movement.data.movement;
    const person = persons.data.persons.find((p) => p.id === m.personId);
    const others = persons.data.persons.filter((p) => p.id !== m.personId);
    if (!person || !canChangeMovement(m.status))
      body = <StatusBanner kind="warning">{t('movement.cannotChange')}</StatusBanner>;
    else
      body = (
        <>
          <StatusBanner kind="info">{t('movement.editNote')}</StatusBanner>
          <MovementForm
            person={person}
            others={others}
            draftKey={`movement.edit.${id}`}
            initial={() => draftFromMovement(m, others)}
            submitLabel={t('movement.save')}
            onSubmit={async (input, draft) => {
              await updateMovement(id, input);
              if (draft.vehicle) rememberVehicle(draft.vehicle as Vehicle, draft.vehicleNumber);
              setFlash(t('movement.saved'));
              navigate(`/movements/${id}`, { replace: true });
            }}
          />
        </>
      );
  }

  return (
    <Page title={t('movement.editTitle')}>
      <BackLink href={`/movements/${id}`} label={t('movement.summaryTitle')} />
      {body}
    </Page>
  );
}
