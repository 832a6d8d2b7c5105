import { useTranslation } from 'react-i18next';
import type { Symptom } from '../../../domain/health';

/** "Triệu chứng: Sốt, Ho" or "Không có triệu chứng", in words. */
export function SymptomsText({ symptoms }: { symptoms: readonly Symptom[] }) {
  const { t } = useTranslation();
  if (!symptoms.length) return <>{t('health.noSymptoms')}</>;
  return (
    <>{t('health.symptomsList', { list: symptoms.map((s) => t(`health.symptomNames.${s}`)).join(', ') })}</>
  );
}
