import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dailyDeclarationInputSchema, type Symptom } from '../../../domain/health';
import { errorMessage, zodFieldErrors } from '../../app/form-errors';
import { useApi } from '../../app/use-api';
import { Button } from '../../ui/button';
import { CheckboxField, CheckboxGroup } from '../../ui/choice-group';
import { formatDate, formatTime, todayVnIso } from '../../ui/dates';
import { LoadError, Loading } from '../../ui/load-state';
import { Section } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { type DailyDeclaration as Daily, declareDaily, paths } from '../citizen/citizen-api';
import { symptomOptions } from '../health/health-answers-fields';
import { SymptomsText } from '../health/symptoms-text';

/** "Khai báo sức khỏe hằng ngày" while the destination commune follows the traveller up. */
export function DailyDeclaration({ movementId }: { movementId: string }) {
  const { t } = useTranslation();
  const list = useApi<{ declarations: Daily[] }>(`${paths.movement(movementId)}/daily`);
  const [again, setAgain] = useState(false);
  const today =
    list.status === 'ready' ? list.data.declarations.find((d) => d.day === todayVnIso()) : undefined;

  return (
    <Section title={t('movement.dailyTitle')} subtitle={t('movement.dailyIntro')}>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'failed' ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' ? (
        <>
          {today && !again ? (
            <StatusBanner
              kind="success"
              actions={
                <Button variant="secondary" onClick={() => setAgain(true)}>
                  {t('movement.dailyAgain')}
                </Button>
              }
            >
              <span>
                {t('movement.dailyDone', { time: formatTime(today.createdAt) })}{' '}
                {today.healthy ? t('movement.healthy') : <SymptomsText symptoms={today.symptoms} />}
              </span>
            </StatusBanner>
          ) : (
            <DailyForm
              movementId={movementId}
              onDone={() => {
                setAgain(false);
                list.reload();
              }}
            />
          )}
          {list.data.declarations.length ? (
            <ul className="cards" aria-label={t('movement.dailyHistory')}>
              {list.data.declarations.map((d) => (
                <li key={d.day} className="card">
                  <h3 className="card-title">{formatDate(`${d.day}T12:00:00+07:00`)}</h3>
                  <p>{d.healthy ? t('movement.healthy') : <SymptomsText symptoms={d.symptoms} />}</p>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

function DailyForm({ movementId, onDone }: { movementId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [healthy, setHealthy] = useState(false);
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const body = { healthy, symptoms: healthy ? [] : symptoms };
    const parsed = dailyDeclarationInputSchema.safeParse(body);
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error, t).symptoms ?? t('validation.healthyOrSymptoms'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await declareDaily(movementId, parsed.data);
      onDone();
    } catch (err) {
      setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
      <CheckboxField
        label={<strong>{t('movement.healthy')}</strong>}
        checked={healthy}
        onChange={(checked) => {
          setHealthy(checked);
          if (checked) setSymptoms([]);
        }}
        error={error}
      />
      <CheckboxGroup
        legend={t('movement.dailySymptoms')}
        options={symptomOptions(t)}
        values={symptoms}
        onToggle={(s, checked) => {
          setHealthy(false);
          setSymptoms((list) =>
            checked ? [...list.filter((x) => x !== s), s] : list.filter((x) => x !== s),
          );
        }}
      />
      <Button type="submit" block busy={busy}>
        {t('movement.dailySubmit')}
      </Button>
    </form>
  );
}
