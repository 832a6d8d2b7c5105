import { useTranslation } from 'react-i18next';
import type { Role } from '../../../domain/access';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { LoadError, Loading } from '../../ui/load-state';
import { Section } from '../../ui/page-layout';
import { myPointsPath, type PointsAnswer } from '../points/points-api';
import { PointsList } from '../points/points-list';

/** Point managers, scanning staff and checkpoint staff: the points they work at. */
export function MyPointsSection({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const isOwner = roles.includes('point_owner');
  const points = useApi<PointsAnswer>(myPointsPath);
  const count = points.status === 'ready' ? points.data.points.length : null;
  const title = count === null ? t('points.mineTitle') : t('points.mineCount', { count });
  return (
    <Section title={title} subtitle={roles.map((r) => t(`roles.${r}`)).join(' · ')}>
      {points.status === 'loading' ? <Loading /> : null}
      {points.status === 'failed' ? <LoadError error={points.error} onRetry={points.reload} /> : null}
      {points.status === 'ready' ? (
        points.data.points.length ? (
          <PointsList
            caption={title}
            points={points.data.points}
            actions={(p) => (
              <span className="point-actions">
                <Link href={`/points/${p.id}/scan`} className="btn btn-primary">
                  {t('scanner.open')}
                  <span className="visually-hidden"> · {p.name}</span>
                </Link>
                {isOwner ? (
                  <Link href={`/points/${p.id}`} className="btn btn-secondary">
                    {t('points.manage')}
                    <span className="visually-hidden"> · {p.name}</span>
                  </Link>
                ) : null}
              </span>
            )}
          />
        ) : (
          <p className="muted">{t('points.mineEmpty')}</p>
        )
      ) : null}
      <nav className="more-links" aria-label={t('points.mineTitle')}>
        <Link href="/points/new">{t('pointNew.link')}</Link>
        {isOwner ? <Link href="/points/import">{t('pointImport.link')}</Link> : null}
        {isOwner ? <Link href="/points/posters">{t('pointPosters.link')}</Link> : null}
      </nav>
    </Section>
  );
}
