import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyPoint, PosterSize } from '../../../domain/points';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { myPointsPath } from './points-api';

/** The server's limit of pages in one PDF. */
const MAX_POSTERS = 100;

/** Posters of many points in one PDF: tick the points the user manages, choose A4 or A5. */
export function PostersPage() {
  const { t } = useTranslation();
  const loaded = useApi<{ points: MyPoint[] }>(myPointsPath);
  const points = loaded.status === 'ready' ? loaded.data.points.filter((p) => p.isOwner) : [];
  const [ids, setIds] = useState<string[]>([]);
  const [size, setSize] = useState<PosterSize>('A4');
  const [error, setError] = useState<string | undefined>();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ids.length) {
      setError(t('pointPosters.chooseSome'));
      return;
    }
    if (ids.length > MAX_POSTERS) {
      setError(t('pointPosters.tooMany', { max: MAX_POSTERS }));
      return;
    }
    setError(undefined);
    const a = document.createElement('a');
    a.href = `/api/points/posters.pdf?ids=${ids.map(encodeURIComponent).join(',')}&size=${size}`;
    a.download = `vaora-posters-${size}.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
  }

  return (
    <Page title={t('pointPosters.title')}>
      <div className="stack">
        <BackLink href="/" label={t('app.backHome')} />
        <p>{t('pointPosters.intro')}</p>
        {loaded.status === 'loading' ? <Loading /> : null}
        {loaded.status === 'failed' ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
        {loaded.status === 'ready' && !points.length ? (
          <p className="muted">{t('pointPosters.empty')}</p>
        ) : null}
        {points.length ? (
          <form className="stack" onSubmit={submit} noValidate>
            <div className="row">
              <Button variant="secondary" onClick={() => setIds(points.map((p) => p.id))}>
                {t('pointPosters.all')}
              </Button>
              <Button variant="secondary" onClick={() => setIds([])}>
                {t('pointPosters.none')}
              </Button>
            </div>
            <CheckboxGroup
              legend={t('pointPosters.choose', { count: ids.length })}
              error={error}
              options={points.map((p) => ({
                value: p.id,
                label: (
                  <>
                    <strong>{p.name}</strong>
                    <span className="muted"> · {[p.address, p.communeName].filter(Boolean).join(', ')}</span>
                  </>
                ),
              }))}
              values={ids}
              onToggle={(id, checked) => {
                setError(undefined);
                setIds((now) => (checked ? [...now, id] : now.filter((x) => x !== id)));
              }}
            />
            <RadioGroup<PosterSize>
              legend={t('pointPosters.size')}
              name="poster-size"
              inline
              options={[
                { value: 'A4', label: t('pointPosters.sizeA4') },
                { value: 'A5', label: t('pointPosters.sizeA5') },
              ]}
              value={size}
              onChange={setSize}
            />
            <Button type="submit" block>
              {t('pointPosters.download', { count: ids.length })}
            </Button>
          </form>
        ) : null}
      </div>
    </Page>
  );
}
