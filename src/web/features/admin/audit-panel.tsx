import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../domain/access';
import { useApi } from '../../app/use-api';
import { formatDateTime, formatPhone } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { ResponsiveList } from '../../ui/responsive-list';
import { type AuditEntry, auditPath } from './admin-api';

const KNOWN_ROLES: readonly string[] = [...roles, 'citizen'];

/** The actor's role is shown in the reader's words. */
function actorLabel(e: AuditEntry, t: TFunction): string {
  if (!KNOWN_ROLES.includes(e.actorRole)) return e.actorName;
  return `${e.actorName} (${t(`roles.${e.actorRole as (typeof roles)[number] | 'citizen'}`)})`;
}

function actionLabel(action: string, t: TFunction): string {
  return action === 'read' || action === 'export' || action === 'update' || action === 'delete'
    ? t(`admin.auditActions.${action}`)
    : action;
}

/** Resources are written `outbox`, `outbox:<phone>`, `accounts`, `person:<id>`: internal ids stay hidden. */
function resourceLabel(resource: string, t: TFunction): string {
  const [kind, detail] = resource.split(/:(.*)/s);
  if (kind === 'outbox') {
    return detail
      ? `${t('admin.auditResources.outbox')}: ${formatPhone(detail)}`
      : t('admin.auditResources.outbox');
  }
  if (kind === 'accounts') return t('admin.auditResources.accounts');
  if (kind === 'person') return t('admin.auditResources.person');
  if (kind === 'point') return t('admin.auditResources.point');
  if (kind === 'legacy-codes') return t('admin.auditResources.legacyCodes');
  return t('admin.auditResources.other');
}

export function AuditPanel() {
  const { t } = useTranslation();
  const audit = useApi<{ entries: AuditEntry[] }>(auditPath, { limit: 100 });
  return (
    <div className="stack">
      <p>{t('admin.auditIntro')}</p>
      {audit.status === 'loading' ? <Loading /> : null}
      {audit.status === 'failed' ? <LoadError error={audit.error} onRetry={audit.reload} /> : null}
      {audit.status === 'ready' && !audit.data.entries.length ? (
        <p className="muted">{t('admin.auditEmpty')}</p>
      ) : null}
      {audit.status === 'ready' && audit.data.entries.length ? (
        <ResponsiveList
          caption={t('admin.tabAudit')}
          rows={audit.data.entries}
          rowKey={(e) => e.id}
          columns={[
            { header: t('admin.auditAt'), cell: (e) => formatDateTime(e.at) },
            { header: t('admin.auditActor'), cell: (e) => actorLabel(e, t) },
            { header: t('admin.auditAction'), cell: (e) => actionLabel(e.action, t) },
            { header: t('admin.auditResource'), cell: (e) => resourceLabel(e.resource, t) },
            { header: t('admin.auditPurpose'), cell: (e) => e.purpose },
          ]}
        />
      ) : null}
    </div>
  );
}
