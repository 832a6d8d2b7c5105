import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { errorMessage } from '../../app/form-errors';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { clearPersonalData } from '../../app/storage';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page, Section } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { TextField } from '../../ui/text-field';
import { paths } from '../citizen/citizen-api';

interface AccessEntry {
  id: string;
  at: string;
  actorName: string;
  actorRole: string;
  action: 'read' | 'export' | 'update' | 'delete';
  purpose: string;
  personId: string;
  personName: string;
}

/** The word typed to delete the account, as the API wants it: no diacritics, so any keyboard has it. */
const DELETION_WORD = 'XOA';

/** "Quyền riêng tư": who looked at the data of the account's persons, and deleting the account. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const log = useApi<{ entries: AccessEntry[] }>(paths.accessLog, { limit: 50 });
  return (
    <Page title={t('privacy.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      <p className="lead">{t('privacy.intro')}</p>
      <Section title={t('privacy.logTitle')} subtitle={t('privacy.logIntro')}>
        {log.status === 'loading' ? <Loading /> : null}
        {log.status === 'failed' ? <LoadError error={log.error} onRetry={log.reload} /> : null}
        {log.status === 'ready' ? (
          log.data.entries.length ? (
            <ul className="cards" aria-label={t('privacy.logTitle')}>
              {log.data.entries.map((e) => (
                <li key={e.id} className="card">
                  <h3 className="card-title">{e.actorName}</h3>
                  <p className="card-meta">{t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}</p>
                  <dl className="card-fields">
                    <div className="card-field">
                      <dt>{t('privacy.at')}</dt>
                      <dd>{formatDateTime(e.at)}</dd>
                    </div>
                    <div className="card-field">
                      <dt>{t('privacy.action')}</dt>
                      <dd>
                        {t(`admin.auditActions.${e.action}`)} · {e.personName}
                      </dd>
                    </div>
                    <div className="card-field">
                      <dt>{t('privacy.purpose')}</dt>
                      <dd>{e.purpose}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('privacy.logEmpty')}</p>
          )
        ) : null}
      </Section>
      <DeleteAccount />
    </Page>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
  const { reload } = useSession();
  const [open, setOpen] = useState(false);
  const [word, setWord] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (word.trim().toUpperCase() !== DELETION_WORD) {
      setError(t('privacy.deleteWordWrong', { word: DELETION_WORD }));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await api('DELETE', '/api/me', { confirm: DELETION_WORD });
      clearPersonalData();
      navigate('/', { replace: true });
      reload();
    } catch (err) {
      setFormError(errorMessage(err, t));
      setBusy(false);
    }
  }

  return (
    <Section title={t('privacy.deleteTitle')}>
      <StatusBanner kind="warning">{t('privacy.deleteWarning')}</StatusBanner>
      {open ? (
        <form className="stack" onSubmit={submit} noValidate>
          {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
          <TextField
            label={t('privacy.deleteWordLabel', { word: DELETION_WORD })}
            hint={t('privacy.deleteWordHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={word}
            onChange={(e) => setWord(e.currentTarget.value)}
            error={error}
          />
          <div className="row">
            <Button type="submit" variant="danger" busy={busy}>
              {t('privacy.deleteSubmit')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" className="btn-danger-outline" onClick={() => setOpen(true)}>
          {t('privacy.deleteStart')}
        </Button>
      )}
    </Section>
  );
}
