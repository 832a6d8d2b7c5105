import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeCheckResult } from '../../../domain/code-check';
import type { StatusColour, StatusReason } from '../../../domain/status';
import { ApiError } from '../../app/api-client';
import { errorMessage } from '../../app/form-errors';
import { readStored, writeStored } from '../../app/storage';
import { useApi } from '../../app/use-api';
import { useIsOnline } from '../../app/use-online';
import {
  countQueued,
  type Direction,
  enqueueScan,
  onQueueChange,
  type ScanInput,
  type ScanResult,
  syncQueue,
} from '../../pwa/scan-queue';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/page-layout';
import { StatusBanner } from '../../ui/status-banner';
import { TextField } from '../../ui/text-field';
import { myPointsPath, type PointsAnswer } from '../points/points-api';
import { StatusCard } from '../qr/status-card';
import { Camera } from './camera';
import { checkCodeOffline, refreshOfflineKeys } from './offline-keys';
import { readCode } from './read-code';

/** How long a result covers the camera. */
const CARD_MS = 2000;
/** The camera sees one code in many frames: the same text within this time is one scan. */
const REPEAT_MS = 3000;
const SYNC_EVERY_MS = 10_000;

export interface ScanOutcome {
  /** the time of the scan, for the list of recent scans */
  key: string;
  ok: boolean;
  title: string;
  name?: string;
  details: string[];
  colour?: StatusColour;
  reasons?: StatusReason[];
}

/** The number of this point's scans waiting to be sent, kept current. */
function useQueuedCount(pointId: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    const update = () =>
      void countQueued(pointId).then(
        (n) => alive && setCount(n),
        () => undefined,
      );
    update();
    const off = onQueueChange(update);
    return () => {
      alive = false;
      off();
    };
  }, [pointId]);
  return count;
}

/** Sends the queue on start, when the network returns, after each scan (`kick`) and every 10 s. */
function useSync(pointId: string) {
  const [error, setError] = useState<unknown>(null);
  const [answers, setAnswers] = useState<ReadonlyMap<string, ScanResult>>(new Map());
  const sync = useCallback(() => {
    if (!navigator.onLine) return;
    syncQueue(pointId).then(
      (results) => {
        setError(null);
        if (results.length)
          setAnswers((old) => {
            const next = new Map(old);
            for (const r of results) next.set(r.id, r);
            return next;
          });
      },
      (err: unknown) => {
        // Without a network the count and "Mất kết nối" say enough; other failures are told.
        setError(err instanceof ApiError && err.code === 'NETWORK' ? null : err);
      },
    );
  }, [pointId]);
  useEffect(() => {
    sync();
    window.addEventListener('online', sync);
    const timer = setInterval(sync, SYNC_EVERY_MS);
    return () => {
      window.removeEventListener('online', sync);
      clearInterval(timer);
    };
  }, [sync]);
  return { sync, error, answers };
}

function signal(ok: boolean) {
  navigator.vibrate?.(ok ? 80 : [120, 80, 120]);
  try {
    const audio = new AudioContext();
    const osc = audio.createOscillator();
    osc.frequency.value = ok ? 1200 : 300;
    osc.connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + (ok ? 0.12 : 0.35));
    osc.onended = () => void audio.close();
  } catch {
    // No sound on this device: the card and the vibration still tell.
  }
}

/** "Quét mã" for a point's staff: camera, a USB/Bluetooth scanner's field, and typing by hand. */
export function ScannerPage({ pointId }: { pointId: string }) {
  const { t } = useTranslation();
  const points = useApi<PointsAnswer>(myPointsPath);
  const loaded = points.status === 'ready' ? points.data.points.find((p) => p.id === pointId) : undefined;
  // Remembered, so a scanner opened without signal still says where it records.
  const pointKey = `scanner.point.${pointId}`;
  useEffect(() => {
    if (loaded) writeStored(pointKey, { name: loaded.name });
  }, [loaded, pointKey]);
  const point = loaded ?? readStored<{ name: string }>(pointKey) ?? undefined;
  const isOnline = useIsOnline();
  const waiting = useQueuedCount(pointId);
  const { sync, error: syncError, answers } = useSync(pointId);
  const [direction, setDirection] = useState<Direction>('in');
  const [card, setCard] = useState<ScanOutcome | null>(null);
  const [recent, setRecent] = useState<ScanOutcome[]>([]);
  const lastRead = useRef<{ text: string; at: number } | null>(null);
  const cardTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    void refreshOfflineKeys();
    return () => clearTimeout(cardTimer.current);
  }, []);

  const show = useCallback((outcome: ScanOutcome) => {
    setCard(outcome);
    setRecent((old) => [outcome, ...old].slice(0, 5));
    signal(outcome.ok);
    clearTimeout(cardTimer.current);
    cardTimer.current = setTimeout(() => setCard(null), CARD_MS);
  }, []);

  const record = useCallback(
    async (input: ScanInput, outcome: Omit<ScanOutcome, 'key' | 'ok' | 'title'>) => {
      let id: string;
      try {
        id = (await enqueueScan(pointId, direction, input)).id;
      } catch {
        show({
          key: crypto.randomUUID(),
          ok: false,
          title: t('scanner.notRecorded'),
          details: [t('scanner.storageFailed')],
        });
        return;
      }
      show({ key: id, ok: true, title: t('scanner.recorded'), ...outcome });
      sync();
    },
    [pointId, direction, show, sync, t],
  );

  const handleText = useCallback(
    async (raw: string) => {
      const text = raw.trim();
      if (!text) return;
      const now = Date.now();
      if (lastRead.current && lastRead.current.text === text && now - lastRead.current.at < REPEAT_MS) return;
      lastRead.current = { text, at: now };
      const code = readCode(text);
      const refuse = (reason: string) =>
        show({ key: crypto.randomUUID(), ok: false, title: t('scanner.notRecorded'), details: [reason] });
      switch (code.kind) {
        case 'vaora': {
          const check: CodeCheckResult = await checkCodeOffline(code.token);
          if (!check.valid) return refuse(t(`errors.${check.code}`));
          const year = new Date().getFullYear();
          const c = check.claims;
          const details = [t('scanner.age', { age: year - c.y, year: c.y })];
          if (check.kind === 'personal') {
            if (c.typ === 'p' && c.s?.length) {
              details.push(
                t('scanner.symptoms', { list: c.s.map((s) => t(`health.symptomNames.${s}`)).join(', ') }),
              );
            }
            return record(
              { kind: 'vaora', token: code.token },
              { name: c.n, details, colour: check.claims.col, reasons: check.claims.r },
            );
          }
          if (check.kind === 'movement') details.push(t('scanner.movementCode'));
          if (check.kind === 'card') details.push(t('scanner.cardCode'));
          return record({ kind: 'vaora', token: code.token }, { name: c.n, details });
        }
        case 'national':
          return record(
            { kind: 'national', text: code.text },
            { name: code.name, details: [t('scanner.nationalCode', { year: code.birthYear })] },
          );
        case 'cccd':
          return record(
            { kind: 'cccd', text: code.text },
            { name: code.name, details: [t('scanner.cccdCode', { year: code.birthYear })] },
          );
        case 'malformed':
          return refuse(t(`scanner.malformed.${code.format}`));
        case 'point':
          return refuse(t('scanner.pointCode'));
        case 'unknown':
          return refuse(/^https?:\/\//i.test(code.text) ? t('scanner.pointCode') : t('scanner.unknownCode'));
      }
    },
    [record, show, t],
  );

  const title = point ? t('scanner.titleAt', { name: point.name }) : t('scanner.title');
  return (
    <Page title={title}>
      <div className="stack">
        <BackLink href="/" label={t('app.backHome')} />
        <div className="scan-status" role="status">
          <span className={waiting ? 'status status-warn' : 'status status-ok'}>
            <Icon name={waiting ? 'pause' : 'check'} />
            {t('scanner.waiting', { count: waiting })}
          </span>
          {isOnline ? null : (
            <span className="status status-bad">
              <Icon name="warning" />
              {t('scanner.offline')}
            </span>
          )}
        </div>
        {syncError ? <StatusBanner kind="error">{errorMessage(syncError, t)}</StatusBanner> : null}
        <DirectionSwitch value={direction} onChange={setDirection} />
        <div className="scanner-view">
          <Camera label={t('scanner.cameraLabel')} onRead={(text) => void handleText(text)} />
          {card ? <ResultCard outcome={card} /> : null}
        </div>
        <TypedCodeForm onSubmit={(text) => void handleText(text)} />
        <HandEntryForm
          onSubmit={(input) =>
            void record(input, { name: input.fullName, details: [t('scanner.handEntry')] })
          }
        />
        {recent.length ? (
          <section aria-labelledby="recent-scans" className="stack">
            <h2 id="recent-scans" className="section-title">
              {t('scanner.recent')}
            </h2>
            <ul className="recent-scans">
              {recent.map((o) => (
                <li key={o.key} className={o.ok ? 'recent-ok' : 'recent-bad'}>
                  <Icon name={o.ok ? 'check' : 'error'} />
                  <span>
                    <strong>{o.title}</strong>
                    {o.name ? ` · ${o.name}` : ''}
                    {o.ok ? '' : ` · ${o.details.join(' · ')}`}
                    {o.ok ? <SyncState answer={answers.get(o.key)} /> : null}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Page>
  );
}

/** Whether one recorded scan has reached the server. */
function SyncState({ answer }: { answer: ScanResult | undefined }) {
  const { t } = useTranslation();
  if (!answer) return <span className="recent-sync"> · {t('scanner.sync.waiting')}</span>;
  if (answer.status === 'rejected') {
    return (
      <span className="recent-sync recent-rejected">
        {' '}
        · {t('scanner.sync.rejected')}
        {answer.message ? `: ${answer.message}` : ''}
      </span>
    );
  }
  return <span className="recent-sync"> · {t('scanner.sync.sent')}</span>;
}

function DirectionSwitch({ value, onChange }: { value: Direction; onChange: (d: Direction) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented" aria-label={t('scanner.direction')}>
      {(['in', 'out'] as const).map((d) => (
        <button
          key={d}
          type="button"
          className={value === d ? 'btn btn-primary' : 'btn btn-secondary'}
          aria-pressed={value === d}
          onClick={() => onChange(d)}
        >
          {t(`scanner.directions.${d}`)}
        </button>
      ))}
    </fieldset>
  );
}

function ResultCard({ outcome }: { outcome: ScanOutcome }) {
  return (
    <div className={outcome.ok ? 'scan-card scan-card-ok' : 'scan-card scan-card-bad'} role="alert">
      <p className="scan-card-title">
        <Icon name={outcome.ok ? 'check' : 'error'} className="scan-card-icon" />
        {outcome.title}
      </p>
      {outcome.name ? <p className="scan-card-name">{outcome.name}</p> : null}
      {outcome.details.map((d) => (
        <p key={d}>{d}</p>
      ))}
      {outcome.colour ? <StatusCard colour={outcome.colour} reasons={outcome.reasons ?? []} /> : null}
    </div>
  );
}

/** A USB or Bluetooth scanner types the code and presses Enter. */
function TypedCodeForm({ onSubmit }: { onSubmit: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(text);
    setText('');
  }
  return (
    <form className="stack" onSubmit={submit}>
      <TextField
        label={t('scanner.typed')}
        hint={t('scanner.typedHint')}
        value={text}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Button type="submit" variant="secondary">
        {t('scanner.typedSubmit')}
      </Button>
    </form>
  );
}

interface HandErrors {
  fullName?: string;
  birthYear?: string;
  phone?: string;
}

/** A person without a phone: typed in by the staff. */
function HandEntryForm({ onSubmit }: { onSubmit: (input: Extract<ScanInput, { kind: 'hand' }>) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [errors, setErrors] = useState<HandErrors>({});

  if (!open) {
    return (
      <Button variant="secondary" block onClick={() => setOpen(true)}>
        {t('scanner.handOpen')}
      </Button>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const year = Number(birthYear);
    const next: HandErrors = {};
    if (!fullName.trim()) next.fullName = t('scanner.errors.fullName');
    if (!/^\d{4}$/.test(birthYear) || year < 1900 || year > new Date().getFullYear())
      next.birthYear = t('scanner.errors.birthYear');
    const digits = phone.replace(/\D/g, '');
    if (phone.trim() && !/^0\d{9}$/.test(digits)) next.phone = t('scanner.errors.phone');
    setErrors(next);
    if (Object.keys(next).length) return;
    onSubmit({
      kind: 'hand',
      fullName: fullName.trim().normalize('NFC'),
      birthYear: year,
      ...(digits ? { phone: digits } : {}),
      ...(idNumber.trim() ? { idNumber: idNumber.trim() } : {}),
    });
    setFullName('');
    setPhone('');
    setIdNumber('');
    setBirthYear('');
  }

  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="hand-entry-title">
      <h2 id="hand-entry-title" className="section-title">
        {t('scanner.handTitle')}
      </h2>
      <TextField
        label={t('person.fullName')}
        value={fullName}
        error={errors.fullName}
        autoComplete="off"
        onChange={(e) => setFullName(e.currentTarget.value)}
      />
      <TextField
        label={t('scanner.phone')}
        optional
        value={phone}
        error={errors.phone}
        inputMode="tel"
        autoComplete="off"
        onChange={(e) => setPhone(e.currentTarget.value)}
      />
      <TextField
        label={t('scanner.idNumber')}
        optional
        value={idNumber}
        inputMode="numeric"
        autoComplete="off"
        onChange={(e) => setIdNumber(e.currentTarget.value)}
      />
      <TextField
        label={t('scanner.birthYear')}
        value={birthYear}
        error={errors.birthYear}
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
        onChange={(e) => setBirthYear(e.currentTarget.value)}
      />
      <Button type="submit" block>
        {t('scanner.handSubmit')}
      </Button>
      <Button variant="quiet" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </Button>
    </form>
  );
}
