import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client';
import { errorMessage } from '../app/form-errors';
import { Button } from './button';
import { StatusBanner } from './status-banner';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Worth trying again: no network, a busy or failing server, a time-out. Not a refused request. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'NETWORK' || error.status >= 500 || error.status === 429 || error.status === 408;
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <StatusBanner
      kind="error"
      actions={
        isTransient(error) ? (
          <Button variant="secondary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      {errorMessage(error, t)}
    </StatusBanner>
  );
}
