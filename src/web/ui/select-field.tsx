import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { Field } from './field';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
  children: ReactNode;
}

export function SelectField({
  label,
  hint,
  error,
  id,
  className,
  ref,
  children,
  ...select
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {({ inputId, describedBy }) => (
        <select
          ref={ref}
          id={inputId}
          className={className ? `input select ${className}` : 'input select'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...select}
        >
          {children}
        </select>
      )}
    </Field>
  );
}
