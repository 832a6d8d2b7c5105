import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Icon } from '../../ui/icons';
import { listUnits, searchUnits, toChoice, type UnitChoice, type UnitSummary } from './units-api';

export interface AddressPickerProps {
  label: string;
  hint?: string | undefined;
  value: UnitChoice | null;
  onChange: (value: UnitChoice | null) => void;
  /** What may be chosen: a province, a commune, or either. */
  level: 'province' | 'commune' | 'any';
  /** Only this province and its communes (a province officer's area). */
  provinceCode?: string | undefined;
  error?: string | undefined;
}

const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;

/** The part of a path after the unit's own name: "Tỉnh Đồng Nai" for "Phường Đồng Xoài, Tỉnh Đồng Nai". */
function parentsOf(u: { name: string; path: string }): string {
  return u.path.startsWith(`${u.name}, `) ? u.path.slice(u.name.length + 2) : '';
}

/**
 * Chooses an administrative unit: a search box with suggestions (an ARIA combobox: type, arrows,
 * Enter; or tap) for those who know the name, and province → commune lists for those who browse.
 */
export function AddressPicker({
  label,
  hint,
  value,
  onChange,
  level,
  provinceCode,
  error,
}: AddressPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const chosenId = `${id}-chosen`;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<UnitSummary[]>([]);
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY) {
      setResults([]);
      setStatus('idle');
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    setStatus('searching');
    // Wait for a pause in typing: one request per word, not per letter, on a slow network.
    const timer = setTimeout(() => {
      searchUnits(
        q,
        { level: level === 'any' ? undefined : level, province: provinceCode },
        controller.signal,
      ).then(
        (units) => {
          const allowed = provinceCode ? units.filter((u) => u.provinceCode === provinceCode) : units;
          setResults(allowed);
          setActive(allowed.length ? 0 : -1);
          setStatus('done');
          setOpen(allowed.length > 0);
        },
        () => {
          if (controller.signal.aborted) return;
          setResults([]);
          setStatus('failed');
          setOpen(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, level, provinceCode]);

  function choose(unit: UnitSummary) {
    onChange(toChoice(unit));
    setQuery('');
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = results.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter' && open) {
      // Enter picks the suggestion; it must not submit the surrounding form.
      e.preventDefault();
      const unit = results[active];
      if (unit) choose(unit);
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
    }
  }

  const statusText =
    status === 'searching'
      ? t('units.searching')
      : status === 'failed'
        ? t('units.unavailable')
        : status === 'done'
          ? results.length
            ? t('units.results', { count: results.length })
            : t('units.noResults')
          : '';

  return (
    <Field
      label={label}
      hint={hint ? `${hint} ${t('units.searchHint')}` : t('units.searchHint')}
      error={error}
    >
      {({ inputId, describedBy }) => (
        <div className="picker">
          <div className="combobox">
            <Icon name="search" className="combobox-icon" />
            <input
              id={inputId}
              className="input input-search"
              type="text"
              role="combobox"
              autoComplete="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="search"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listId}
              aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
              aria-describedby={[describedBy, value ? chosenId : undefined, statusText ? statusId : undefined]
                .filter(Boolean)
                .join(' ')}
              aria-invalid={error ? true : undefined}
              placeholder={t('units.placeholder')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={onKeyDown}
              onFocus={() => {
                if (results.length) setOpen(true);
              }}
              onBlur={() => setOpen(false)}
            />
            <div className="listbox" id={listId} role="listbox" aria-label={label} hidden={!open}>
              {results.map((u, i) => (
                // The keyboard stays in the input (aria-activedescendant): options take taps and clicks only.
                // biome-ignore lint/a11y/useKeyWithClickEvents: see above
                <div
                  key={u.code}
                  id={`${listId}-${i}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === active}
                  className="option"
                  // Keep the focus in the box, so a tap selects instead of closing the list first.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(u)}
                  onMouseMove={() => setActive(i)}
                >
                  <span className="option-name">{u.name}</span>
                  {parentsOf(u) ? (
                    <span className="option-path">
                      {/* Heard as "Phường Đồng Xoài, Tỉnh Đồng Nai": a pause between the name and its province. */}
                      <span className="visually-hidden">, </span>
                      {parentsOf(u)}
                    </span>
                  ) : null}
                </div>
              ))}
            </div>
          </div>
          <p className="picker-status" id={statusId} role="status">
            {statusText}
          </p>
          <BrowseUnits level={level} provinceCode={provinceCode} value={value} onChange={onChange} />
          <div className="picker-chosen" id={chosenId} aria-live="polite">
            {value ? (
              <>
                <div className="picker-chosen-text">
                  <span className="picker-chosen-label">{t('units.selected')}: </span>
                  <strong>{value.name}</strong>
                  {parentsOf(value) ? <span className="picker-chosen-path">, {parentsOf(value)}</span> : null}
                </div>
                <Button
                  variant="secondary"
                  aria-label={`${t('units.clear')}: ${value.name}`}
                  onClick={() => onChange(null)}
                >
                  {t('units.clear')}
                </Button>
              </>
            ) : null}
          </div>
        </div>
      )}
    </Field>
  );
}

function useUnitList(parent: string | undefined, enabled: boolean) {
  const [state, setState] = useState<{ units: UnitSummary[]; failed: boolean }>({ units: [], failed: false });
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    listUnits(parent, controller.signal).then(
      (units) => setState({ units, failed: false }),
      () => {
        if (!controller.signal.aborted) setState({ units: [], failed: true });
      },
    );
    return () => controller.abort();
  }, [parent, enabled]);
  return state;
}

/** Province → commune lists, loaded only when opened. */
function BrowseUnits({
  level,
  provinceCode,
  value,
  onChange,
}: Pick<AddressPickerProps, 'level' | 'provinceCode' | 'value' | 'onChange'>) {
  const { t } = useTranslation();
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [province, setProvince] = useState(provinceCode ?? value?.provinceCode ?? '');
  const provinces = useUnitList(undefined, isOpen && !provinceCode);
  const communes = useUnitList(province || undefined, isOpen && level !== 'province' && province !== '');

  function chooseProvince(code: string) {
    setProvince(code);
    if (level === 'commune') {
      if (value) onChange(null);
      return;
    }
    const unit = provinces.units.find((u) => u.code === code);
    onChange(unit ? toChoice(unit) : null);
  }

  function chooseCommune(code: string) {
    const unit = communes.units.find((u) => u.code === code);
    if (unit) onChange(toChoice(unit));
    else if (level === 'any') {
      const p = provinces.units.find((u) => u.code === province);
      onChange(p ? toChoice(p) : null);
    } else onChange(null);
  }

  const communeValue = value?.level === 'commune' && value.provinceCode === province ? value.code : '';
  const failed = provinces.failed || communes.failed;

  return (
    <details className="browse" onToggle={(e) => setIsOpen(e.currentTarget.open)}>
      <summary className="browse-summary">{t('units.browse')}</summary>
      {isOpen ? (
        <div className="browse-body stack">
          {failed ? <p className="field-error">{t('units.unavailable')}</p> : null}
          {provinceCode ? null : (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-province`}>
                {t('units.province')}
              </label>
              <select
                id={`${id}-province`}
                className="input select"
                value={province}
                onChange={(e) => chooseProvince(e.currentTarget.value)}
              >
                <option value="">{t('units.chooseProvince')}</option>
                {provinces.units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {level !== 'province' && province ? (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-commune`}>
                {t('units.commune')}
              </label>
              <select
                id={`${id}-commune`}
                className="input select"
                value={communeValue}
                onChange={(e) => chooseCommune(e.currentTarget.value)}
              >
                <option value="">
                  {level === 'commune' && !provinceCode ? t('units.chooseCommune') : t('units.wholeProvince')}
                </option>
                {communes.units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
