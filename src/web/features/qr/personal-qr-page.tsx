import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickCurrentToken } from '../../../domain/codes';
import { decodeToken } from '../../../domain/signed-token';
import { ApiError } from '../../app/api-client';
import { errorMessage } from '../../app/form-errors';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useIsOnline } from '../../app/use-online';
import { BackLink } from '../../ui/back-link';
import { formatTime } from '../../ui/dates';
import { formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { QrCode } from '../../ui/qr-code';
import { StatusBanner } from '../../ui/status-banner';
import { useChosenPerson, useChosenPersonId } from '../citizen/chosen-person';
import { fetchCodes, type PersonsAnswer, paths } from '../citizen/citizen-api';
import { NeedProfile } from '../citizen/need-profile';
import { SymptomsText } from '../health/symptoms-text';
import { batchEnd, readBatch, readLastCodePerson, type StoredBatch, writeBatch } from './code-store';
import { StatusCard } from './status-card';

/** Fetch a new batch when less than this is left of the one kept (a batch covers an hour). */
const REFRESH_BEFORE_S = 30 * 60;
/** After a failed fetch, wait this long before the next try. */
const RETRY_AFTER_MS = 30_000;

/**
 * "Mã QR cá nhân" of the chosen person. Opened without a network (the app's session could not load),
 * it shows the batch kept on the phone.
 */
export function PersonalQrPage({ startedOffline = false }: { startedOffline?: boolean }) {
  const { t } = useTranslation();
  const chosenId = useChosenPersonId();
  const persons = useApi<PersonsAnswer>(startedOffline ? null : paths.persons);
  const list = persons.status === 'ready' ? persons.data.persons : undefined;
  const person = useChosenPerson(list);
  // Before the list arrives (or without a network), the remembered person: the QR shows at once.
  const personId = list ? (person?.id ?? null) : (chosenId ?? readLastCodePerson());

  let body = null;
  if (persons.status === 'ready' && !person) body = <NeedProfile />;
  else if (personId) body = <PersonalCode key={personId} personId={personId} canFetch={!startedOffline} />;
  else if (persons.status === 'failed') body = <LoadError error={persons.error} onRetry={persons.reload} />;
  else body = <Loading />;

  return (
    <Page title={t('qr.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      {body}
    </Page>
  );
}

function claimsOf(token: string): { name: string; year: number | null } {
  try {
    const p = decodeToken(token).payload;
    return { name: typeof p.n === 'string' ? p.n : '', year: typeof p.y === 'number' ? p.y : null };
  } catch {
    return { name: '', year: null };
  }
}

const isNetworkError = (err: unknown) => err instanceof ApiError && err.code === 'NETWORK';

function PersonalCode({ personId, canFetch }: { personId: string; canFetch: boolean }) {
  const { t } = useTranslation();
  const online = useIsOnline();
  const [stored, setStored] = useState<StoredBatch | null>(() => readBatch(personId));
  const [error, setError] = useState<unknown>(null);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const attempt = useRef({ at: 0, inFlight: false, fresh: false });
  const controller = useRef<AbortController | null>(null);

  // The token on screen changes every 5 minutes: look at the clock every second.
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      controller.current?.abort();
    };
  }, []);

  const nowS = Math.floor(nowMs / 1000);
  const end = stored ? batchEnd(stored.batch) : 0;

  useEffect(() => {
    const a = attempt.current;
    if (!canFetch || !online || a.inFlight) return;
    // Fresh on every visit (the colour may have changed), and again before the batch runs out.
    const isStale = !stored || !a.fresh || end - nowS < REFRESH_BEFORE_S;
    if (!isStale || Date.now() - a.at < RETRY_AFTER_MS) return;
    a.inFlight = true;
    a.at = Date.now();
    const c = new AbortController();
    controller.current = c;
    fetchCodes(personId, c.signal)
      .then(
        (batch) => {
          a.fresh = true;
          setStored(writeBatch(personId, batch));
          setError(null);
        },
        (err: unknown) => {
          if (!c.signal.aborted) setError(err);
        },
      )
      .finally(() => {
        a.inFlight = false;
      });
  }, [canFetch, online, stored, end, nowS, personId]);

  const isOffline = !canFetch || !online || isNetworkError(error);
  const current = stored ? pickCurrentToken(stored.batch.tokens, nowS) : null;

  if (!stored) {
    if (error && !isNetworkError(error)) {
      return (
        <LoadError
          error={error}
          onRetry={() => {
            attempt.current.at = 0;
          }}
        />
      );
    }
    if (isOffline) return <StatusBanner kind="warning">{t('qr.offlineNoCode')}</StatusBanner>;
    return <Loading />;
  }

  const { status, latestHealth } = stored.batch;
  const claims = current ? claimsOf(current.token) : claimsOf(stored.batch.tokens[0]?.token ?? '');

  return (
    <div className="stack">
      {isOffline ? (
        <StatusBanner kind="warning">
          <strong>{t('qr.offline')}</strong>{' '}
          {end > nowS ? <span>{t('qr.offlineValid', { time: formatTime(end * 1000) })}</span> : null}
        </StatusBanner>
      ) : null}
      {error && !isNetworkError(error) ? (
        <StatusBanner kind="error">{errorMessage(error, t)}</StatusBanner>
      ) : null}
      <div className={`qr-panel qr-panel-${status.colour}`}>
        <p className="qr-name">
          {claims.name}
          {claims.year ? (
            <>
              <span className="visually-hidden">, </span>
              <span className="qr-year">{t('person.bornIn', { year: claims.year })}</span>
            </>
          ) : null}
        </p>
        {current ? (
          <>
            <QrCode
              text={current.token}
              label={t('qr.qrLabel', { name: claims.name, colour: t(`qr.colours.${status.colour}`) })}
              className="qr-large"
            />
            <p className="qr-valid">{t('qr.validUntil', { time: formatTime(current.exp * 1000) })}</p>
          </>
        ) : (
          <StatusBanner kind="error">{t('qr.expired')}</StatusBanner>
        )}
        <StatusCard colour={status.colour} reasons={status.reasons} />
      </div>
      <p className="qr-note">{t('qr.screenshotUseless')}</p>
      <div className="latest-health">
        <h2 className="subheading">{t('qr.latestHealth')}</h2>
        {latestHealth ? (
          <p>
            {formatDateTime(latestHealth.at)}: <SymptomsText symptoms={latestHealth.symptoms} />
          </p>
        ) : (
          <p>{t('qr.noHealth')}</p>
        )}
        <Link href="/health" className="btn btn-secondary">
          {t('citizen.health')}
        </Link>
      </div>
      <p>
        <Link href={`/card/${personId}`}>{t('qr.printCard')}</Link>
      </p>
    </div>
  );
}
