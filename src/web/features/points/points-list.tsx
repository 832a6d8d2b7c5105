import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { ResponsiveList } from '../../ui/responsive-list';
import type { PointSummary } from './points-api';

export function PointStatus({ isOpen }: { isOpen: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={isOpen ? 'status status-ok' : 'status status-neutral'}>
      <Icon name={isOpen ? 'check' : 'pause'} />
      {isOpen ? t('points.open') : t('points.closed')}
    </span>
  );
}

/** Check-in points: a table on a PC, cards on a phone. */
export function PointsList({
  caption,
  points,
  cardHeading,
  actions,
}: {
  caption: string;
  points: PointSummary[];
  cardHeading?: 'h3' | 'h4';
  /** What the viewer can do with a point (scan, manage): links in a last column. */
  actions?: (p: PointSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ResponsiveList
      caption={caption}
      {...(cardHeading ? { cardHeading } : {})}
      rows={points}
      rowKey={(p) => p.id}
      columns={[
        { header: t('points.name'), cell: (p) => p.name },
        { header: t('points.kind'), cell: (p) => t(`points.kinds.${p.kind}`) },
        {
          header: t('points.address'),
          cell: (p) => [p.address, p.communeName].filter(Boolean).join(', '),
        },
        { header: t('points.status'), cell: (p) => <PointStatus isOpen={p.isOpen} /> },
        ...(actions ? [{ header: t('points.actions'), cell: actions }] : []),
      ]}
    />
  );
}
