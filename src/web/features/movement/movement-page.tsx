import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canChangeMovement,
  canConfirmArrival,
  isFollowedUp,
  type MovementStatus,
} from '../../../domain/movement';
import { Flash } from '../../app/flash';
import { errorMessage } from '../../app/form-errors';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { QrCode } from '../../ui/qr-code';
import { StatusBanner } from '../../ui/status-banner';
import {
  cancelMovement,
  confirmArrival,
  type Movement,
  type MovementAnswer,
  paths,
} from '../citizen/citizen-api';
import { DailyDeclaration } from './daily-declaration';
import { MovementStatusBadge } from './movement-status';

/**
 * A declaration as it is shown at a road checkpoint: the QR large, then who, how, when and where, in
 * that order; below, what the traveller can still do with it.
 */
export function MovementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const answer = useApi<MovementAnswer>(paths.movement(id));
  // Here, not in the summary: the summary reloads after a change, and the news must stay.
  const [done, setDone] = useState<string | null>(null);
  return (
    <Page title={t('movement.summaryTitle')}>
      <BackLink href="/movements" label={t('movement.listTitle')} />
      {done ? <StatusBanner kind="success">{done}</StatusBanner> : <Flash />}
      {answer.status === 'loading' ? <Loading /> : null}
      {answer.status === 'failed' ? <LoadError error={answer.error} onRetry={answer.reload} /> : null}
      {answer.status === 'ready' ? (
        <Summary
          data={answer.data}
          onChanged={(message) => {
            setDone(message);
            answer.reload();
          }}
        />
      ) : null}
    </Page>
  );
}

function Summary({ data, onChanged }: { data: MovementAnswer; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const { movement: m, token } = data;
  const year = m.personBirthYear;
  const status: MovementStatus = m.status;
  return (
    <div className="stack">
      <div className="qr-panel">
        <MovementStatusBadge status={status} />
        {token ? (
          <>
            <QrCode text={token} label={t('movement.qrLabel', { name: m.personName })} className="qr-large" />
            <p className="qr-name">
              {m.personName}
              {year ? (
                <>
                  <span className="visually-hidden">, </span>
                  <span className="qr-year">{t('person.bornIn', { year })}</span>
                </>
              ) : null}
            </p>
            <p className="qr-note">{t('movement.showAtCheckpoint')}</p>
            <p className="qr-valid">{t('movement.validUntil', { time: formatDateTime(m.validUntil) })}</p>
          </>
        ) : (
          <>
            <p className="qr-name">{m.personName}</p>
            {status === 'cancelled' || status === 'expired' ? (
              <p className="qr-note">{t('movement.noQr')}</p>
            ) : null}
          </>
        )}
      </div>
      <MovementDetails movement={m} />
      <Actions movement={m} onChanged={onChanged} />
      {isFollowedUp(status) ? <DailyDeclaration movementId={m.id} /> : null}
    </div>
  );
}

function MovementDetails({ movement: m }: { movement: Movement }) {
  const { t } = useTranslation();
  return (
    <dl className="card-fields summary-fields">
      <div className="card-field">
        <dt>{t('movement.vehicle')}</dt>
        <dd>
          <strong>{t(`movement.vehicles.${m.vehicle}`)}</strong>
          {m.vehicleNumber ? (
            <>
              {' · '}
              <strong className="nowrap">{m.vehicleNumber}</strong>
            </>
          ) : null}
          {m.seat ? ' · ' : null}
          {m.seat ? <span className="nowrap">{t('movement.seatValue', { seat: m.seat })}</span> : null}
        </dd>
      </div>
      <div className="card-field">
        <dt>{t('movement.departure')}</dt>
        <dd>
          <strong>{formatDateTime(m.departureAt)}</strong>
        </dd>
      </div>
      <div className="card-field">
        <dt>{t('movement.origin')}</dt>
        <dd>{m.origin.text}</dd>
      </div>
      <div className="card-field">
        <dt>{t('movement.destination')}</dt>
        <dd>
          <strong>{m.destination.text}</strong>
        </dd>
      </div>
      {m.purpose ? (
        <div className="card-field">
          <dt>{t('movement.purpose')}</dt>
          <dd>{m.purpose}</dd>
        </div>
      ) : null}
      <div className="card-field">
        <dt>{t('movement.companions')}</dt>
        <dd>
          {m.companions.length ? (
            <ul className="plain-list">
              {m.companions.map((c) => (
                <li key={`${c.fullName}-${c.birthYear}`}>
                  {c.fullName} ({c.birthYear})
                </li>
              ))}
            </ul>
          ) : (
            t('movement.noCompanions')
          )}
        </dd>
      </div>
      <div className="card-field">
        <dt>{t('movement.healthShort')}</dt>
        <dd>{m.hasSymptoms ? t('movement.groupHasSymptoms') : t('movement.groupNoSymptoms')}</dd>
      </div>
    </dl>
  );
}

function Actions({ movement: m, onChanged }: { movement: Movement; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<'arrive' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: 'arrive' | 'cancel') {
    setBusy(true);
    setError(null);
    try {
      if (action === 'arrive') await confirmArrival(m.id);
      else await cancelMovement(m.id);
      onChanged(action === 'arrive' ? t('movement.arrivedDone') : t('movement.cancelledDone'));
    } catch (err) {
      setError(errorMessage(err, t));
      setBusy(false);
    }
  }

  const canArrive = canConfirmArrival(m.status);
  const canChange = canChangeMovement(m.status);
  if (!canArrive && !canChange) return null;

  return (
    <section className="stack" aria-label={t('movement.actionsLabel')}>
      {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
      {confirming === 'arrive' ? (
        <div className="confirm-box">
          <p>{t('movement.arriveConfirm', { place: m.destination.text })}</p>
          <div className="row">
            <Button busy={busy} onClick={() => void run('arrive')}>
              {t('movement.arriveYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('movement.notYet')}
            </Button>
          </div>
        </div>
      ) : null}
      {confirming === 'cancel' ? (
        <div className="confirm-box">
          <p>{t('movement.cancelConfirm')}</p>
          <div className="row">
            <Button variant="danger" busy={busy} onClick={() => void run('cancel')}>
              {t('movement.cancelYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('movement.keep')}
            </Button>
          </div>
        </div>
      ) : null}
      {confirming === null && canArrive ? (
        // Before the checkpoint the QR is the main thing on this screen; after it, arriving is.
        <Button
          block
          variant={m.status === 'passed' ? 'primary' : 'secondary'}
          onClick={() => setConfirming('arrive')}
        >
          {t('movement.confirmArrival')}
        </Button>
      ) : null}
      {confirming === null && canChange ? (
        <div className="row">
          <Link href={`/movements/${m.id}/edit`} className="btn btn-secondary">
            {t('movement.edit')}
          </Link>
          <Button variant="secondary" className="btn-danger-outline" onClick={() => setConfirming('cancel')}>
            {t('movement.cancel')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
