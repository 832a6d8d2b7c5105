import { useTranslation } from 'react-i18next';
import type { HealthAnswers } from '../../../domain/health';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { isoToDmy } from '../../ui/dates';
import { formatDateTime } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { type HealthDeclaration, type PersonView, paths } from '../citizen/citizen-api';
import { NeedProfile } from '../citizen/need-profile';
import { PersonLine } from '../citizen/person-line';
import { useChosen } from '../citizen/use-citizen';
import { SymptomsText } from './symptoms-text';

/** The chosen person's health declarations, newest first, as cards. */
export function HealthHistoryPage() {
  const { t } = useTranslation();
  const { persons, list, person } = useChosen();
  return (
    <Page title={t('health.historyTitle')}>
      <BackLink href="/health" label={t('health.title')} />
      {persons.status === 'loading' ? <Loading /> : null}
      {persons.status === 'failed' ? <LoadError error={persons.error} onRetry={persons.reload} /> : null}
      {persons.status === 'ready' && !person ? <NeedProfile /> : null}
      {person ? (
        <>
          <PersonLine person={person} canSwitch={list.length > 1} viewing />
          <History person={person} />
        </>
      ) : null}
    </Page>
  );
}

function History({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const history = useApi<{ declarations: HealthDeclaration[] }>(paths.health(person.id), { limit: 30 });
  if (history.status === 'loading') return <Loading />;
  if (history.status === 'failed') return <LoadError error={history.error} onRetry={history.reload} />;
  const items = history.data.declarations;
  if (!items.length)
    return (
      <div className="stack">
        <p className="muted">{t('health.historyEmpty')}</p>
        <Link href="/health" className="btn btn-primary btn-block">
          {t('citizen.health')}
        </Link>
      </div>
    );
  return (
    <ul className="cards" aria-label={t('health.historyTitle')}>
      {items.map((d) => (
        <li key={d.id} className="card">
          <h2 className="card-title">{formatDateTime(d.createdAt)}</h2>
          <AnswersSummary answers={d.answers} />
        </li>
      ))}
    </ul>
  );
}

/** The answers of a declaration in a few lines of words. */
export function AnswersSummary({ answers }: { answers: HealthAnswers }) {
  const { t } = useTranslation();
  const yes = (v: boolean) => (v ? t('health.yes') : t('health.no'));
  return (
    <dl className="card-fields">
      <div className="card-field">
        <dt>{t('health.summarySymptoms')}</dt>
        <dd>
          <SymptomsText symptoms={answers.symptoms} />
        </dd>
      </div>
      <div className="card-field">
        <dt>{t('health.summaryTravel')}</dt>
        <dd>{answers.travelled ? answers.travelPlaces || t('health.yes') : t('health.no')}</dd>
      </div>
      <div className="card-field">
        <dt>{t('health.summaryContact')}</dt>
        <dd>
          {yes(answers.contactConfirmed || answers.contactFromAffectedArea || answers.contactWithSymptoms)}
        </dd>
      </div>
      <div className="card-field">
        <dt>{t('health.summaryVaccine')}</dt>
        <dd>
          {answers.vaccineDoses
            ? t('health.dosesOn', {
                count: answers.vaccineDoses,
                date: answers.lastDoseDate ? isoToDmy(answers.lastDoseDate) : '—',
              })
            : t('health.doses0')}
        </dd>
      </div>
      <div className="card-field">
        <dt>{t('health.summaryTest')}</dt>
        <dd>
          {answers.latestTest
            ? `${t(`health.tests.${answers.latestTest.result}`)} (${isoToDmy(answers.latestTest.date)})`
            : t('health.tests.none')}
        </dd>
      </div>
    </dl>
  );
}
