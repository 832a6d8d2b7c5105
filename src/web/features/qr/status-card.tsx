import { useTranslation } from 'react-i18next';
import type { StatusColour, StatusReason } from '../../../domain/status';
import { Icon, type IconName } from '../../ui/icons';

const icons: Record<StatusColour, IconName> = { green: 'check', yellow: 'warning', red: 'error' };

/**
 * The colour of a personal QR told three ways: the colour itself, an icon, and words ("Xanh", with why).
 */
export function StatusCard({ colour, reasons }: { colour: StatusColour; reasons: readonly StatusReason[] }) {
  const { t } = useTranslation();
  return (
    <div className={`status-card status-card-${colour}`}>
      <p className="status-card-head">
        <Icon name={icons[colour]} className="status-card-icon" />
        <span>
          <span className="status-card-label">{t('qr.statusLabel')} </span>
          <strong className="status-card-word">{t(`qr.colours.${colour}`)}</strong>
        </span>
      </p>
      {reasons.length ? (
        <ul className="status-card-reasons">
          {reasons.map((r) => (
            <li key={r}>{t(`qr.reasons.${r}`)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
