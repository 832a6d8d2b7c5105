import { useTranslation } from 'react-i18next';
import type { Role } from '../../../domain/access';
import { useMe } from '../../app/session';
import { formatPhone } from '../../ui/format';
import { Page } from '../../ui/page-layout';
import { AdminSection } from '../admin/admin-section';
import { useChosen } from '../citizen/use-citizen';
import { CitizenSection } from './citizen-section';
import { MyPointsSection } from './my-points-section';
import { OfficerSection } from './officer-section';

const POINT_ROLES: readonly Role[] = ['point_owner', 'point_staff', 'checkpoint_staff'];

/**
 * One home for everyone, with a section per role held: staff work first, then what every person with a
 * phone has as a citizen.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const chosen = useChosen(me.isCitizen);
  // A citizen who filled in the profile is greeted by the name written there.
  const self = chosen.list.find((p) => p.isSelf);
  const name = me.displayName || self?.fullName || (me.phone ? formatPhone(me.phone) : (me.email ?? ''));
  const roles = [...new Set(me.grants.map((g) => g.role))];
  const isAdmin = roles.includes('admin');
  const officerGrants = me.grants.filter((g) => g.role === 'health_officer');
  const pointRoles = roles.filter((r) => POINT_ROLES.includes(r));
  const roleNames = [...roles.map((r) => t(`roles.${r}`)), ...(me.isCitizen ? [t('roles.citizen')] : [])];

  return (
    <Page title={t('home.greeting', { name })}>
      {roles.length ? <p className="roles-line">{roleNames.join(' · ')}</p> : null}
      {isAdmin ? <AdminSection /> : null}
      {officerGrants.map((g) => (
        <OfficerSection
          key={`${g.scope.level}:${'provinceCode' in g.scope ? g.scope.provinceCode : ''}:${'communeCode' in g.scope ? g.scope.communeCode : ''}`}
          grant={g}
        />
      ))}
      {pointRoles.length ? <MyPointsSection roles={pointRoles} /> : null}
      {me.isCitizen ? <CitizenSection me={me} chosen={chosen} /> : null}
      {!roles.length && !me.isCitizen ? <p>{t('home.intro')}</p> : null}
    </Page>
  );
}
