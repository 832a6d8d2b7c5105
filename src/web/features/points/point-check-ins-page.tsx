import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CheckInMethod, checkInMethods } from '../../../domain/check-in';
import type { PointDetail } from '../../../domain/points';
import { api } from '../../app/api-client';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { DateField } from '../../ui/date-field';
import { dmyToIso, formatTime, isoToDmy, todayVnIso } from '../../ui/dates';
import { formatDateTime, formatPhone } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page, Section } from '../../ui/page-layout';
import { ResponsiveList } from '../../ui/responsive-list';
import { StatusBanner } from '../../ui/status-banner';
import { TextField } from '../../ui/text-field';

const PAGE_SIZE = 20;
const REFRESH_MS = 30_000;
const DAY_MS = 86_400_000;

export interface CheckInSummary {
  date: string;
  today: number;
  perHour: number[];
}

interface CheckInRowView {
  id: string;
  at: string;
  fullName: string | null;
  birthYear: number | null;
  gender: string | null;
  phone: string | null;
  idNumberMasked: string | null;
  address: string | null;
  method: CheckInMethod;
  direction: 'in' | 'out';
}

interface ListAnswer {
  rows: CheckInRowView[];
  total: number;
  page: number;
  pageSize: number;
}

const pointPath = (id: string) => `/api/points/${encodeURIComponent(id)}`;

/** Midnight of a Vietnamese day (ISO date) as an instant with its offset. */
const vnMidnight = (isoDate: string) => `${isoDate}T00:00:00+07:00`;
const addDays = (isoDate: string, days: number) =>
  todayVnIso(new Date(vnMidnight(isoDate)).getTime() + days * DAY_MS);

interface SummaryState {
  summary: CheckInSummary | null;
  /** When the shown figures arrived. */
  at: number | null;
  /** Why the last request failed, if it did (the last figures, if any, stay shown). */
  error: unknown;
}

/**
 * A day's count and per-hour figures of a point (Vietnam calendar day; `null` is today). Today's are
 * fetched again every 30 s, and follow the date past midnight; a past day's do not change, so they are
 * fetched once. The last answer stays shown until the next one arrives: check its `date`.
 */
export function useLiveSummary(
  pointId: string,
  day: string | null = null,
): SummaryState & { reload: () => void } {
  const [state, setState] = useState<SummaryState>({ summary: null, at: null, error: null });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is there to fetch again on demand
  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      const signal = controller.signal;
      // An earlier failure (perhaps of another day) is not this request's.
      setState((s) => (s.error ? { ...s, error: null } : s));
      api<CheckInSummary>('GET', `${pointPath(pointId)}/check-ins/summary`, undefined, {
        signal,
        query: { date: day ?? todayVnIso() },
      }).then(
        (summary) => {
          if (!signal.aborted) setState({ summary, at: Date.now(), error: null });
        },
        (error: unknown) => {
          // Keep the last figures; today's next round tries again.
          if (!signal.aborted) setState((s) => ({ ...s, error }));
        },
      );
    };
    load();
    const timer = day === null ? setInterval(load, REFRESH_MS) : undefined;
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [pointId, day, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

type When = { kind: 'today' } | { kind: 'last7' } | { kind: 'range'; from: string; to: string };

function whenQuery(when: When): { from?: string; to?: string } {
  const today = todayVnIso();
  if (when.kind === 'today') return { from: vnMidnight(today) };
  if (when.kind === 'last7') return { from: vnMidnight(addDays(today, -6)) };
  return { from: vnMidnight(when.from), to: vnMidnight(addDays(when.to, 1)) };
}

/** The point's check-ins: a day's count and chart (today's live), filters as chips, a table or cards, export. */
export function PointCheckInsPage({ pointId }: { pointId: string }) {
  const { t } = useTranslation();
  const point = useApi<PointDetail>(pointPath(pointId));
  // The day of the count and chart: null is today (live).
  const [day, setDay] = useState<string | null>(null);
  const live = useLiveSummary(pointId, day);
  const [when, setWhen] = useState<When>({ kind: 'today' });
  const [method, setMethod] = useState<CheckInMethod | ''>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const range = whenQuery(when);
  const list = useApi<ListAnswer>(`${pointPath(pointId)}/check-ins`, {
    ...range,
    method: method || undefined,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const name = point.status === 'ready' ? point.data.name : null;

  return (
    <Page title={name ? t('pointList.titleAt', { name }) : t('pointList.title')}>
      <div className="stack">
        <BackLink href={`/points/${pointId}`} label={t('pointList.backToPoint')} />
        {point.status === 'failed' ? <LoadError error={point.error} onRetry={point.reload} /> : null}
        <DayPanel day={day} onDay={setDay} live={live} />
        <Filters
          when={when}
          onWhen={(w) => {
            setWhen(w);
            setPage(1);
          }}
          method={method}
          onMethod={(m) => {
            setMethod(m);
            setPage(1);
          }}
          q={q}
          onQ={(text) => {
            setQ(text);
            setPage(1);
          }}
        />
        <Results list={list} page={page} onPage={setPage} />
        {point.status === 'ready' ? (
          <Export pointId={pointId} isOwner={point.data.isOwner} range={range} />
        ) : null}
      </div>
    </Page>
  );
}

/** A day's count and per-hour chart (with its figures as a table), and the choice of the day. */
function DayPanel({
  day,
  onDay,
  live,
}: {
  day: string | null;
  onDay: (day: string | null) => void;
  live: ReturnType<typeof useLiveSummary>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const today = todayVnIso();
  const wanted = day ?? today;
  // The last answer may still be another day's: show it only under its own day's words.
  const summary = live.summary?.date === wanted ? live.summary : null;
  const isToday = wanted === today;
  const date = isoToDmy(wanted);
  const words = isToday
    ? {
        count: t('pointList.todayCount', { count: summary?.today ?? 0 }),
        chartTitle: t('pointList.chartTitle'),
        chartLabel: t('pointList.chartLabel', { count: summary?.today ?? 0 }),
        tableCaption: t('pointList.chartTableCaption'),
        empty: t('pointList.chartEmpty'),
      }
    : {
        count: t('pointList.dayCount', { date, count: summary?.today ?? 0 }),
        chartTitle: t('pointList.dayChartTitle', { date }),
        chartLabel: t('pointList.dayChartLabel', { date, count: summary?.today ?? 0 }),
        tableCaption: t('pointList.dayChartTableCaption', { date }),
        empty: t('pointList.dayChartEmpty', { date }),
      };
  return (
    <section className="card today-panel stack" aria-labelledby={titleId}>
      <h2 className="today-count" id={titleId} aria-live="polite">
        {summary ? words.count : isToday ? t('pointList.today') : t('pointList.dayTitle', { date })}
      </h2>
      {summary && isToday && live.at ? (
        <p className="muted">{t('pointList.liveHint', { time: formatTime(live.at) })}</p>
      ) : null}
      <DayChoice day={day} today={today} onDay={onDay} />
      {summary ? (
        <HourChart summary={summary} words={words} />
      ) : live.error ? (
        <LoadError error={live.error} onRetry={live.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

/** A day typed as dd/mm/yyyy (today at most), and the way back to today's live figures. */
function DayChoice({
  day,
  today,
  onDay,
}: {
  day: string | null;
  today: string;
  onDay: (day: string | null) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(isoToDmy(day ?? today));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setValue(isoToDmy(day ?? today));
    setError(undefined);
  }, [day, today]);

  function choose(next: string) {
    setValue(next);
    // While a date is being typed, keep the day shown until a whole date is in.
    if (next.length < 10) return;
    const iso = dmyToIso(next);
    if (!iso) {
      setError(t('pointList.rangeInvalid'));
      return;
    }
    if (iso > today) {
      setError(t('pointList.dayFuture'));
      return;
    }
    setError(undefined);
    onDay(iso === today ? null : iso);
  }

  return (
    <div className="range-form">
      <DateField label={t('pointList.dayPick')} value={value} error={error} onChange={choose} />
      {day !== null ? (
        <Button variant="secondary" onClick={() => onDay(null)}>
          {t('pointList.backToToday')}
        </Button>
      ) : null}
    </div>
  );
}

interface ChartWords {
  chartTitle: string;
  chartLabel: string;
  tableCaption: string;
  empty: string;
}

function HourChart({ summary, words }: { summary: CheckInSummary; words: ChartWords }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...summary.perHour);
  const W = 24 * 20;
  const H = 260;
  const base = H - 34;
  const busyHours = summary.perHour.map((count, hour) => ({ hour, count })).filter((h) => h.count > 0);
  return (
    <>
      <h3 className="subheading">{words.chartTitle}</h3>
      <svg className="hour-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={words.chartLabel}>
        <line x1="0" y1={base} x2={W} y2={base} className="hour-chart-axis" />
        {summary.perHour.map((count, hour) => {
          const h = Math.round((count / max) * (base - 30));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the 24 hours of a day
            <g key={hour}>
              <rect x={hour * 20 + 3} y={base - h} width="14" height={h} className="hour-chart-bar" />
              {count > 0 ? (
                <text x={hour * 20 + 10} y={base - h - 6} className="hour-chart-value" textAnchor="middle">
                  {count}
                </text>
              ) : null}
              {hour % 6 === 0 ? (
                <text
                  x={hour === 0 ? 2 : hour * 20 + 10}
                  y={H - 6}
                  className="hour-chart-label"
                  textAnchor={hour === 0 ? 'start' : 'middle'}
                >
                  {`${hour}h`}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="browse">
        <summary className="browse-summary">{t('pointList.chartTable')}</summary>
        {busyHours.length ? (
          <div className="table-wrap">
            <table className="table hour-table">
              <caption className="visually-hidden">{words.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pointList.hour')}</th>
                  <th scope="col">{t('pointList.count')}</th>
                </tr>
              </thead>
              <tbody>
                {busyHours.map(({ hour, count }) => (
                  <tr key={hour}>
                    <th scope="row">{`${String(hour).padStart(2, '0')}:00–${String(hour).padStart(2, '0')}:59`}</th>
                    <td>{count}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('pointList.total')}</th>
                  <td data-total>{busyHours.reduce((s, h) => s + h.count, 0)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : (
          <p className="muted">{words.empty}</p>
        )}
      </details>
    </>
  );
}

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: string }) {
  return (
    <button type="button" className="chip" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}

function Filters({
  when,
  onWhen,
  method,
  onMethod,
  q,
  onQ,
}: {
  when: When;
  onWhen: (w: When) => void;
  method: CheckInMethod | '';
  onMethod: (m: CheckInMethod | '') => void;
  q: string;
  onQ: (q: string) => void;
}) {
  const { t } = useTranslation();
  const [showRange, setShowRange] = useState(when.kind === 'range');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rangeErrors, setRangeErrors] = useState<{ from?: string; to?: string }>({});
  const [text, setText] = useState(q);

  function applyRange(e: FormEvent) {
    e.preventDefault();
    const f = dmyToIso(from);
    const tt = dmyToIso(to || from);
    const errs: { from?: string; to?: string } = {};
    if (!f) errs.from = t('pointList.rangeInvalid');
    if (!tt) errs.to = t('pointList.rangeInvalid');
    if (f && tt && tt < f) errs.to = t('pointList.rangeOrder');
    setRangeErrors(errs);
    if (f && tt && !errs.from && !errs.to) onWhen({ kind: 'range', from: f, to: tt });
  }

  return (
    <Section title={t('pointList.filters')}>
      <fieldset className="chips">
        <legend className="chips-label">{t('pointList.when')}:</legend>
        <Chip
          pressed={when.kind === 'today' && !showRange}
          onClick={() => {
            setShowRange(false);
            onWhen({ kind: 'today' });
          }}
        >
          {t('pointList.today')}
        </Chip>
        <Chip
          pressed={when.kind === 'last7' && !showRange}
          onClick={() => {
            setShowRange(false);
            onWhen({ kind: 'last7' });
          }}
        >
          {t('pointList.last7')}
        </Chip>
        <Chip pressed={showRange} onClick={() => setShowRange(true)}>
          {t('pointList.range')}
        </Chip>
      </fieldset>
      {showRange ? (
        <form className="range-form" onSubmit={applyRange} noValidate>
          <DateField
            label={t('pointList.fromDate')}
            value={from}
            onChange={setFrom}
            error={rangeErrors.from}
          />
          <DateField label={t('pointList.toDate')} value={to} onChange={setTo} error={rangeErrors.to} />
          <Button type="submit" variant="secondary">
            {t('pointList.rangeApply')}
          </Button>
        </form>
      ) : null}
      <fieldset className="chips">
        <legend className="chips-label">{t('pointList.method')}:</legend>
        <Chip pressed={method === ''} onClick={() => onMethod('')}>
          {t('pointList.allMethods')}
        </Chip>
        {checkInMethods.map((m) => (
          <Chip key={m} pressed={method === m} onClick={() => onMethod(m)}>
            {t(`pointList.methodChips.${m}`)}
          </Chip>
        ))}
      </fieldset>
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          onQ(text.trim());
        }}
      >
        <TextField
          label={t('pointList.search')}
          type="search"
          value={text}
          autoComplete="off"
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <div className="row">
          <Button type="submit" variant="secondary">
            {t('pointList.searchSubmit')}
          </Button>
          {q ? (
            <Button
              variant="quiet"
              onClick={() => {
                setText('');
                onQ('');
              }}
            >
              {t('pointList.searchClear')}
            </Button>
          ) : null}
        </div>
      </form>
    </Section>
  );
}

function Results({
  list,
  page,
  onPage,
}: {
  list: ReturnType<typeof useApi<ListAnswer>>;
  page: number;
  onPage: (p: number) => void;
}) {
  const { t } = useTranslation();
  const [last, setLast] = useState<ListAnswer | null>(null);
  useEffect(() => {
    if (list.status === 'ready') setLast(list.data);
  }, [list.status, list.data]);
  const data = list.status === 'ready' ? list.data : last;
  const title = data ? t('pointList.results', { count: data.total }) : t('pointList.title');
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Section title={title}>
      {list.status === 'failed' ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!data && list.status === 'loading' ? <Loading /> : null}
      {data ? (
        data.rows.length ? (
          <div aria-busy={list.status === 'loading' || undefined}>
            <ResponsiveList
              caption={title}
              rows={data.rows}
              rowKey={(r) => r.id}
              columns={[
                { header: t('pointList.name'), cell: (r) => r.fullName ?? t('pointList.unnamed') },
                { header: t('pointList.at'), cell: (r) => formatDateTime(r.at) },
                { header: t('pointList.birthYear'), cell: (r) => r.birthYear ?? '' },
                ...(data.rows.some((r) => r.gender)
                  ? [
                      {
                        header: t('pointList.gender'),
                        cell: (r: CheckInRowView) =>
                          r.gender === 'male' || r.gender === 'female' || r.gender === 'other'
                            ? t(`person.genders.${r.gender}`)
                            : '',
                      },
                    ]
                  : []),
                { header: t('pointList.phone'), cell: (r) => (r.phone ? formatPhone(r.phone) : '') },
                {
                  header: t('pointList.how'),
                  cell: (r) =>
                    `${t(`checkIns.methods.${r.method}`)} · ${t(`checkIns.directions.${r.direction}`)}`,
                },
              ]}
            />
          </div>
        ) : (
          <p className="muted">{t('pointList.empty')}</p>
        )
      ) : null}
      {data && pages > 1 ? (
        <nav className="pager" aria-label={t('pointList.pagesLabel')}>
          <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('pointList.prev')}
          </Button>
          <span className="pager-status">{t('pointList.page', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('pointList.next')}
          </Button>
        </nav>
      ) : null}
    </Section>
  );
}

type Format = 'xlsx' | 'csv';

function Export({
  pointId,
  isOwner,
  range,
}: {
  pointId: string;
  isOwner: boolean;
  range: { from?: string; to?: string };
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<Format | null>(null);
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [url, setUrl] = useState<string | null>(null);
  const label = format === 'csv' ? 'CSV' : 'Excel';

  function start(f: Format) {
    setFormat(f);
    setError(undefined);
    setUrl(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!format) return;
    if (purpose.trim().length < 5) {
      setError(t('pointList.purposeShort'));
      return;
    }
    setError(undefined);
    const params = new URLSearchParams();
    if (range.from) params.set('from', range.from);
    if (range.to) params.set('to', range.to);
    params.set('purpose', purpose.trim());
    const href = `${pointPath(pointId)}/check-ins/export.${format}?${params.toString()}`;
    setUrl(href);
    const a = document.createElement('a');
    a.href = href;
    a.download = '';
    document.body.append(a);
    a.click();
    a.remove();
  }

  return (
    <Section title={t('pointList.exportTitle')}>
      {isOwner ? (
        <>
          <p>{t('pointList.exportHint')}</p>
          <div className="row">
            <Button variant={format === 'xlsx' ? 'primary' : 'secondary'} onClick={() => start('xlsx')}>
              {t('pointList.exportXlsx')}
            </Button>
            <Button variant={format === 'csv' ? 'primary' : 'secondary'} onClick={() => start('csv')}>
              {t('pointList.exportCsv')}
            </Button>
          </div>
          {format ? (
            <form className="stack export-form" onSubmit={submit} noValidate>
              <TextField
                label={t('pointList.purpose')}
                hint={t('pointList.purposeHint')}
                error={error}
                value={purpose}
                required
                minLength={5}
                maxLength={300}
                autoFocus
                onChange={(e) => setPurpose(e.currentTarget.value)}
              />
              <Button type="submit">{t('pointList.download', { format: label })}</Button>
              {url ? (
                <StatusBanner kind="info">
                  {t('pointList.downloading', { format: label })}
                  <a href={url} download>
                    {t('pointList.downloadLink', { format: label })}
                  </a>
                </StatusBanner>
              ) : null}
            </form>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('pointList.exportOwnerOnly')}</p>
      )}
    </Section>
  );
}
