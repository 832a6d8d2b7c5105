import type { ButtonHTMLAttributes, Ref } from 'react';
import { classNames } from './format';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** Full width: the one main action of a phone screen. */
  block?: boolean;
  /** Shows the work in progress and refuses a second press. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** At least 48 px high and wide, so it can be hit with a thumb in the sun. */
export function Button({
  variant = 'primary',
  block = false,
  busy = false,
  className,
  disabled,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames('btn', `btn-${variant}`, block && 'btn-block', className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
