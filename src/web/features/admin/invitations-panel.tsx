import { useTranslation } from 'react-i18next';
import type { Loadable } from '../../app/use-api';
import { formatDateTime, formatPhone } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { ResponsiveList } from '../../ui/responsive-list';
import type { OpenInvitation } from './admin-api';

const POINT_ROLES = new Set(['point_owner', 'point_staff', 'checkpoint_staff']);

export function InvitationsPanel({
  invitations,
}: {
  invitations: Loadable<{ invitations: OpenInvitation[] }> & { reload: () => void };
}) {
  const { t } = useTranslation();
  if (invitations.status === 'loading') return <Loading />;
  if (invitations.status === 'failed')
    return <LoadError error={invitations.error} onRetry={invitations.reload} />;
  const rows = invitations.data.invitations;
  if (!rows.length) return <p className="muted">{t('admin.invitationsEmpty')}</p>;
  return (
    <ResponsiveList
      caption={t('admin.tabInvitations')}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { header: t('admin.inviteName'), cell: (r) => r.displayName },
        { header: t('admin.contact'), cell: (r) => (r.phone ? formatPhone(r.phone) : (r.email ?? '')) },
        { header: t('admin.role'), cell: (r) => t(`roles.${r.role}`) },
        {
          header: t('admin.area'),
          cell: (r) =>
            r.unitName
              ? r.unitName
              : POINT_ROLES.has(r.role)
                ? t('admin.pointsScope')
                : t('admin.wholeCountry'),
        },
        { header: t('admin.expiresAt'), cell: (r) => formatDateTime(r.expiresAt) },
      ]}
    />
  );
}
