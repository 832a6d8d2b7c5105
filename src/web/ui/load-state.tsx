import { useTranslation } from 'react-i18next';
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

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <StatusBanner
      kind="error"
      actions={
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    >
      {errorMessage(error, t)}
    </StatusBanner>
  );
}
