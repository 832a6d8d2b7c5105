import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { errorMessage } from '../../app/form-errors';
import { useApi } from '../../app/use-api';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { LoadError, Loading } from '../../ui/load-state';
import { ResponsiveList } from '../../ui/responsive-list';
import { StatusBanner } from '../../ui/status-banner';
import { keysPath, rotateKey, type SigningKey } from './admin-api';

function KeyStatus({ k }: { k: SigningKey }) {
  const { t } = useTranslation();
  if (k.isActive) {
    return (
      <span className="status status-ok">
        <Icon name="check" />
        {t('admin.keyActive')}
      </span>
    );
  }
  const isExpired = k.expiresAt !== null && new Date(k.expiresAt).getTime() <= Date.now();
  if (isExpired) {
    return (
      <span className="status status-bad">
        <Icon name="error" />
        {t('admin.keyExpired')}
      </span>
    );
  }
  return (
    <span className="status status-neutral">
      <Icon name="pause" />
      {k.expiresAt
        ? t('admin.keyRetired', { time: formatDateTime(k.expiresAt) })
        : t('admin.keyRetiredNoEnd')}
    </span>
  );
}

/** Signing keys and their rotation; says so plainly when the server has no such routes yet. */
export function KeysPanel() {
  const { t } = useTranslation();
  const keys = useApi<{ keys: SigningKey[] }>(keysPath);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function rotate() {
    setBusy(true);
    setOutcome(null);
    try {
      await rotateKey();
      setOutcome({ kind: 'success', text: t('admin.rotated') });
      keys.reload();
    } catch (err) {
      setOutcome({ kind: 'error', text: errorMessage(err, t) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (keys.status === 'loading') return <Loading />;
  if (keys.status === 'failed') {
    if (keys.error instanceof ApiError && keys.error.status === 404) {
      return <StatusBanner kind="info">{t('admin.keysUnavailable')}</StatusBanner>;
    }
    return <LoadError error={keys.error} onRetry={keys.reload} />;
  }
  const list = [...keys.data.keys].sort(
    (a, b) => Number(b.isActive) - Number(a.isActive) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <div className="stack">
      <p>{t('admin.keysIntro')}</p>
      {outcome ? <StatusBanner kind={outcome.kind}>{outcome.text}</StatusBanner> : null}
      {confirming ? (
        <StatusBanner
          kind="warning"
          actions={
            <>
              <Button variant="danger" busy={busy} onClick={() => void rotate()}>
                {busy ? t('admin.rotating') : t('admin.rotateConfirmButton')}
              </Button>
              <Button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          {t('admin.rotateConfirm')}
        </StatusBanner>
      ) : (
        <div className="row">
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('admin.rotate')}
          </Button>
        </div>
      )}
      {list.length ? (
        <ResponsiveList
          caption={t('admin.tabKeys')}
          rows={list}
          rowKey={(k) => k.kid}
          cardTitle={(k) => (
            <>
              {t('admin.keyId')}: <code>{k.kid}</code>
            </>
          )}
          columns={[
            { header: t('admin.keyId'), cell: (k) => <code>{k.kid}</code> },
            { header: t('admin.keyCreated'), cell: (k) => formatDateTime(k.createdAt) },
            { header: t('admin.keyStatus'), cell: (k) => <KeyStatus k={k} /> },
          ]}
        />
      ) : (
        <p className="muted">{t('admin.keysEmpty')}</p>
      )}
    </div>
  );
}
