import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

export interface FieldIds {
  inputId: string;
  describedBy: string | undefined;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  /** A caller-chosen id for the control (e.g. to point at it from elsewhere). */
  id?: string | undefined;
  className?: string | undefined;
  children: (ids: FieldIds) => ReactNode;
}

/**
 * Label, hint and error around one control, in that order, so the error sits at the field and says what
 * to do. The control gets the ids to reference them (aria-describedby).
 */
export function Field({ label, hint, error, optional, id, className, children }: FieldProps) {
  const { t } = useTranslation();
  const auto = useId();
  const inputId = id ?? `f${auto}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'} data-invalid={error ? 'true' : undefined}>
      <label className="field-label" htmlFor={inputId}>
        {label}
        {optional ? <span className="field-optional"> ({t('common.optional')})</span> : null}
      </label>
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          <Icon name="error" />
          <span className="visually-hidden">{t('common.error')}: </span>
          {error}
        </p>
      ) : null}
      {children({ inputId, describedBy })}
    </div>
  );
}
