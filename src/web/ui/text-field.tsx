import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  id?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, optional, id, className, ref, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {({ inputId, describedBy }) => (
        <input
          ref={ref}
          id={inputId}
          className={className ? `input ${className}` : 'input'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </Field>
  );
}

/**
 * A password field with a "show password" switch: typing blind on a phone keyboard is error-prone.
 * Several fields can share one switch: pass `shown` and render ShowPasswordSwitch once.
 */
export function PasswordField({ shown, ...props }: Omit<TextFieldProps, 'type'> & { shown?: boolean }) {
  const [ownShown, setOwnShown] = useState(false);
  const isShown = shown ?? ownShown;
  return (
    <div className="password-field">
      <TextField {...props} type={isShown ? 'text' : 'password'} autoCapitalize="none" spellCheck={false} />
      {shown === undefined ? <ShowPasswordSwitch checked={ownShown} onChange={setOwnShown} /> : null}
    </div>
  );
}

export function ShowPasswordSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{t('common.showPassword')}</span>
    </label>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

/** Several lines: long text (a link to pass on) stays readable in full on a narrow screen. */
export function TextAreaField({ label, hint, error, id, className, ref, ...area }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {({ inputId, describedBy }) => (
        <textarea
          ref={ref}
          id={inputId}
          className={className ? `input textarea ${className}` : 'input textarea'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...area}
        />
      )}
    </Field>
  );
}
