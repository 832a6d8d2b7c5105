import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Gender, genders, type PersonView, personInputSchema } from '../../../domain/person';
import { apiPathErrors, errorMessage, type FieldErrors, zodPathErrors } from '../../app/form-errors';
import { currentLocale } from '../../app/i18n';
import { useDraft } from '../../app/use-draft';
import { Button } from '../../ui/button';
import { CheckboxField, focusFirstError, RadioGroup } from '../../ui/choice-group';
import { DateField } from '../../ui/date-field';
import { dmyToIso, isoToDmy } from '../../ui/dates';
import { SelectField } from '../../ui/select-field';
import { StatusBanner } from '../../ui/status-banner';
import { TextField } from '../../ui/text-field';
import { AddressPicker } from '../units/address-picker';
import type { UnitChoice } from '../units/units-api';

/** Nationalities offered first; the names come from the browser in the user's language. */
const NATIONALITIES = [
  'VN',
  'LA',
  'KH',
  'CN',
  'TW',
  'KR',
  'JP',
  'TH',
  'MY',
  'SG',
  'ID',
  'PH',
  'MM',
  'IN',
  'AU',
  'US',
  'CA',
  'GB',
  'FR',
  'DE',
  'RU',
  'IT',
  'NL',
];

export interface PersonDraft {
  fullName: string;
  birthDate: string;
  onlyYear: boolean;
  birthYear: string;
  gender: Gender | '';
  phone: string;
  idNumber: string;
  insuranceNumber: string;
  nationality: string;
  address: UnitChoice | null;
  addressDetail: string;
  relation: string;
}

/** The commune of a saved address, as the address picker shows a choice. */
export function addressChoice(address: PersonView['address']): UnitChoice | null {
  if (!address) return null;
  const prefix = address.detail ? `${address.detail}, ` : '';
  const path = address.text.startsWith(prefix) ? address.text.slice(prefix.length) : address.text;
  return {
    code: address.communeCode,
    name: path.split(', ')[0] ?? path,
    path,
    level: 'commune',
    provinceCode: address.provinceCode,
  };
}

export function personDraftFrom(p: PersonView | null, fallbackAddress?: PersonView['address']): PersonDraft {
  const address = p ? p.address : (fallbackAddress ?? null);
  return {
    fullName: p?.fullName ?? '',
    birthDate: isoToDmy(p?.birthDate),
    onlyYear: p ? !p.birthDate : false,
    birthYear: p && !p.birthDate ? String(p.birthYear) : '',
    gender: p?.gender ?? '',
    phone: p?.phone ?? '',
    idNumber: p?.idNumber ?? '',
    insuranceNumber: p?.insuranceNumber ?? '',
    nationality: p?.nationality ?? 'VN',
    address: addressChoice(address),
    addressDetail: address?.detail ?? '',
    relation: p?.relation ?? '',
  };
}

/** Errors by dotted path → the form's fields ("address.detail" is its own field). */
function byField(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.startsWith('address.detail') ? 'addressDetail' : (path.split('.')[0] ?? '');
    if (!(field in out)) out[field] = message;
  }
  return out;
}

function nationalityName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The profile of the account holder or of a dependant: the same fields, checked by the shared schema
 * before sending; a dependant adds "Quan hệ" and an optional phone. The draft survives a reload.
 */
export function PersonForm({
  kind,
  draftKey,
  initial,
  submitLabel,
  onSubmit,
}: {
  kind: 'self' | 'dependant';
  draftKey: string;
  initial: () => PersonDraft;
  submitLabel: string;
  onSubmit: (input: unknown) => Promise<void>;
}) {
  const { t } = useTranslation();
  const draft = useDraft<PersonDraft>(draftKey, initial);
  const d = draft.value;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const nationalities = [...new Set([...NATIONALITIES, d.nationality])]
    .filter(Boolean)
    .map((code) => ({ code, name: nationalityName(code) }))
    .sort((a, b) =>
      a.code === 'VN' ? -1 : b.code === 'VN' ? 1 : a.name.localeCompare(b.name, currentLocale()),
    );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const found: FieldErrors = {};
    const birthDate = d.onlyYear ? undefined : dmyToIso(d.birthDate);
    if (!d.onlyYear && !birthDate)
      found.birthDate = d.birthDate.trim() ? t('validation.date') : t('person.birthDateRequired');
    if (d.onlyYear && !/^\d{4}$/.test(d.birthYear.trim())) found.birthYear = t('validation.birthYear');
    if (kind === 'self' && !d.address) found.address = t('validation.unitCode');
    if (!d.fullName.trim()) found.fullName = t('person.fullNameRequired');
    if (!d.gender) found.gender = t('validation.gender');

    const input = {
      fullName: d.fullName,
      ...(birthDate ? { birthDate } : {}),
      ...(d.onlyYear && d.birthYear.trim() ? { birthYear: Number(d.birthYear) } : {}),
      gender: d.gender || undefined,
      ...(kind === 'dependant' && d.phone.trim() ? { phone: d.phone } : {}),
      ...(d.idNumber.trim() ? { idNumber: d.idNumber } : {}),
      ...(d.insuranceNumber.trim() ? { insuranceNumber: d.insuranceNumber } : {}),
      nationality: d.nationality,
      ...(d.address
        ? {
            address: {
              provinceCode: d.address.provinceCode,
              communeCode: d.address.code,
              detail: d.addressDetail,
            },
          }
        : {}),
      ...(kind === 'dependant' ? { relation: d.relation } : {}),
    };
    const parsed = personInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const [path, message] of Object.entries(byField(zodPathErrors(parsed.error, t))))
        if (!(path in found)) found[path] = message;
    }
    if (kind === 'dependant' && !d.relation.trim()) found.relation = t('person.relationRequired');
    if (Object.keys(found).length || !parsed.success) {
      setErrors(found);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(input);
      draft.clear();
    } catch (err) {
      const fields = byField(apiPathErrors(err));
      if (Object.keys(fields).length) {
        setErrors(fields);
        focusFirstError(formRef.current);
      } else setFormError(errorMessage(err, t));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="stack" onSubmit={submit} noValidate>
      {draft.restored ? <StatusBanner kind="info">{t('common.draftRestored')}</StatusBanner> : null}
      {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
      <TextField
        label={t('person.fullName')}
        hint={t('person.fullNameHint')}
        autoComplete={kind === 'self' ? 'name' : 'off'}
        autoCapitalize="words"
        value={d.fullName}
        maxLength={120}
        onChange={(e) => draft.update({ fullName: e.currentTarget.value })}
        error={errors.fullName}
      />
      {kind === 'dependant' ? (
        <TextField
          label={t('person.relation')}
          hint={t('person.relationHint')}
          value={d.relation}
          maxLength={40}
          onChange={(e) => draft.update({ relation: e.currentTarget.value })}
          error={errors.relation}
        />
      ) : null}
      {d.onlyYear ? (
        <TextField
          label={t('person.birthYear')}
          hint={t('person.birthYearHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          className="input-year"
          value={d.birthYear}
          onChange={(e) => draft.update({ birthYear: e.currentTarget.value.replace(/\D/g, '').slice(0, 4) })}
          error={errors.birthYear}
        />
      ) : (
        <DateField
          label={t('person.birthDate')}
          hint={t('person.birthDateHint')}
          value={d.birthDate}
          onChange={(v) => draft.update({ birthDate: v })}
          error={errors.birthDate ?? errors.birthYear}
        />
      )}
      <CheckboxField
        label={t('person.onlyYear')}
        checked={d.onlyYear}
        onChange={(checked) => {
          draft.update({ onlyYear: checked });
          setErrors(({ birthDate: _a, birthYear: _b, ...rest }) => rest);
        }}
      />
      <RadioGroup
        legend={t('person.gender')}
        name="gender"
        inline
        options={genders.map((g) => ({ value: g, label: t(`person.genders.${g}`) }))}
        value={d.gender}
        onChange={(v) => draft.update({ gender: v })}
        error={errors.gender}
      />
      {kind === 'dependant' ? (
        <TextField
          label={t('person.phone')}
          hint={t('person.phoneHint')}
          optional
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={d.phone}
          onChange={(e) => draft.update({ phone: e.currentTarget.value })}
          error={errors.phone}
        />
      ) : null}
      <TextField
        label={t('person.idNumber')}
        hint={t('person.idNumberHint')}
        optional
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={14}
        value={d.idNumber}
        onChange={(e) => draft.update({ idNumber: e.currentTarget.value })}
        error={errors.idNumber}
      />
      <TextField
        label={t('person.insuranceNumber')}
        hint={t('person.insuranceNumberHint')}
        optional
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={17}
        value={d.insuranceNumber}
        onChange={(e) => draft.update({ insuranceNumber: e.currentTarget.value })}
        error={errors.insuranceNumber}
      />
      <SelectField
        label={t('person.nationality')}
        value={d.nationality}
        onChange={(e) => draft.update({ nationality: e.currentTarget.value })}
        error={errors.nationality}
      >
        {nationalities.map((n) => (
          <option key={n.code} value={n.code}>
            {n.name}
          </option>
        ))}
      </SelectField>
      <h2 className="form-section">{t('person.addressTitle')}</h2>
      <AddressPicker
        label={t('person.commune')}
        hint={t('person.communeHint')}
        level="commune"
        value={d.address}
        onChange={(address) => draft.update({ address })}
        error={errors.address}
      />
      <TextField
        label={t('person.addressDetail')}
        hint={t('person.addressDetailHint')}
        autoComplete="off"
        maxLength={200}
        value={d.addressDetail}
        onChange={(e) => draft.update({ addressDetail: e.currentTarget.value })}
        error={errors.addressDetail}
      />
      <Button type="submit" block busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
