import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POINT_IMPORT_MAX_ROWS, type PointSummary, pointImportColumns } from '../../../domain/points';
import { ApiError, api, readCookie } from '../../app/api-client';
import { errorMessage } from '../../app/form-errors';
import { Link } from '../../app/router';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Page, Section } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { PointsList } from './points-list';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface RowError {
  row: number;
  field: string;
  message: string;
}

type Outcome =
  | { kind: 'created'; points: PointSummary[] }
  | { kind: 'rows'; rows: RowError[] }
  | { kind: 'failed'; error: unknown };

async function upload(file: File): Promise<PointSummary[]> {
  const token =
    readCookie('vaora_csrf') ?? (await api<{ csrfToken: string }>('GET', '/api/session')).csrfToken;
  let res: Response;
  try {
    res = await fetch('/api/points/import', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': XLSX_TYPE, accept: 'application/json', 'x-csrf-token': token },
      body: file,
    });
  } catch {
    throw new ApiError('NETWORK', 0, '');
  }
  const data = (await res.json().catch(() => null)) as {
    points?: PointSummary[];
    code?: string;
    message?: string;
    details?: { rows?: RowError[] };
  } | null;
  if (res.ok && data?.points) return data.points;
  const code = (data?.code ?? (res.status === 413 ? 'VALIDATION_FAILED' : 'INTERNAL')) as ApiError['code'];
  throw new ApiError(code, res.status, data?.message ?? '', [], data?.details ?? {});
}

/** Many points at once from the spreadsheet template: all rows or none, with each row's errors. */
export function PointsImportPage() {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOutcome(null);
    if (!file) {
      setFieldError(t('pointImport.chooseFile'));
      fileRef.current?.focus();
      return;
    }
    if (!/\.xlsx$/i.test(file.name)) {
      setFieldError(t('pointImport.notXlsx'));
      fileRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      setOutcome({ kind: 'created', points: await upload(file) });
    } catch (err) {
      const rows = err instanceof ApiError ? (err.details.rows as RowError[] | undefined) : undefined;
      setOutcome(rows?.length ? { kind: 'rows', rows } : { kind: 'failed', error: err });
    } finally {
      setBusy(false);
    }
  }

  const fieldName = (f: string) =>
    f in pointImportColumns ? pointImportColumns[f as keyof typeof pointImportColumns] : f;

  return (
    <Page title={t('pointImport.title')}>
      <div className="stack">
        <BackLink href="/" label={t('app.backHome')} />
        <p>{t('pointImport.intro')}</p>
        <Section title={t('pointImport.step1')}>
          <p>
            <a href="/api/points/import-template.xlsx" download className="btn btn-secondary">
              {t('pointImport.template')}
            </a>
          </p>
        </Section>
        <Section title={t('pointImport.step2')}>
          <form className="stack" onSubmit={submit} noValidate>
            <Field
              label={t('pointImport.file')}
              hint={t('pointImport.fileHint', { max: POINT_IMPORT_MAX_ROWS })}
              error={fieldError}
            >
              {({ inputId, describedBy }) => (
                // The browser's own file button speaks the browser's language: ours speaks the user's.
                <div className="file-picker">
                  <input
                    ref={fileRef}
                    id={inputId}
                    type="file"
                    className="file-picker-input"
                    accept={`.xlsx,${XLSX_TYPE}`}
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => {
                      setFile(e.currentTarget.files?.[0] ?? null);
                      setFieldError(undefined);
                      setOutcome(null);
                    }}
                  />
                  <label htmlFor={inputId} className="btn btn-secondary" aria-hidden="true">
                    {t('pointImport.pickFile')}
                  </label>
                  <span className="file-picker-name">{file ? file.name : t('pointImport.noFile')}</span>
                </div>
              )}
            </Field>
            <Button type="submit" block busy={busy}>
              {t('pointImport.upload')}
            </Button>
          </form>
        </Section>
        {outcome?.kind === 'failed' ? (
          <StatusBanner kind="error">{errorMessage(outcome.error, t)}</StatusBanner>
        ) : null}
        {outcome?.kind === 'rows' ? (
          <StatusBanner kind="error">
            <strong>{t('pointImport.rowsTitle', { count: outcome.rows.length })}</strong>
            <p>{t('pointImport.rowsIntro')}</p>
            <ul className="import-errors">
              {outcome.rows.map((r) => (
                <li key={`${r.row}:${r.field}:${r.message}`}>
                  {r.row > 0
                    ? t('pointImport.rowError', { row: r.row, field: fieldName(r.field), message: r.message })
                    : t('pointImport.fileError', { message: r.message })}
                </li>
              ))}
            </ul>
          </StatusBanner>
        ) : null}
        {outcome?.kind === 'created' ? (
          <>
            <StatusBanner
              kind="success"
              actions={
                <Link href="/points/posters" className="btn btn-secondary">
                  {t('pointPosters.link')}
                </Link>
              }
            >
              {t('pointImport.created', { count: outcome.points.length })}
            </StatusBanner>
            <Section title={t('pointImport.createdList')}>
              <PointsList
                caption={t('pointImport.createdList')}
                points={outcome.points}
                actions={(p) => (
                  <Link href={`/points/${p.id}`} className="btn btn-secondary">
                    {t('points.manage')}
                    <span className="visually-hidden"> · {p.name}</span>
                  </Link>
                )}
              />
            </Section>
          </>
        ) : null}
      </div>
    </Page>
  );
}
