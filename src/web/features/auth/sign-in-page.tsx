import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { otpRequestSchema, otpVerifySchema, passwordSignInSchema } from '../../../domain/schemas/auth';
import { ApiError } from '../../app/api-client';
import { apiFieldErrors, errorMessage, type FieldErrors, zodFieldErrors } from '../../app/form-errors';
import { useSession } from '../../app/session';
import { Button } from '../../ui/button';
import { formatPhone } from '../../ui/format';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { Tabs } from '../../ui/tabs';
import { PasswordField, TextField } from '../../ui/text-field';
import { requestOtp, signInWithPassword, verifyOtp } from './auth-api';

type Way = 'citizen' | 'staff';
const TAB_KEY = 'vaora.signInTab';

function readLastWay(): Way {
  try {
    return localStorage.getItem(TAB_KEY) === 'staff' ? 'staff' : 'citizen';
  } catch {
    return 'citizen';
  }
}

export function SignInPage() {
  const { t } = useTranslation();
  const [way, setWay] = useState<Way>(readLastWay);

  function choose(next: Way) {
    setWay(next);
    try {
      localStorage.setItem(TAB_KEY, next);
    } catch {
      // Remembering the tab is a convenience only.
    }
  }

  return (
    <Page title={t('signIn.title')}>
      <p className="lead">{t('signIn.intro')}</p>
      <Tabs
        label={t('signIn.tabsLabel')}
        idPrefix="sign-in"
        items={[
          { id: 'citizen', label: t('signIn.citizenTab') },
          { id: 'staff', label: t('signIn.staffTab') },
        ]}
        selected={way}
        onSelect={choose}
      >
        {way === 'citizen' ? <CitizenSignIn /> : <StaffSignIn />}
      </Tabs>
    </Page>
  );
}

/** Where a server error about a one-time code belongs: at the code field, saying what to do. */
const CODE_ERRORS = new Set(['OTP_INVALID', 'OTP_EXPIRED', 'OTP_TOO_MANY_ATTEMPTS']);

function CitizenSignIn() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<{ phone: string; minutes: number } | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'send' | 'verify' | null>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sent) codeRef.current?.focus();
  }, [sent]);

  function showError(err: unknown, field: 'phone' | 'code') {
    const fields = apiFieldErrors(err);
    if (Object.keys(fields).length) {
      setErrors(fields);
      return;
    }
    if (err instanceof ApiError && (CODE_ERRORS.has(err.code) || err.code === 'RATE_LIMITED')) {
      const left = err.details.attemptsLeft;
      const message = errorMessage(err, t);
      setErrors({
        [field]:
          err.code === 'OTP_INVALID' && typeof left === 'number' && left > 0
            ? `${message} ${t('signIn.attemptsLeft', { count: left })}`
            : message,
      });
      (field === 'code' ? codeRef : phoneRef).current?.focus();
      return;
    }
    setFormError(errorMessage(err, t));
  }

  async function send(e?: FormEvent) {
    e?.preventDefault();
    setFormError(null);
    const parsed = otpRequestSchema.safeParse({ phone });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      phoneRef.current?.focus();
      return;
    }
    setErrors({});
    setBusy('send');
    try {
      const answer = await requestOtp(parsed.data);
      setCode('');
      setSent({ phone: parsed.data.phone, minutes: Math.max(1, Math.round(answer.expiresInSeconds / 60)) });
    } catch (err) {
      showError(err, sent ? 'code' : 'phone');
    } finally {
      setBusy(null);
    }
  }

  async function verify(e: FormEvent) {
    e.preventDefault();
    if (!sent) return;
    setFormError(null);
    const parsed = otpVerifySchema.safeParse({ phone: sent.phone, code });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      codeRef.current?.focus();
      return;
    }
    setErrors({});
    setBusy('verify');
    try {
      signedIn(await verifyOtp(parsed.data));
    } catch (err) {
      showError(err, 'code');
      setBusy(null);
    }
  }

  function changePhone() {
    setSent(null);
    setErrors({});
    setFormError(null);
    setCode('');
    requestAnimationFrame(() => phoneRef.current?.focus());
  }

  return (
    <div className="stack">
      {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
      {sent ? (
        <form className="stack" onSubmit={verify} noValidate>
          <p className="notice" role="status">
            {t('signIn.codeSent', { phone: formatPhone(sent.phone), minutes: sent.minutes })}
          </p>
          <TextField
            ref={codeRef}
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            error={errors.code}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="input-code"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          />
          <Button type="submit" block busy={busy === 'verify'}>
            {t('signIn.submit')}
          </Button>
          <div className="row">
            <Button variant="secondary" busy={busy === 'send'} onClick={() => void send()}>
              {t('signIn.resend')}
            </Button>
            <Button variant="secondary" onClick={changePhone}>
              {t('signIn.changePhone')}
            </Button>
          </div>
        </form>
      ) : (
        <form className="stack" onSubmit={send} noValidate>
          <TextField
            ref={phoneRef}
            label={t('signIn.phone')}
            hint={t('signIn.phoneHint')}
            error={errors.phone}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
          />
          <Button type="submit" block busy={busy === 'send'}>
            {t('signIn.sendCode')}
          </Button>
        </form>
      )}
    </div>
  );
}

function StaffSignIn() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loginRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = passwordSignInSchema.safeParse({ login, password });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error, t);
      setErrors(found);
      (found.login ? loginRef : passwordRef).current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      signedIn(await signInWithPassword(parsed.data));
    } catch (err) {
      setBusy(false);
      const fields = apiFieldErrors(err);
      if (Object.keys(fields).length) setErrors(fields);
      else if (err instanceof ApiError && err.code === 'BAD_CREDENTIALS') {
        setErrors({ password: errorMessage(err, t) });
        passwordRef.current?.focus();
      } else setFormError(errorMessage(err, t));
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {formError ? <StatusBanner kind="error">{formError}</StatusBanner> : null}
      <TextField
        ref={loginRef}
        label={t('signIn.login')}
        error={errors.login}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={login}
        onChange={(e) => setLogin(e.currentTarget.value)}
      />
      <PasswordField
        ref={passwordRef}
        label={t('signIn.password')}
        error={errors.password}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <Button type="submit" block busy={busy}>
        {t('signIn.submit')}
      </Button>
      <p className="muted">{t('signIn.staffHint')}</p>
    </form>
  );
}
