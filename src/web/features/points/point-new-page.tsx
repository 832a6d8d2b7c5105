import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PointDetail, type PointKind, pointInputSchema, pointKinds } from '../../../domain/points';
import { api } from '../../app/api-client';
import { setFlash } from '../../app/flash';
import { apiPathErrors, errorMessage, type FieldErrors, zodPathErrors } from '../../app/form-errors';
import { Link, navigate } from '../../app/router';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { focusFirstError } from '../../ui/choice-group';
import { Page } from '../../ui/page-layout';
import { SelectField } from '../../ui/select-field';
import { StatusBanner } from '../../ui/status-banner';
import { TextField } from '../../ui/text-field';
import { AddressPicker } from '../units/address-picker';
import type { UnitChoice } from '../units/units-api';

/** One field's error from the messages by dotted path ("address.communeCode"). */
function pick(errors: FieldErrors, ...paths: string[]): string | undefined {
  for (const p of paths) if (errors[p]) return errors[p];
  return undefined;
}

/** An owner registers one point: name, kind, plate for a passenger vehicle, address, contact phone. */
export function PointNewPage() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PointKind | ''>('');
  const [plate, setPlate] = useState('');
  const [unit, setUnit] = useState<UnitChoice | null>(null);
  const [detail, setDetail] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const input = {
      name,
      kind: kind || undefined,
      vehiclePlate: kind === 'vehicle' ? plate.trim() || null : null,
      address: {
        provinceCode: unit?.provinceCode ?? '',
        communeCode: unit?.level === 'commune' ? unit.code : '',
        detail,
      },
      contactPhone: phone.replace(/[\s.]/g, '') || null,
    };
    const parsed = pointInputSchema.safeParse(input);
    if (!parsed.success) {
      const found = zodPathErrors(parsed.error, t);
      if (!unit) found['address.communeCode'] = t('pointNew.chooseUnit');
      setErrors(found);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const point = await api<PointDetail>('POST', '/api/points', input);
      setFlash(t('pointNew.done'));
      navigate(`/points/${point.id}`);
    } catch (err) {
      const found = apiPathErrors(err);
      if (Object.keys(found).length) {
        setErrors(found);
        focusFirstError(formRef.current);
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Page title={t('pointNew.title')}>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate>
        <BackLink href="/" label={t('app.backHome')} />
        <p>{t('pointNew.intro')}</p>
        {hasErrors ? <StatusBanner kind="error">{t('pointNew.fixErrors')}</StatusBanner> : null}
        {failure ? <StatusBanner kind="error">{errorMessage(failure, t)}</StatusBanner> : null}
        <TextField
          label={t('pointNew.name')}
          hint={t('pointNew.nameHint')}
          error={pick(errors, 'name')}
          value={name}
          autoComplete="organization"
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <SelectField
          label={t('pointNew.kind')}
          error={pick(errors, 'kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as PointKind | '')}
        >
          <option value="">{t('pointNew.chooseKind')}</option>
          {pointKinds.map((k) => (
            <option key={k} value={k}>
              {t(`points.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {kind === 'vehicle' ? (
          <TextField
            label={t('pointNew.plate')}
            hint={t('pointNew.plateHint')}
            error={pick(errors, 'vehiclePlate')}
            value={plate}
            autoCapitalize="characters"
            autoComplete="off"
            onChange={(e) => setPlate(e.currentTarget.value.toUpperCase())}
          />
        ) : null}
        <AddressPicker
          label={t('pointNew.unit')}
          level="commune"
          value={unit}
          onChange={setUnit}
          error={pick(errors, 'address.communeCode', 'address.provinceCode', 'address')}
        />
        <TextField
          label={t('pointNew.detail')}
          error={pick(errors, 'address.detail')}
          value={detail}
          autoComplete="street-address"
          onChange={(e) => setDetail(e.currentTarget.value)}
        />
        <TextField
          label={t('pointNew.phone')}
          optional
          error={pick(errors, 'contactPhone')}
          value={phone}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          onChange={(e) => setPhone(e.currentTarget.value)}
        />
        <Button type="submit" block busy={busy}>
          {t('pointNew.submit')}
        </Button>
        <p>
          {t('pointNew.more')}: <Link href="/points/import">{t('pointImport.link')}</Link>
        </p>
      </form>
    </Page>
  );
}
