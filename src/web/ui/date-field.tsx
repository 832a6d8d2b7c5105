import { maskDmy, maskTime } from './dates';
import { TextField, type TextFieldProps } from './text-field';

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'type' | 'inputMode'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date typed as dd/mm/yyyy on the numeric keyboard (which has no slash): the slashes come by
 * themselves. A text field, not <input type="date">, whose look and order depend on the phone.
 */
export function DateField({ value, onChange, placeholder, ...rest }: Props) {
  return (
    <TextField
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={placeholder ?? 'dd/mm/yyyy'}
      className="input-date"
      value={value}
      onChange={(e) => onChange(maskDmy(e.currentTarget.value))}
    />
  );
}

/** A time typed as HH:mm (24 hours) on the numeric keyboard. */
export function TimeField({ value, onChange, placeholder, ...rest }: Props) {
  return (
    <TextField
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      placeholder={placeholder ?? 'HH:mm'}
      className="input-time"
      value={value}
      onChange={(e) => onChange(maskTime(e.currentTarget.value))}
    />
  );
}
