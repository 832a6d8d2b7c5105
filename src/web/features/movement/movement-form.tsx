import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthAnswers } from '../../../domain/health';
import {
  isValidVehicleNumber,
  MAX_COMPANIONS,
  MAX_DAYS_AHEAD,
  movementInputSchema,
  type Vehicle,
  vehicleNumberKind,
  vehicles,
} from '../../../domain/movement';
import { type Gender, genders } from '../../../domain/person';
import { apiPathErrors, errorMessage, type FieldErrors, zodPathErrors } from '../../app/form-errors';
import { readStored, writeStored } from '../../app/storage';
import { useDraft } from '../../app/use-draft';
import { Button } from '../../ui/button';
import { CheckboxField, CheckboxGroup, focusFirstError, RadioGroup } from '../../ui/choice-group';
import { DateField, TimeField } from '../../ui/date-field';
import { isoToDmy, todayVnIso, vnDateTimeToIso } from '../../ui/dates';
import { StatusBanner } from '../../ui/status-banner';
import { TextField } from '../../ui/text-field';
import type { PersonView } from '../citizen/citizen-api';
import {
  emptyHealthDraft,
  HealthAnswersFields,
  type HealthDraft,
  healthErrorsFromPaths,
  validateHealthDraft,
} from '../health/health-answers-fields';
import { AddressPicker } from '../units/address-picker';
import type { UnitChoice } from '../units/units-api';

export interface CompanionDraft {
  /** Keeps React's list and the radio groups apart; never sent. */
  key: string;
  /** One of the account's persons, or null for someone typed in. */
  personId: string | null;
  fullName: string;
  birthYear: string;
  gender: Gender | '';
  phone: string;
  answers: HealthDraft;
}

export interface MovementDraft {
  vehicle: Vehicle | '';
  vehicleNumber: string;
  seat: string;
  departureDate: string;
  departureTime: string;
  origin: UnitChoice | null;
  originAddress: string;
  destination: UnitChoice | null;
  destinationAddress: string;
  purpose: string;
  answers: HealthDraft;
  companions: CompanionDraft[];
  consent: boolean;
}

/** The vehicle of the last journey: safe to offer again (most people travel by the same car). */
const LAST_VEHICLE_KEY = 'last.vehicle';

export function rememberVehicle(vehicle: Vehicle, vehicleNumber: string) {
  writeStored(LAST_VEHICLE_KEY, { vehicle, vehicleNumber });
}

/** A commune of a saved address or place, as the address picker shows a choice. */
export function placeChoice(
  place: { provinceCode: string; communeCode: string; text: string },
  detail: string,
): UnitChoice {
  const prefix = detail ? `${detail}, ` : '';
  const path = place.text.startsWith(prefix) ? place.text.slice(prefix.length) : place.text;
  return {
    code: place.communeCode,
    name: path.split(', ')[0] ?? path,
    path,
    level: 'commune',
    provinceCode: place.provinceCode,
  };
}

/** A new declaration: the origin is the person's address and the vehicle the last one used. */
export function newMovementDraft(person: PersonView): MovementDraft {
  const last = readStored<{ vehicle: Vehicle; vehicleNumber: string }>(LAST_VEHICLE_KEY);
  const isKnownVehicle = last && (vehicles as readonly string[]).includes(last.vehicle);
  return {
    vehicle: isKnownVehicle ? last.vehicle : '',
    vehicleNumber: isKnownVehicle && vehicleNumberKind[last.vehicle] === 'plate' ? last.vehicleNumber : '',
    seat: '',
    departureDate: isoToDmy(todayVnIso()),
    departureTime: '',
    origin: person.address ? placeChoice(person.address, person.address.detail) : null,
    originAddress: person.address?.detail ?? '',
    destination: null,
    destinationAddress: '',
    purpose: '',
    answers: emptyHealthDraft(),
    companions: [],
    consent: false,
  };
}

let nextKey = 0;
const newKey = () => `c${Date.now().toString(36)}${(nextKey++).toString(36)}`;

const companionFromPerson = (p: PersonView): CompanionDraft => ({
  key: newKey(),
  personId: p.id,
  fullName: p.fullName,
  birthYear: String(p.birthYear),
  gender: p.gender,
  phone: p.phone ?? '',
  answers: emptyHealthDraft(),
});

/** Schema paths → the form's fields ("origin.communeCode" → "origin", "companions.0.fullName" stays). */
function byField(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  const put = (k: string, m: string) => {
    if (!(k in out)) out[k] = m;
  };
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith('answers.') || /^companions\.\d+\.answers\./.test(path)) continue;
    if (path === 'origin.address') put('originAddress', message);
    else if (path.startsWith('origin')) put('origin', message);
    else if (path === 'destination.address') put('destinationAddress', message);
    else if (path.startsWith('destination')) put('destination', message);
    else if (path.startsWith('departureAt')) put('departureDate', message);
    else if (/^companions\.\d+\./.test(path)) put(path.split('.').slice(0, 3).join('.'), message);
    else put(path.split('.')[0] ?? '', message);
  }
  return out;
}

interface Errors {
  fields: FieldErrors;
  answers: FieldErrors;
  companions: FieldErrors[];
}
const noErrors: Errors = { fields: {}, answers: {}, companions: [] };

/**
 * The domestic movement declaration: the journey, who travels (the declarant and companions, each with
 * their own health answers) and the consent. Checked with the shared schema before sending; the draft
 * survives a reload.
 */
export function MovementForm({
  person,
  others,
  draftKey,
  initial,
  submitLabel,
  onSubmit,
}: {
  person: PersonView;
  /** The account's other persons, who can be picked as companions with one tap. */
  others: PersonView[];
  draftKey: string;
  initial: () => MovementDraft;
  submitLabel: string;
  onSubmit: (input: unknown, draft: MovementDraft) => Promise<void>;
}) {
  const { t } = useTranslation();
  const draft = useDraft<MovementDraft>(draftKey, initial);
  const d = draft.value;
  const [errors, setErrors] = useState<Errors>(noErrors);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const kind = d.vehicle ? vehicleNumberKind[d.vehicle] : null;

  const setCompanion = (key: string, change: Partial<CompanionDraft>) =>
    draft.update((v) => ({
      ...v,
      companions: v.companions.map((c) => (c.key === key ? { ...c, ...change } : c)),
    }));

  const setCompanionAnswers = (key: string, change: Partial<HealthDraft>) =>
    draft.update((v) => ({
      ...v,
      companions: v.companions.map((c) =>
        c.key === key ? { ...c, answers: { ...c.answers, ...change } } : c,
      ),
    }));

  function togglePerson(id: string, checked: boolean) {
    const p = others.find((o) => o.id === id);
    if (!p) return;
    draft.update((v) => ({
      ...v,
      companions: checked
        ? [...v.companions.filter((c) => c.personId !== id), companionFromPerson(p)]
        : v.companions.filter((c) => c.personId !== id),
    }));
  }

  function addTyped() {
    draft.update((v) => ({
      ...v,
      companions: [
        ...v.companions,
        {
          key: newKey(),
          personId: null,
          fullName: '',
          birthYear: '',
          gender: '',
          phone: '',
          answers: emptyHealthDraft(),
        },
      ],
    }));
  }

  function removeCompanion(key: string) {
    draft.update((v) => ({ ...v, companions: v.companions.filter((c) => c.key !== key) }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const fields: FieldErrors = {};
    const departureAt = vnDateTimeToIso(d.departureDate, d.departureTime);
    if (!departureAt) {
      if (!d.departureTime.trim()) fields.departureTime = t('movement.timeRequired');
      else if (
        !/^\d{1,2}:\d{2}$/.test(d.departureTime.trim()) ||
        !vnDateTimeToIso('01/01/2000', d.departureTime)
      )
        fields.departureTime = t('movement.timeInvalid');
      if (!vnDateTimeToIso(d.departureDate, '00:00')) fields.departureDate = t('validation.date');
    }
    if (!d.origin) fields.origin = t('validation.unitCode');
    if (!d.destination) fields.destination = t('validation.unitCode');
    // The schema's cross-field rules run only once every field has the right shape; the same rules
    // here show every mistake at the first press.
    if (kind && kind !== 'name' && !d.vehicleNumber.trim())
      fields.vehicleNumber = t(
        kind === 'plate' ? 'validation.plateRequired' : 'validation.tripNumberRequired',
      );
    else if (d.vehicle && d.vehicleNumber.trim() && !isValidVehicleNumber(d.vehicle, d.vehicleNumber))
      fields.vehicleNumber = t(kind === 'plate' ? 'validation.plate' : 'validation.tripNumber');
    if (departureAt) {
      const at = Date.parse(departureAt);
      if (at < Date.now() - 86_400_000) fields.departureDate = t('validation.departurePast');
      else if (at > Date.now() + MAX_DAYS_AHEAD * 86_400_000)
        fields.departureDate = t('validation.departureTooFar');
    }
    if (d.origin && d.destination && d.origin.code === d.destination.code)
      fields.destination = t('validation.sameOriginDestination');

    const own = validateHealthDraft(d.answers, d.consent, t);
    const companionChecks = d.companions.map((c) => {
      const check = validateHealthDraft(c.answers, true, t);
      const errs: FieldErrors = {};
      if (!/^\d{4}$/.test(c.birthYear.trim())) errs.birthYear = t('validation.birthYear');
      return { ...check, fieldErrors: errs };
    });

    const input = {
      personId: person.id,
      vehicle: d.vehicle || undefined,
      ...(d.vehicleNumber.trim() ? { vehicleNumber: d.vehicleNumber } : {}),
      ...(d.seat.trim() ? { seat: d.seat } : {}),
      departureAt: departureAt ?? undefined,
      origin: { provinceCode: d.origin?.provinceCode, communeCode: d.origin?.code, address: d.originAddress },
      destination: {
        provinceCode: d.destination?.provinceCode,
        communeCode: d.destination?.code,
        address: d.destinationAddress,
      },
      purpose: d.purpose,
      answers: own.answers ?? ({} as HealthAnswers),
      companions: d.companions.map((c, i) => ({
        ...(c.personId ? { personId: c.personId } : {}),
        fullName: c.fullName,
        birthYear: c.birthYear.trim() ? Number(c.birthYear) : undefined,
        gender: c.gender || undefined,
        ...(c.phone.trim() ? { phone: c.phone } : {}),
        answers: companionChecks[i]?.answers ?? {},
      })),
    };
    const parsed = movementInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const [k, m] of Object.entries(byField(zodPathErrors(parsed.error, t)))) {
        // Without a date and time to check, the schema's "choose a departure" says less than ours.
        if (k === 'departureDate' && !departureAt) continue;
        if (!(k in fields)) fields[k] = m;
      }
    }
    const companionErrors = companionChecks.map((c, i) => {
      const out: FieldErrors = { ...c.errors };
      for (const [k, m] of Object.entries(c.fieldErrors)) out[`field.${k}`] = m;
      for (const name of ['fullName', 'birthYear', 'gender', 'phone']) {
        const m = fields[`companions.${i}.${name}`];
        if (m && !out[`field.${name}`]) out[`field.${name}`] = m;
      }
      return out;
    });
    const hasErrors =
      !parsed.success ||
      Object.keys(fields).length > 0 ||
      Object.keys(own.errors).length > 0 ||
      companionErrors.some((c) => Object.keys(c).length > 0);
    if (hasErrors || !parsed.success) {
      setErrors({ fields, answers: own.errors, companions: companionErrors });
      focusFirstError(formRef.current);
      return;
    }
    setErrors(noErrors);
    setBusy(true);
    try {
      await onSubmit(input, d);
      draft.clear();
    } catch (err) {
      const paths = apiPathErrors(err);
      if (Object.keys(paths).length) {
        const all = byField(paths);
        setErrors({
          fields: all,
          answers: healthErrorsFromPaths(paths, 'answers.'),
          companions: d.companions.map((_, i) => {
            const out = healthErrorsFromPaths(paths, `companions.${i}.answers.`);
            for (const name of ['fullName', 'birthYear', 'gender', 'phone']) {
              const m = all[`companions.${i}.${name}`];
              if (m) out[`field.${name}`] = m;
            }
            return out;
          }),
        });
        focusFirstError(formRef.current);
      } else setFormError(errorMessage(err, t));
      setBusy(false);
    }
  }

  const f = errors.fields;
  const pickedIds = d.companions.flatMap((c) => (c.personId ? [c.personId] : []));

  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate>
      {draft.restored ? <StatusBanner kind="info">{t('common.draftRestored')}</StatusBanner> : null}
      {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}

      <h2 className="form-section">{t('movement.journeyTitle')}</h2>
      <RadioGroup
        legend={t('movement.vehicle')}
        name="vehicle"
        inline
        options={vehicles.map((v) => ({ value: v, label: t(`movement.vehicles.${v}`) }))}
        value={d.vehicle}
        onChange={(v) => draft.update({ vehicle: v })}
        error={f.vehicle}
      />
      {kind ? (
        <TextField
          label={
            kind === 'plate'
              ? t('movement.plate')
              : kind === 'name'
                ? t('movement.shipName')
                : t('movement.tripNumber')
          }
          hint={t(`movement.numberHints.${kind}`)}
          optional={kind === 'name'}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          value={d.vehicleNumber}
          onChange={(e) => draft.update({ vehicleNumber: e.currentTarget.value.toUpperCase() })}
          error={f.vehicleNumber}
        />
      ) : null}
      {d.vehicle && d.vehicle !== 'car' && d.vehicle !== 'motorbike' ? (
        <TextField
          label={t('movement.seat')}
          optional
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={10}
          className="input-short"
          value={d.seat}
          onChange={(e) => draft.update({ seat: e.currentTarget.value })}
          error={f.seat}
        />
      ) : null}
      <div className="field-pair">
        <DateField
          label={t('movement.departureDate')}
          value={d.departureDate}
          onChange={(v) => draft.update({ departureDate: v })}
          error={f.departureDate}
        />
        <TimeField
          label={t('movement.departureTime')}
          hint={t('movement.timeHint')}
          value={d.departureTime}
          onChange={(v) => draft.update({ departureTime: v })}
          error={f.departureTime}
        />
      </div>

      <h2 className="form-section">{t('movement.origin')}</h2>
      <AddressPicker
        label={t('movement.originCommune')}
        level="commune"
        value={d.origin}
        onChange={(origin) => draft.update({ origin })}
        error={f.origin}
      />
      <TextField
        label={t('movement.originAddress')}
        hint={t('person.addressDetailHint')}
        optional
        autoComplete="off"
        maxLength={200}
        value={d.originAddress}
        onChange={(e) => draft.update({ originAddress: e.currentTarget.value })}
        error={f.originAddress}
      />

      <h2 className="form-section">{t('movement.destination')}</h2>
      <AddressPicker
        label={t('movement.destinationCommune')}
        level="commune"
        value={d.destination}
        onChange={(destination) => draft.update({ destination })}
        error={f.destination}
      />
      <TextField
        label={t('movement.destinationAddress')}
        hint={t('movement.destinationAddressHint')}
        autoComplete="off"
        maxLength={200}
        value={d.destinationAddress}
        onChange={(e) => draft.update({ destinationAddress: e.currentTarget.value })}
        error={f.destinationAddress}
      />
      <TextField
        label={t('movement.purpose')}
        hint={t('movement.purposeHint')}
        optional
        autoComplete="off"
        maxLength={200}
        value={d.purpose}
        onChange={(e) => draft.update({ purpose: e.currentTarget.value })}
        error={f.purpose}
      />

      <h2 className="form-section">{t('movement.companions')}</h2>
      {f.companions ? (
        <p className="field-error" role="alert">
          {f.companions}
        </p>
      ) : null}
      {others.length ? (
        <CheckboxGroup
          legend={t('movement.pickFamily')}
          options={others.map((o) => ({
            value: o.id,
            label: `${o.fullName} (${[o.isSelf ? t('citizen.self') : o.relation, o.birthYear].filter(Boolean).join(', ')})`,
          }))}
          values={pickedIds}
          onToggle={togglePerson}
        />
      ) : null}
      {d.companions
        .filter((c) => c.personId === null)
        .map((c) => {
          const index = d.companions.indexOf(c);
          const ce = errors.companions[index] ?? {};
          return (
            <fieldset key={c.key} className="companion-box">
              <legend className="companion-legend">{t('movement.otherPerson', { n: index + 1 })}</legend>
              <TextField
                label={t('person.fullName')}
                autoCapitalize="words"
                autoComplete="off"
                maxLength={120}
                value={c.fullName}
                onChange={(e) => setCompanion(c.key, { fullName: e.currentTarget.value })}
                error={ce['field.fullName']}
              />
              <TextField
                label={t('person.birthYear')}
                hint={t('person.birthYearHint')}
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                className="input-year"
                value={c.birthYear}
                onChange={(e) =>
                  setCompanion(c.key, { birthYear: e.currentTarget.value.replace(/\D/g, '').slice(0, 4) })
                }
                error={ce['field.birthYear']}
              />
              <RadioGroup
                legend={t('person.gender')}
                name={`${c.key}-gender`}
                inline
                options={genders.map((g) => ({ value: g, label: t(`person.genders.${g}`) }))}
                value={c.gender}
                onChange={(v) => setCompanion(c.key, { gender: v })}
                error={ce['field.gender']}
              />
              <TextField
                label={t('person.phone')}
                optional
                type="tel"
                inputMode="tel"
                autoComplete="off"
                value={c.phone}
                onChange={(e) => setCompanion(c.key, { phone: e.currentTarget.value })}
                error={ce['field.phone']}
              />
              <Button variant="secondary" onClick={() => removeCompanion(c.key)}>
                {t('movement.removeCompanion')}
              </Button>
            </fieldset>
          );
        })}
      {d.companions.length < MAX_COMPANIONS ? (
        <Button variant="secondary" onClick={addTyped}>
          {t('movement.addCompanion')}
        </Button>
      ) : null}

      <section className="stack" aria-labelledby="health-declarant">
        <h2 className="form-section" id="health-declarant">
          {t('movement.healthOf', { name: person.fullName })}
        </h2>
        <HealthAnswersFields
          name="declarant"
          value={d.answers}
          onChange={(change) => draft.update((v) => ({ ...v, answers: { ...v.answers, ...change } }))}
          errors={errors.answers}
        />
      </section>
      {d.companions.map((c, i) => (
        <section key={c.key} className="stack companion-health" aria-labelledby={`health-${c.key}`}>
          <h2 className="form-section" id={`health-${c.key}`}>
            {t('movement.healthOf', { name: c.fullName || t('movement.otherPerson', { n: i + 1 }) })}
          </h2>
          <HealthAnswersFields
            name={c.key}
            value={c.answers}
            onChange={(change) => setCompanionAnswers(c.key, change)}
            errors={errors.companions[i] ?? {}}
          />
        </section>
      ))}

      <CheckboxField
        label={d.companions.length ? t('movement.consentGroup') : t('health.consent')}
        checked={d.consent}
        onChange={(consent) => draft.update({ consent })}
        error={errors.answers.consent}
      />
      <Button type="submit" block busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
