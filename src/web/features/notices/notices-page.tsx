import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/form-errors';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { markAllNoticesRead, markNoticeRead, paths } from '../citizen/citizen-api';

export interface Notice {
  id: string;
  personId: string | null;
  personName: string | null;
  kind: 'exposure' | 'follow_up' | 'declaration' | 'info';
  params: Record<string, string | number | boolean | null>;
  createdAt: string;
  readAt: string | null;
}

export interface NoticesAnswer {
  notices: Notice[];
  unread: number;
}

/** The sentence of a notice, written here from its kind and parameters, in the user's language. */
function noticeText(n: Notice, t: TFunction): string {
  const p = n.params;
  const str = (k: string) => (typeof p[k] === 'string' && p[k] ? (p[k] as string) : null);
  const time = str('at') ? formatDateTime(str('at') as string) : null;
  switch (n.kind) {
    case 'exposure':
      return str('pointName') && time
        ? t('notices.texts.exposureAt', { place: str('pointName'), time })
        : t('notices.texts.exposure');
    case 'follow_up':
      return str('communeName')
        ? t('notices.texts.followUpIn', { commune: str('communeName') })
        : t('notices.texts.followUp');
    case 'declaration':
      return t('notices.texts.declaration');
    case 'info':
      return str('text') ?? t('notices.texts.info');
  }
}

/** "Thông báo": exposure warnings, follow-up reminders, notices about declarations. */
export function NoticesPage() {
  const { t } = useTranslation();
  const answer = useApi<NoticesAnswer>(paths.notices);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(id: string | 'all') {
    setBusy(id);
    setError(null);
    try {
      if (id === 'all') await markAllNoticesRead();
      else await markNoticeRead(id);
      answer.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  }

  const unread = answer.status === 'ready' ? answer.data.unread : 0;
  return (
    <Page title={unread ? t('notices.titleCount', { count: unread }) : t('notices.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
      {answer.status === 'loading' ? <Loading /> : null}
      {answer.status === 'failed' ? <LoadError error={answer.error} onRetry={answer.reload} /> : null}
      {answer.status === 'ready' ? (
        answer.data.notices.length ? (
          <div className="stack">
            {unread ? (
              <Button variant="secondary" busy={busy === 'all'} onClick={() => void run('all')}>
                {t('notices.readAll')}
              </Button>
            ) : null}
            <ul className="cards" aria-label={t('notices.title')}>
              {answer.data.notices.map((n) => (
                <li key={n.id} className={n.readAt ? 'card' : 'card card-unread'}>
                  <h2 className="card-title">
                    {n.kind === 'exposure' ? <Icon name="warning" className="notice-icon" /> : null}
                    {t(`notices.kinds.${n.kind}`)}
                  </h2>
                  <p className="card-meta">
                    {n.readAt ? null : <strong className="unread-word">{t('notices.unread')} · </strong>}
                    {formatDateTime(n.createdAt)}
                    {n.personName ? ` · ${t('notices.about', { name: n.personName })}` : null}
                  </p>
                  <p>{noticeText(n, t)}</p>
                  {n.readAt ? null : (
                    <Button variant="secondary" busy={busy === n.id} onClick={() => void run(n.id)}>
                      {t('notices.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="notice">{t('notices.empty')}</p>
        )
      ) : null}
    </Page>
  );
}
