import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptInvitationSchema } from '../../../domain/schemas/auth';
import { apiFieldErrors, errorMessage, type FieldErrors, zodFieldErrors } from '../../app/form-errors';
import { Link, useLocation } from '../../app/router';
import { useSession } from '../../app/session';
import { Button } from '../../ui/button';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { PasswordField, ShowPasswordSwitch, TextField } from '../../ui/text-field';
import { acceptInvitation } from './auth-api';

function readToken(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/**
 * /invite#<token>: the token rides in the fragment, which browsers never send to a server, so it
 * stays out of every access log on the way.
 */
export function InvitePage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = readToken(hash);
  const { signedIn } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [shown, setShown] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  function show(found: FieldErrors) {
    setErrors(found);
    const first = (['displayName', 'password', 'confirm'] as const).find((k) => found[k]);
    if (first) refs[first].current?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = acceptInvitationSchema.safeParse({
      token,
      password,
      ...(displayName.trim() ? { displayName } : {}),
    });
    const found: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (found.token) {
      setFormError(t('invite.missingToken'));
      return;
    }
    if (!found.password && password !== confirm) found.confirm = t('invite.mismatch');
    if (!parsed.success || found.confirm) {
      show(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      signedIn(await acceptInvitation(parsed.data));
    } catch (err) {
      setBusy(false);
      const fields = apiFieldErrors(err);
      if (Object.keys(fields).length && !fields.token) show(fields);
      else setFormError(errorMessage(err, t));
    }
  }

  if (token.length < 20) {
    return (
      <Page title={t('invite.title')}>
        <StatusBanner kind="error">{t('invite.missingToken')}</StatusBanner>
        <p>
          <Link href="/" className="btn btn-secondary">
            {t('invite.toSignIn')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('invite.title')}>
      <p className="lead">{t('invite.intro')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
        <TextField
          ref={refs.displayName}
          label={t('invite.name')}
          hint={t('invite.nameHint')}
          optional
          error={errors.displayName}
          name="name"
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        <PasswordField
          ref={refs.password}
          label={t('invite.password')}
          hint={t('invite.passwordHint')}
          error={errors.password}
          name="new-password"
          autoComplete="new-password"
          shown={shown}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <PasswordField
          ref={refs.confirm}
          label={t('invite.confirm')}
          error={errors.confirm}
          name="confirm-password"
          autoComplete="new-password"
          shown={shown}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
        />
        <ShowPasswordSwitch checked={shown} onChange={setShown} />
        <Button type="submit" block busy={busy}>
          {t('invite.submit')}
        </Button>
      </form>
    </Page>
  );
}
