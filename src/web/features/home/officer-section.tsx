import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../domain/schemas/auth';
import { useApi } from '../../app/use-api';
import { LoadError, Loading } from '../../ui/load-state';
import { Section } from '../../ui/page-layout';
import { areaPointsPath, type PointsAnswer } from '../points/points-api';
import { PointsList } from '../points/points-list';
import { AddressPicker } from '../units/address-picker';
import type { UnitChoice } from '../units/units-api';

type Grant = Me['grants'][number];

/**
 * A health officer's area and its check-in points. A commune officer's commune is fixed; a province
 * officer sees the province, or one of its communes; a national officer picks any place.
 */
export function OfficerSection({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<UnitChoice | null>(null);
  const { scope } = grant;
  const areaName =
    scope.level === 'country' ? t('officer.wholeCountry') : (grant.unitName ?? t('officer.unknownArea'));
  const title =
    scope.level === 'commune'
      ? t('officer.titleCommune')
      : scope.level === 'province'
        ? t('officer.titleProvince')
        : t('officer.titleCountry');

  let shown: { code: string; name: string } | null = null;
  if (scope.level === 'commune') shown = { code: scope.communeCode, name: areaName };
  else if (scope.level === 'province') shown = chosen ?? { code: scope.provinceCode, name: areaName };
  else if (chosen) shown = chosen;

  return (
    <Section title={title} subtitle={t('officer.area', { name: areaName })}>
      {scope.level === 'province' ? (
        <AddressPicker
          label={t('officer.pickUnit')}
          hint={t('officer.pickUnitHint')}
          level="commune"
          provinceCode={scope.provinceCode}
          value={chosen}
          onChange={setChosen}
        />
      ) : null}
      {scope.level === 'country' ? (
        <AddressPicker
          label={t('officer.pickAnyUnit')}
          hint={t('officer.pickAnyHint')}
          level="any"
          value={chosen}
          onChange={setChosen}
        />
      ) : null}
      {shown ? (
        <AreaPoints code={shown.code} name={shown.name} />
      ) : (
        <p className="muted">{t('officer.choosePrompt')}</p>
      )}
    </Section>
  );
}

function AreaPoints({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const points = useApi<PointsAnswer>(areaPointsPath(code));
  if (points.status === 'loading') return <Loading />;
  if (points.status === 'failed') return <LoadError error={points.error} onRetry={points.reload} />;
  const title = t('officer.pointsOf', { name, count: points.data.points.length });
  return (
    <div className="stack">
      <h3 className="subheading">{title}</h3>
      {points.data.points.length ? (
        <PointsList caption={title} points={points.data.points} cardHeading="h4" />
      ) : (
        <p className="muted">{t('officer.noPoints')}</p>
      )}
    </div>
  );
}
