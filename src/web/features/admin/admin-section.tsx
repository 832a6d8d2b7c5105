import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/use-api';
import { Section } from '../../ui/page-layout';
import { Tabs } from '../../ui/tabs';
import { invitationsPath, type OpenInvitation } from './admin-api';
import { AuditPanel } from './audit-panel';
import { InvitationsPanel } from './invitations-panel';
import { InvitePanel } from './invite-panel';
import { KeysPanel } from './keys-panel';
import { OutboxPanel } from './outbox-panel';

type AdminTab = 'outbox' | 'invite' | 'invitations' | 'keys' | 'audit';

export function AdminSection() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<AdminTab>('outbox');
  // Loaded here, not in its tab: the tab's title shows how many invitations wait.
  const invitations = useApi<{ invitations: OpenInvitation[] }>(invitationsPath);
  const openCount = invitations.status === 'ready' ? invitations.data.invitations.length : null;

  return (
    <Section title={t('admin.title')}>
      <Tabs
        label={t('admin.tabsLabel')}
        idPrefix="admin"
        selected={tab}
        onSelect={setTab}
        items={[
          { id: 'outbox', label: t('admin.tabOutbox') },
          { id: 'invite', label: t('admin.tabInvite') },
          {
            id: 'invitations',
            label:
              openCount === null
                ? t('admin.tabInvitations')
                : t('admin.tabInvitationsCount', { count: openCount }),
          },
          { id: 'keys', label: t('admin.tabKeys') },
          { id: 'audit', label: t('admin.tabAudit') },
        ]}
      >
        {tab === 'outbox' ? <OutboxPanel /> : null}
        {tab === 'invite' ? <InvitePanel onInvited={invitations.reload} /> : null}
        {tab === 'invitations' ? <InvitationsPanel invitations={invitations} /> : null}
        {tab === 'keys' ? <KeysPanel /> : null}
        {tab === 'audit' ? <AuditPanel /> : null}
      </Tabs>
    </Section>
  );
}
