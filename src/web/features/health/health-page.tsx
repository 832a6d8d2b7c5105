import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPathErrors, errorMessage, type FieldErrors } from '../../app/form-errors';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useDraft } from '../../app/use-draft';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { CheckboxField, focusFirstError } from '../../ui/choice-group';
import { formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { declareHealth, type HealthDeclaration, type PersonView, paths } from '../citizen/citizen-api';
import { NeedProfile } from '../citizen/need-profile';
import { PersonLine } from '../citizen/person-line';
import { useChosen } from '../citizen/use-citizen';
import {
  HealthAnswersFields,
  type HealthDraft,
  healthDraftFrom,
  healthErrorsFromPaths,
  validateHealthDraft,
} from './health-answers-fields';
import { SymptomsText } from './symptoms-text';

/** "Khai báo y tế" for the chosen person: the questions, then a confirmation. */
export function HealthPage() {
  const { t } = useTranslation();
  const { persons, list, person } = useChosen();
  return (
    <Page title={t('health.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      {persons.status === 'loading' ? <Loading /> : null}
      {persons.status === 'failed' ? <LoadError error={persons.error} onRetry={persons.reload} /> : null}
      {persons.status === 'ready' && !person ? <NeedProfile /> : null}
      {person ? (
        <>
          <PersonLine person={person} canSwitch={list.length > 1} />
          <HealthForPerson key={person.id} person={person} />
        </>
      ) : null}
    </Page>
  );
}

function HealthForPerson({ person }: { person: PersonView }) {
  const latest = useApi<{ declaration: HealthDeclaration | null }>(paths.latestHealth(person.id));
  const [done, setDone] = useState<HealthDeclaration | null>(null);
  if (done) return <HealthDone declaration={done} person={person} />;
  if (latest.status === 'loading') return <Loading />;
  // Without the last declaration the form still works: only the vaccination is not pre-filled.
  const last = latest.status === 'ready' ? latest.data.declaration : null;
  return <HealthForm person={person} last={last} onDone={setDone} />;
}

function HealthForm({
  person,
  last,
  onDone,
}: {
  person: PersonView;
  last: HealthDeclaration | null;
  onDone: (d: HealthDeclaration) => void;
}) {
  const { t } = useTranslation();
  const draft = useDraft<HealthDraft & { consent: boolean }>(`health.${person.id}`, () => ({
    ...healthDraftFrom(last?.answers),
    consent: false,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { consent, ...answersDraft } = draft.value;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const { answers, errors: found } = validateHealthDraft(answersDraft, consent, t);
    if (!answers) {
      setErrors(found);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { declaration } = await declareHealth(person.id, answers);
      draft.clear();
      onDone(declaration);
    } catch (err) {
      const fields = healthErrorsFromPaths(apiPathErrors(err), 'answers.');
      if (Object.keys(fields).length) {
        setErrors(fields);
        focusFirstError(formRef.current);
      } else setFormError(errorMessage(err, t));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate>
      <p className="lead">{t('health.intro')}</p>
      {last ? <p className="muted">{t('health.lastAt', { time: formatDateTime(last.createdAt) })}</p> : null}
      {draft.restored ? <StatusBanner kind="info">{t('common.draftRestored')}</StatusBanner> : null}
      {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
      <HealthAnswersFields name="self" value={answersDraft} onChange={draft.update} errors={errors} />
      <CheckboxField
        label={t('health.consent')}
        checked={consent}
        onChange={(checked) => draft.update({ consent: checked })}
        error={errors.consent}
      />
      <Button type="submit" block busy={busy}>
        {t('health.submit')}
      </Button>
      <Link href="/health/history" className="btn btn-quiet">
        {t('health.historyLink')}
      </Link>
    </form>
  );
}

function HealthDone({ declaration, person }: { declaration: HealthDeclaration; person: PersonView }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <StatusBanner kind="success">
        <strong>{t('health.doneTitle')}</strong>
        <br />
        {t('health.doneText', { name: person.fullName, time: formatDateTime(declaration.createdAt) })}
      </StatusBanner>
      <p>
        <SymptomsText symptoms={declaration.answers.symptoms} />
      </p>
      <Link href="/qr" className="btn btn-primary btn-block">
        {t('citizen.qr')}
      </Link>
      <div className="row">
        <Link href="/health/history" className="btn btn-secondary">
          {t('health.historyLink')}
        </Link>
        <Link href="/" className="btn btn-secondary">
          {t('app.backHome')}
        </Link>
      </div>
    </div>
  );
}
