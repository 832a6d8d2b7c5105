import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointDetail, PointStaff } from '../../../domain/points';
import { api } from '../../app/api-client';
import { Flash } from '../../app/flash';
import { errorMessage } from '../../app/form-errors';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { formatPhone } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { Page, Section } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { TextField } from '../../ui/text-field';
import { useLiveSummary } from './point-check-ins-page';
import { PointStatus } from './points-list';

const pointPath = (id: string) => `/api/points/${encodeURIComponent(id)}`;

/** A point as its manager sees it: posters, staff, open or closed, a new code. */
export function PointPage({ pointId }: { pointId: string }) {
  const { t } = useTranslation();
  const loaded = useApi<PointDetail>(pointPath(pointId));
  const [point, setPoint] = useState<PointDetail | null>(null);
  const current = point ?? (loaded.status === 'ready' ? loaded.data : null);
  return (
    <Page title={current?.name ?? t('pointPage.title')}>
      <div className="stack">
        <BackLink href="/" label={t('app.backHome')} />
        <Flash />
        {loaded.status === 'loading' ? <Loading /> : null}
        {loaded.status === 'failed' ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
        {current ? <PointBody point={current} onChange={setPoint} /> : null}
      </div>
    </Page>
  );
}

function PointBody({ point, onChange }: { point: PointDetail; onChange: (p: PointDetail) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function setOpen(open: boolean) {
    setBusy(true);
    setError(null);
    try {
      onChange(await api<PointDetail>('POST', `${pointPath(point.id)}/${open ? 'reopen' : 'close'}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="card point-card">
        <p>
          <PointStatus isOpen={point.isOpen} />
        </p>
        <p>{t(`points.kinds.${point.kind}`)}</p>
        {point.vehiclePlate ? <p>{t('pointPage.plate', { plate: point.vehiclePlate })}</p> : null}
        {/* The address already ends with the commune and province. */}
        <p>{point.address}</p>
        {point.contactPhone ? (
          <p>{t('pointPage.contact', { phone: formatPhone(point.contactPhone) })}</p>
        ) : null}
      </div>
      <Link href={`/points/${point.id}/scan`} className="btn btn-primary btn-block">
        {t('scanner.open')}
      </Link>
      <CheckInsLink pointId={point.id} />
      <Posters point={point} />
      {point.isOwner && point.staff ? <Staff point={point} /> : null}
      {point.isOwner ? (
        <Section title={t('pointPage.openTitle')}>
          <p>{point.isOpen ? t('pointPage.closeHint') : t('pointPage.reopenHint')}</p>
          {error ? <StatusBanner kind="error">{errorMessage(error, t)}</StatusBanner> : null}
          <Button
            variant={point.isOpen ? 'danger' : 'primary'}
            busy={busy}
            onClick={() => void setOpen(!point.isOpen)}
          >
            {point.isOpen ? t('pointPage.close') : t('pointPage.reopen')}
          </Button>
        </Section>
      ) : null}
      {point.isOwner ? <RotateCode point={point} /> : null}
    </>
  );
}

/** To the point's list, with today's count (kept fresh while the page is open). */
function CheckInsLink({ pointId }: { pointId: string }) {
  const { t } = useTranslation();
  const { summary } = useLiveSummary(pointId);
  return (
    <Link href={`/points/${pointId}/check-ins`} className="btn btn-secondary btn-block">
      {summary ? t('pointList.link', { count: summary.today }) : t('pointList.linkPlain')}
    </Link>
  );
}

function Posters({ point }: { point: PointDetail }) {
  const { t } = useTranslation();
  const base = pointPath(point.id);
  return (
    <Section title={t('pointPage.postersTitle')}>
      <p>{t('pointPage.postersHint')}</p>
      <ul className="link-list">
        <li>
          <a href={`${base}/poster.pdf?size=A4`} download>
            {t('pointPage.posterPdf', { size: 'A4' })}
          </a>
        </li>
        <li>
          <a href={`${base}/poster.pdf?size=A5`} download>
            {t('pointPage.posterPdf', { size: 'A5' })}
          </a>
        </li>
        <li>
          <a href={`${base}/poster.png`} download>
            {t('pointPage.posterPng')}
          </a>
        </li>
        <li>
          <a href={`${base}/poster.svg`} download>
            {t('pointPage.posterSvg')}
          </a>
        </li>
      </ul>
    </Section>
  );
}

function Staff({ point }: { point: PointDetail }) {
  const { t } = useTranslation();
  const [staff, setStaff] = useState<PointStaff[]>(point.staff ?? []);
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    setBusy('add');
    setError(null);
    setDone(null);
    try {
      const answer = await api<{ staff: PointStaff[] }>('POST', `${pointPath(point.id)}/staff`, {
        phone: phone.replace(/\s/g, ''),
      });
      setStaff(answer.staff);
      setDone(t('pointPage.staffAdded', { phone: formatPhone(phone.replace(/\s/g, '')) }));
      setPhone('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function remove(s: PointStaff) {
    setBusy(s.userId);
    setError(null);
    setDone(null);
    try {
      const answer = await api<{ staff: PointStaff[] }>(
        'DELETE',
        `${pointPath(point.id)}/staff/${encodeURIComponent(s.userId)}`,
      );
      setStaff(answer.staff);
      setDone(t('pointPage.staffRemoved', { name: s.displayName }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Section title={t('pointPage.staffTitle', { count: staff.length })}>
      {staff.length ? (
        <ul className="cards">
          {staff.map((s) => (
            <li key={s.userId} className="card">
              <h3 className="card-title">{s.displayName}</h3>
              {s.phone ? <p>{formatPhone(s.phone)}</p> : null}
              <Button variant="secondary" busy={busy === s.userId} onClick={() => void remove(s)}>
                {t('pointPage.staffRemove')}
                <span className="visually-hidden"> · {s.displayName}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('pointPage.staffEmpty')}</p>
      )}
      {done ? <StatusBanner kind="success">{done}</StatusBanner> : null}
      {error ? <StatusBanner kind="error">{errorMessage(error, t)}</StatusBanner> : null}
      <form className="stack" onSubmit={add}>
        <TextField
          label={t('pointPage.staffPhone')}
          hint={t('pointPage.staffPhoneHint')}
          value={phone}
          inputMode="tel"
          autoComplete="off"
          onChange={(e) => setPhone(e.currentTarget.value)}
        />
        <Button type="submit" busy={busy === 'add'}>
          {t('pointPage.staffAdd')}
        </Button>
      </form>
    </Section>
  );
}

function RotateCode({ point }: { point: PointDetail }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function rotate() {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `${pointPath(point.id)}/rotate-code`);
      setDone(true);
      setAsking(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('pointPage.rotateTitle')}>
      <p>{t('pointPage.rotateHint')}</p>
      {done ? <StatusBanner kind="success">{t('pointPage.rotated')}</StatusBanner> : null}
      {error ? <StatusBanner kind="error">{errorMessage(error, t)}</StatusBanner> : null}
      {asking ? (
        <StatusBanner
          kind="warning"
          actions={
            <>
              <Button variant="danger" busy={busy} onClick={() => void rotate()}>
                {t('pointPage.rotateConfirm')}
              </Button>
              <Button variant="secondary" onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          {t('pointPage.rotateWarning')}
        </StatusBanner>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {t('pointPage.rotate')}
        </Button>
      )}
    </Section>
  );
}
