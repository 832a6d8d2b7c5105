import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../domain/access';
import { invitationSchema } from '../../../domain/schemas/auth';
import { ApiError } from '../../app/api-client';
import { apiFieldErrors, errorMessage, type FieldErrors, zodFieldErrors } from '../../app/form-errors';
import { Button } from '../../ui/button';
import { formatDateTime, formatPhone } from '../../ui/format';
import { SelectField } from '../../ui/select-field';
import { StatusBanner } from '../../ui/status-banner';
import { TextAreaField, TextField } from '../../ui/text-field';
import { AddressPicker } from '../units/address-picker';
import type { UnitChoice } from '../units/units-api';
import { sendInvitation } from './admin-api';

/** In the order an administrator most often needs them. */
const ROLE_CHOICES: Role[] = ['health_officer', 'point_owner', 'point_staff', 'checkpoint_staff', 'admin'];
const AREA_ROLES: readonly Role[] = ['admin', 'health_officer'];

/** The form's fields, by the invitation schema's field names. */
const FIELD_OF: Record<string, 'name' | 'contact' | 'role' | 'area'> = {
  displayName: 'name',
  phone: 'contact',
  email: 'contact',
  role: 'role',
  unitCode: 'area',
};

function toFormErrors(found: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(found)) {
    const field = FIELD_OF[k];
    if (field && !out[field]) out[field] = v;
  }
  return out;
}

interface Sent {
  link: string;
  expiresAt: string;
  to: string;
}

export function InvitePanel({ onInvited }: { onInvited: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [area, setArea] = useState<UnitChoice | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLTextAreaElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const isAreaRole = role !== '' && AREA_ROLES.includes(role);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const to = contact.trim();
    const isEmail = to.includes('@');
    const parsed = invitationSchema.safeParse({
      displayName: name,
      role: role || undefined,
      ...(isEmail ? { email: to } : to ? { phone: to } : {}),
      ...(isAreaRole && area ? { unitCode: area.code } : {}),
    });
    const found = parsed.success ? {} : toFormErrors(zodFieldErrors(parsed.error, t));
    if (!role) found.role = t('admin.roleRequired');
    if (role === 'admin' && area?.level === 'commune') found.area = t('admin.adminCommune');
    if (!parsed.success || Object.keys(found).length) {
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const answer = await sendInvitation(parsed.data);
      setSent({
        link: answer.link,
        expiresAt: answer.expiresAt,
        to: parsed.data.phone ? formatPhone(parsed.data.phone) : (parsed.data.email ?? to),
      });
      setCopied(false);
      onInvited();
      requestAnimationFrame(() => linkRef.current?.focus());
    } catch (err) {
      const fields = toFormErrors(apiFieldErrors(err));
      if (err instanceof ApiError && err.details.field === 'unitCode') fields.area = t('validation.unitCode');
      if (Object.keys(fields).length) setErrors(fields);
      else setFormError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!sent) return;
    try {
      await navigator.clipboard.writeText(sent.link);
    } catch {
      // No clipboard API (plain http, older browsers): select the text, and copy the old way.
      linkRef.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  }

  function again() {
    setSent(null);
    setName('');
    setContact('');
    setRole('');
    setArea(null);
    requestAnimationFrame(() => nameRef.current?.focus());
  }

  if (sent) {
    return (
      <div className="stack">
        <StatusBanner kind="success">
          {t('admin.inviteSent', { to: sent.to, time: formatDateTime(sent.expiresAt) })}
        </StatusBanner>
        <TextAreaField
          ref={linkRef}
          label={t('admin.inviteLink')}
          hint={t('admin.inviteLinkHint')}
          readOnly
          rows={3}
          value={sent.link}
          className="input-mono"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="row">
          <Button onClick={() => void copy()}>{t('admin.copyLink')}</Button>
          <Button variant="secondary" onClick={again}>
            {t('admin.inviteAnother')}
          </Button>
        </div>
        <p role="status" className="muted">
          {copied ? t('common.copied') : ''}
        </p>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('admin.inviteIntro')}</p>
      {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
      <TextField
        ref={nameRef}
        label={t('admin.inviteName')}
        error={errors.name}
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <TextField
        label={t('admin.inviteContact')}
        hint={t('admin.inviteContactHint')}
        error={errors.contact}
        type="text"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={contact}
        onChange={(e) => setContact(e.currentTarget.value)}
      />
      <SelectField
        label={t('admin.inviteRole')}
        error={errors.role}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as Role | '')}
      >
        <option value="">{t('admin.chooseRole')}</option>
        {ROLE_CHOICES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {isAreaRole ? (
        <AddressPicker
          label={t('admin.inviteArea')}
          hint={t('admin.inviteAreaHint')}
          level="any"
          value={area}
          onChange={setArea}
          error={errors.area}
        />
      ) : role ? (
        <p className="muted">{t('admin.pointRoleNote')}</p>
      ) : null}
      <Button type="submit" block busy={busy}>
        {t('admin.inviteSubmit')}
      </Button>
    </form>
  );
}
