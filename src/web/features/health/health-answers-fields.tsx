import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type HealthAnswers, healthAnswersSchema, type Symptom, symptoms } from '../../../domain/health';
import { type FieldErrors, zodPathErrors } from '../../app/form-errors';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { DateField } from '../../ui/date-field';
import { dmyToIso, isoToDmy } from '../../ui/dates';
import { TextField } from '../../ui/text-field';

type YesNo = '' | 'yes' | 'no';
type DoseChoice = '' | '0' | '1' | '2' | '3' | '4';
type TestChoice = '' | 'none' | 'negative' | 'positive';

/** The health questions as a form holds them: unanswered stays unanswered, never a silent "Không". */
export interface HealthDraft {
  travelled: YesNo;
  travelPlaces: string;
  symptoms: Symptom[];
  noSymptoms: boolean;
  contactConfirmed: YesNo;
  contactFromAffectedArea: YesNo;
  contactWithSymptoms: YesNo;
  vaccineDoses: DoseChoice;
  lastDoseDate: string;
  testResult: TestChoice;
  testDate: string;
}

export const emptyHealthDraft = (): HealthDraft => ({
  travelled: '',
  travelPlaces: '',
  symptoms: [],
  noSymptoms: false,
  contactConfirmed: '',
  contactFromAffectedArea: '',
  contactWithSymptoms: '',
  vaccineDoses: '',
  lastDoseDate: '',
  testResult: '',
  testDate: '',
});

/**
 * A new draft with what is safe to carry over from the last declaration: the vaccination, which does
 * not change from one day to the next. Symptoms, contacts and travel are asked afresh every time.
 */
export function healthDraftFrom(last: HealthAnswers | null | undefined): HealthDraft {
  const draft = emptyHealthDraft();
  if (!last) return draft;
  draft.vaccineDoses = String(Math.min(last.vaccineDoses, 4)) as DoseChoice;
  draft.lastDoseDate = isoToDmy(last.lastDoseDate);
  return draft;
}

const yesNo = (v: YesNo) => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** Where a schema path lands in the form. */
function draftField(path: string): keyof HealthDraft | 'consent' {
  if (path.startsWith('latestTest.date')) return 'testDate';
  if (path.startsWith('latestTest')) return 'testResult';
  return (path.split('.')[0] ?? '') as keyof HealthDraft;
}

/**
 * Checks the answers with the shared schema (and what a form adds: every question answered, dates
 * written as dd/mm/yyyy). Errors come by draft field; `answers` only when all is well.
 */
export function validateHealthDraft(
  d: HealthDraft,
  consent: boolean,
  t: TFunction,
): { answers: HealthAnswers | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const chooseOne = t('health.chooseYesNo');
  for (const key of [
    'travelled',
    'contactConfirmed',
    'contactFromAffectedArea',
    'contactWithSymptoms',
  ] as const)
    if (!d[key]) errors[key] = chooseOne;
  if (d.travelled === 'yes' && !d.travelPlaces.trim()) errors.travelPlaces = t('validation.travelPlaces');
  if (!d.noSymptoms && d.symptoms.length === 0) errors.symptoms = t('health.symptomsRequired');
  if (!d.vaccineDoses) errors.vaccineDoses = t('health.dosesRequired');
  if (!d.testResult) errors.testResult = t('health.testRequired');
  const lastDose = d.lastDoseDate.trim() ? dmyToIso(d.lastDoseDate) : undefined;
  if (lastDose === null) errors.lastDoseDate = t('validation.date');
  const hasTest = d.testResult === 'negative' || d.testResult === 'positive';
  const testDate = hasTest ? dmyToIso(d.testDate) : undefined;
  if (hasTest && !testDate)
    errors.testDate = d.testDate.trim() ? t('validation.date') : t('health.testDateRequired');

  const input = {
    travelled: yesNo(d.travelled),
    travelPlaces: d.travelled === 'yes' ? d.travelPlaces : '',
    symptoms: d.noSymptoms ? [] : d.symptoms,
    contactConfirmed: yesNo(d.contactConfirmed),
    contactFromAffectedArea: yesNo(d.contactFromAffectedArea),
    contactWithSymptoms: yesNo(d.contactWithSymptoms),
    vaccineDoses: d.vaccineDoses ? Number(d.vaccineDoses) : 0,
    ...(lastDose && d.vaccineDoses !== '0' ? { lastDoseDate: lastDose } : {}),
    ...(hasTest && testDate ? { latestTest: { result: d.testResult, date: testDate } } : {}),
    consent: consent ? true : undefined,
  };
  const parsed = healthAnswersSchema.safeParse(input);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(zodPathErrors(parsed.error, t))) {
      const field = draftField(path);
      if (!(field in errors)) errors[field] = message;
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { answers: null, errors };
  return { answers: parsed.data, errors };
}

/** Server errors at `answers.…` (or `companions.0.answers.…`) by draft field. */
export function healthErrorsFromPaths(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!path.startsWith(prefix)) continue;
    const field = draftField(path.slice(prefix.length));
    if (!(field in out)) out[field] = message;
  }
  return out;
}

export const symptomOptions = (t: TFunction) =>
  symptoms.map((s) => ({ value: s, label: t(`health.symptomNames.${s}`) }));

/**
 * The questions of the health declaration (the last 14 days, symptoms, contacts, vaccination, latest
 * test), shared by the health declaration and by every person of a movement declaration. `name`
 * keeps the radio groups of several people on one screen apart.
 */
export function HealthAnswersFields({
  name,
  value,
  onChange,
  errors,
}: {
  name: string;
  value: HealthDraft;
  onChange: (change: Partial<HealthDraft>) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const yesNoOptions: { value: 'yes' | 'no'; label: string }[] = [
    { value: 'yes', label: t('health.yes') },
    { value: 'no', label: t('health.no') },
  ];
  const doseOptions: { value: Exclude<DoseChoice, ''>; label: string }[] = [
    { value: '0', label: t('health.doses0') },
    { value: '1', label: t('health.doses', { count: 1 }) },
    { value: '2', label: t('health.doses', { count: 2 }) },
    { value: '3', label: t('health.doses', { count: 3 }) },
    { value: '4', label: t('health.doses4') },
  ];
  const testOptions: { value: Exclude<TestChoice, ''>; label: string }[] = [
    { value: 'none', label: t('health.tests.none') },
    { value: 'negative', label: t('health.tests.negative') },
    { value: 'positive', label: t('health.tests.positive') },
  ];

  return (
    <div className="stack">
      <RadioGroup
        legend={t('health.travelled')}
        name={`${name}-travelled`}
        inline
        options={yesNoOptions}
        value={value.travelled}
        onChange={(v) => onChange({ travelled: v })}
        error={errors.travelled}
      />
      {value.travelled === 'yes' ? (
        <TextField
          label={t('health.travelPlaces')}
          hint={t('health.travelPlacesHint')}
          value={value.travelPlaces}
          maxLength={300}
          onChange={(e) => onChange({ travelPlaces: e.currentTarget.value })}
          error={errors.travelPlaces}
        />
      ) : null}
      <CheckboxGroup
        legend={t('health.symptoms')}
        hint={t('health.symptomsHint')}
        options={symptomOptions(t)}
        values={value.noSymptoms ? [] : value.symptoms}
        onToggle={(s, checked) =>
          onChange({
            noSymptoms: false,
            symptoms: checked
              ? [...value.symptoms.filter((x) => x !== s), s]
              : value.symptoms.filter((x) => x !== s),
          })
        }
        error={errors.symptoms}
        after={
          <label className="choice choice-none">
            <input
              type="checkbox"
              checked={value.noSymptoms}
              aria-invalid={errors.symptoms ? true : undefined}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                onChange({ noSymptoms: checked, ...(checked ? { symptoms: [] } : {}) });
              }}
            />
            <strong>{t('health.noSymptoms')}</strong>
          </label>
        }
      />
      <RadioGroup
        legend={t('health.contactConfirmed')}
        name={`${name}-contact-confirmed`}
        inline
        options={yesNoOptions}
        value={value.contactConfirmed}
        onChange={(v) => onChange({ contactConfirmed: v })}
        error={errors.contactConfirmed}
      />
      <RadioGroup
        legend={t('health.contactFromAffectedArea')}
        name={`${name}-contact-area`}
        inline
        options={yesNoOptions}
        value={value.contactFromAffectedArea}
        onChange={(v) => onChange({ contactFromAffectedArea: v })}
        error={errors.contactFromAffectedArea}
      />
      <RadioGroup
        legend={t('health.contactWithSymptoms')}
        name={`${name}-contact-symptoms`}
        inline
        options={yesNoOptions}
        value={value.contactWithSymptoms}
        onChange={(v) => onChange({ contactWithSymptoms: v })}
        error={errors.contactWithSymptoms}
      />
      <RadioGroup
        legend={t('health.vaccineDoses')}
        name={`${name}-doses`}
        inline
        options={doseOptions}
        value={value.vaccineDoses}
        onChange={(v) => onChange({ vaccineDoses: v })}
        error={errors.vaccineDoses}
      />
      {value.vaccineDoses && value.vaccineDoses !== '0' ? (
        <DateField
          label={t('health.lastDoseDate')}
          hint={t('health.dateHint')}
          optional
          value={value.lastDoseDate}
          onChange={(v) => onChange({ lastDoseDate: v })}
          error={errors.lastDoseDate}
        />
      ) : null}
      <RadioGroup
        legend={t('health.testResult')}
        name={`${name}-test`}
        options={testOptions}
        value={value.testResult}
        onChange={(v) => onChange({ testResult: v })}
        error={errors.testResult}
      />
      {value.testResult === 'negative' || value.testResult === 'positive' ? (
        <DateField
          label={t('health.testDate')}
          hint={t('health.dateHint')}
          value={value.testDate}
          onChange={(v) => onChange({ testDate: v })}
          error={errors.testDate}
        />
      ) : null}
    </div>
  );
}
