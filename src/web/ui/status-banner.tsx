import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './icons';

export type BannerKind = 'error' | 'success' | 'info' | 'warning';

const icons: Record<BannerKind, IconName> = {
  error: 'error',
  success: 'check',
  info: 'info',
  warning: 'warning',
};

const words = {
  error: 'common.error',
  success: 'common.success',
  info: 'common.info',
  warning: 'common.warning',
} as const;

/**
 * A message about the whole screen, told by colour, icon and a word at once. Errors interrupt a screen
 * reader (alert); the others wait their turn (status).
 */
export function StatusBanner({
  kind,
  children,
  actions,
}: {
  kind: BannerKind;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Icon name={icons[kind]} className="banner-icon" />
      <div className="banner-body">
        <span className="visually-hidden">{t(words[kind])}: </span>
        {children}
        {actions ? <div className="banner-actions">{actions}</div> : null}
      </div>
    </div>
  );
}
