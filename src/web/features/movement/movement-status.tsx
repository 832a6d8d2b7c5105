import { useTranslation } from 'react-i18next';
import type { MovementStatus } from '../../../domain/movement';
import { Icon, type IconName } from '../../ui/icons';

const look: Record<MovementStatus, { icon: IconName; tone: 'info' | 'ok' | 'warn' | 'bad' | 'neutral' }> = {
  declared: { icon: 'info', tone: 'info' },
  passed: { icon: 'check', tone: 'ok' },
  arrived: { icon: 'check', tone: 'ok' },
  followed: { icon: 'warning', tone: 'warn' },
  done: { icon: 'check', tone: 'ok' },
  cancelled: { icon: 'pause', tone: 'neutral' },
  expired: { icon: 'error', tone: 'bad' },
};

/** A declaration's status in colour, icon and words at once. */
export function MovementStatusBadge({ status }: { status: MovementStatus }) {
  const { t } = useTranslation();
  const { icon, tone } = look[status];
  return (
    <span className={`pill pill-${tone}`}>
      <Icon name={icon} />
      {t(`movement.statuses.${status}`)}
    </span>
  );
}
