import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { classNames } from './format';
import { Icon } from './icons';

export interface ChoiceOption<T extends string> {
  value: T;
  label: ReactNode;
}

interface GroupFrameProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Options side by side (Có / Không) instead of one per line. */
  inline?: boolean;
  children: ReactNode;
}

/** A fieldset whose legend names the question; the hint and the error are read with every option. */
function GroupFrame({ legend, hint, error, inline, children }: GroupFrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    // The wrapper carries the error bar: a fieldset's border would leave its legend outside it.
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <fieldset
        className="choice-group"
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      >
        <legend className="field-label">{legend}</legend>
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
        <div className={classNames('choices', inline && 'choices-inline')}>{children}</div>
      </fieldset>
    </div>
  );
}

/** One answer of a few, as large tiles that a thumb hits (Có / Không, Nam / Nữ / Khác). */
export function RadioGroup<T extends string>({
  legend,
  hint,
  error,
  name,
  options,
  value,
  onChange,
  inline,
}: Omit<GroupFrameProps, 'children'> & {
  name: string;
  options: ChoiceOption<T>[];
  value: T | '';
  onChange: (value: T) => void;
}) {
  return (
    <GroupFrame legend={legend} hint={hint} error={error} inline={inline}>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </GroupFrame>
  );
}

/** Several answers: large checkboxes, one per line. */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  error,
  options,
  values,
  onToggle,
  inline,
  after,
}: Omit<GroupFrameProps, 'children'> & {
  options: ChoiceOption<T>[];
  values: readonly T[];
  onToggle: (value: T, checked: boolean) => void;
  /** A last choice of the same question that is not one of the options ("Không có triệu chứng"). */
  after?: ReactNode;
}) {
  return (
    <GroupFrame legend={legend} hint={hint} error={error} inline={inline}>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="checkbox"
            value={o.value}
            checked={values.includes(o.value)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onToggle(o.value, e.currentTarget.checked)}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {after}
    </GroupFrame>
  );
}

/** A single large checkbox (a consent, "Không có triệu chứng"), with its error beside it. */
export function CheckboxField({
  label,
  checked,
  onChange,
  error,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      {error ? (
        <p className="field-error" id={errorId}>
          <Icon name="error" />
          <span className="visually-hidden">{t('common.error')}: </span>
          {error}
        </p>
      ) : null}
      <label className="choice choice-wide">
        <input
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
    </div>
  );
}

/** After a failed submit: the first field that needs fixing gets the focus (and scrolls into view). */
export function focusFirstError(root: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const target = root?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [data-invalid] input, [data-invalid] select, [data-invalid] textarea',
    );
    target?.focus();
  });
}
