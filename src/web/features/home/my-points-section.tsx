import { useTranslation } from 'react-i18next';
import type { Role } from '../../../domain/access';
import { useApi } from '../../app/use-api';
import { LoadError, Loading } from '../../ui/load-state';
import { Section } from '../../ui/page-layout';
import { myPointsPath, type PointsAnswer } from '../points/points-api';
import { PointsList } from '../points/points-list';

/** Point managers, scanning staff and checkpoint staff: the points they work at. */
export function MyPointsSection({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const points = useApi<PointsAnswer>(myPointsPath);
  const count = points.status === 'ready' ? points.data.points.length : null;
  const title = count === null ? t('points.mineTitle') : t('points.mineCount', { count });
  return (
    <Section title={title} subtitle={roles.map((r) => t(`roles.${r}`)).join(' · ')}>
      {points.status === 'loading' ? <Loading /> : null}
      {points.status === 'failed' ? <LoadError error={points.error} onRetry={points.reload} /> : null}
      {points.status === 'ready' ? (
        points.data.points.length ? (
          <PointsList caption={title} points={points.data.points} />
        ) : (
          <p className="muted">{t('points.mineEmpty')}</p>
        )
      ) : null}
      <p className="muted">{t('points.scanSoon')}</p>
    </Section>
  );
}
