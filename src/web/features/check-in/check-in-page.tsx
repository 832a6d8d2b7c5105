import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/form-errors';
import { Link } from '../../app/router';
import { Button } from '../../ui/button';
import { CheckboxField } from '../../ui/choice-group';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import type { PersonView } from '../citizen/citizen-api';
import { NeedProfile } from '../citizen/need-profile';
import { useChosen } from '../citizen/use-citizen';
import { checkInSelf, type ResolvedPoint, resolvePointCode, type SelfCheckIn } from './check-in-api';

type Resolved =
  | { status: 'loading' }
  | { status: 'ready'; data: ResolvedPoint }
  | { status: 'failed'; error: unknown };

/**
 * What a phone's camera opens from a point's poster (`/c/<code>`): the point's name, who is here
 * (the holder ticked, family members one tap each), and one button to confirm.
 */
export function CheckInPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [resolved, setResolved] = useState<Resolved>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt forces a retry
  useEffect(() => {
    let alive = true;
    setResolved({ status: 'loading' });
    resolvePointCode(code).then(
      (data) => alive && setResolved({ status: 'ready', data }),
      (error: unknown) => alive && setResolved({ status: 'failed', error }),
    );
    return () => {
      alive = false;
    };
  }, [code, attempt]);

  return (
    <Page title={t('checkIn.title')}>
      {resolved.status === 'loading' ? <Loading /> : null}
      {resolved.status === 'failed' ? (
        <>
          <LoadError error={resolved.error} onRetry={() => setAttempt((n) => n + 1)} />
          <Link href="/" className="btn btn-secondary btn-block">
            {t('app.backHome')}
          </Link>
        </>
      ) : null}
      {resolved.status === 'ready' ? <CheckInForm code={code} resolved={resolved.data} /> : null}
    </Page>
  );
}

function PointCard({ point }: { point: ResolvedPoint['point'] }) {
  const { t } = useTranslation();
  return (
    <div className="card point-card">
      <p className="muted">{t('checkIn.at')}</p>
      <h2 className="card-title">{point.name}</h2>
      <p>{[point.address, point.communeName, point.provinceName].filter(Boolean).join(', ')}</p>
    </div>
  );
}

function CheckInForm({ code, resolved }: { code: string; resolved: ResolvedPoint }) {
  const { t } = useTranslation();
  const { persons, list } = useChosen();
  const self = list.find((p) => p.isSelf);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [busy, setBusy] = useState<'in' | 'out' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ direction: 'in' | 'out'; checkIns: SelfCheckIn[] } | null>(null);
  const picked = chosen ?? new Set(self ? [self.id] : []);

  if (persons.status === 'loading') return <Loading />;
  if (persons.status === 'failed') return <LoadError error={persons.error} onRetry={persons.reload} />;
  if (!self) {
    return (
      <>
        <PointCard point={resolved.point} />
        <NeedProfile />
      </>
    );
  }

  function toggle(p: PersonView, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(p.id);
    else next.delete(p.id);
    setChosen(next);
  }

  async function send(direction: 'in' | 'out') {
    setBusy(direction);
    setError(null);
    try {
      const ids = list.filter((p) => picked.has(p.id)).map((p) => p.id);
      const answer = await checkInSelf(code, ids, direction);
      setDone({ direction, checkIns: answer.checkIns });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const names = (checkIns: SelfCheckIn[]) =>
    checkIns.map((c) => list.find((p) => p.id === c.personId)?.fullName ?? '').filter(Boolean);

  if (done) {
    const at = done.checkIns[0]?.at;
    return (
      <div className="stack">
        <div className="scan-card scan-card-ok" role="status">
          <p className="scan-card-title">
            <Icon name="check" className="scan-card-icon" />
            {done.direction === 'in' ? t('checkIn.doneIn') : t('checkIn.doneOut')}
          </p>
          <p className="scan-card-name">{resolved.point.name}</p>
          {at ? <p>{t('checkIn.doneAt', { time: formatDateTime(at) })}</p> : null}
          <p>{names(done.checkIns).join(', ')}</p>
        </div>
        {done.direction === 'in' ? (
          <Button variant="secondary" block busy={busy === 'out'} onClick={() => void send('out')}>
            {t('checkIn.out')}
          </Button>
        ) : null}
        {error ? <StatusBanner kind="error">{errorMessage(error, t)}</StatusBanner> : null}
        <Link href="/" className="btn btn-secondary btn-block">
          {t('app.backHome')}
        </Link>
      </div>
    );
  }

  return (
    <div className="stack">
      <PointCard point={resolved.point} />
      <fieldset className="choice-group">
        <legend className="field-label">{t('checkIn.who')}</legend>
        {list.map((p) => (
          <CheckboxField
            key={p.id}
            label={p.isSelf ? t('checkIn.self', { name: p.fullName }) : `${p.fullName} (${p.birthYear})`}
            checked={picked.has(p.id)}
            onChange={(on) => toggle(p, on)}
          />
        ))}
      </fieldset>
      {error ? <StatusBanner kind="error">{errorMessage(error, t)}</StatusBanner> : null}
      <Button block busy={busy === 'in'} disabled={!picked.size} onClick={() => void send('in')}>
        {t('checkIn.confirm')}
      </Button>
      {!picked.size ? <p className="muted">{t('checkIn.chooseSomeone')}</p> : null}
    </div>
  );
}
