import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { errorMessage } from '../../app/form-errors';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { type PersonView, paths } from '../citizen/citizen-api';
import { NeedProfile } from '../citizen/need-profile';
import { PersonLine } from '../citizen/person-line';
import { useChosen } from '../citizen/use-citizen';

interface CheckIn {
  id: string;
  at: string;
  pointId: string;
  pointName: string | null;
  communeName: string | null;
  provinceName: string | null;
  method: 'self_scan' | 'staff_scan' | 'id_card' | 'hand_entry' | 'legacy_code' | 'national_qr';
  direction: 'in' | 'out';
}

interface Answer {
  checkIns: CheckIn[];
  nextBefore: string | null;
}

const PAGE = 30;

/** "Lịch sử quét mã": where the chosen person checked in, newest first, a page at a time. */
export function CheckInsPage() {
  const { t } = useTranslation();
  const { persons, list, person } = useChosen();
  return (
    <Page title={t('checkIns.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      {persons.status === 'loading' ? <Loading /> : null}
      {persons.status === 'failed' ? <LoadError error={persons.error} onRetry={persons.reload} /> : null}
      {persons.status === 'ready' && !person ? <NeedProfile /> : null}
      {person ? (
        <>
          <PersonLine person={person} canSwitch={list.length > 1} viewing />
          <p className="muted">{t('checkIns.intro')}</p>
          <History key={person.id} person={person} />
        </>
      ) : null}
    </Page>
  );
}

function History({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<CheckIn[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt forces a reload (retry)
  useEffect(() => {
    const controller = new AbortController();
    setState('loading');
    api<Answer>('GET', paths.checkIns(person.id), undefined, {
      query: { limit: PAGE },
      signal: controller.signal,
    }).then(
      (a) => {
        setItems(a.checkIns);
        setNext(a.nextBefore);
        setState('ready');
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setState('failed');
      },
    );
    return () => controller.abort();
  }, [person.id, attempt]);

  async function more() {
    if (!next) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const a = await api<Answer>('GET', paths.checkIns(person.id), undefined, {
        query: { limit: PAGE, before: next },
      });
      setItems((old) => [...old, ...a.checkIns]);
      setNext(a.nextBefore);
    } catch (err) {
      setMoreError(errorMessage(err, t));
    } finally {
      setLoadingMore(false);
    }
  }

  if (state === 'loading') return <Loading />;
  if (state === 'failed') return <LoadError error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!items.length) return <p className="notice">{t('checkIns.empty')}</p>;
  return (
    <div className="stack">
      <ul className="cards" aria-label={t('checkIns.title')}>
        {items.map((c) => (
          <li key={c.id} className="card">
            <h2 className="card-title">{c.pointName ?? t('checkIns.unknownPoint')}</h2>
            <p className="card-meta">{[c.communeName, c.provinceName].filter(Boolean).join(', ')}</p>
            <dl className="card-fields">
              <div className="card-field">
                <dt>{t('checkIns.at')}</dt>
                <dd>{formatDateTime(c.at)}</dd>
              </div>
              <div className="card-field">
                <dt>{t('checkIns.how')}</dt>
                <dd>
                  {t(`checkIns.methods.${c.method}`)} · {t(`checkIns.directions.${c.direction}`)}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {moreError ? <StatusBanner kind="error">{moreError}</StatusBanner> : null}
      {next ? (
        <Button variant="secondary" busy={loadingMore} onClick={() => void more()}>
          {t('checkIns.more')}
        </Button>
      ) : null}
    </div>
  );
}
