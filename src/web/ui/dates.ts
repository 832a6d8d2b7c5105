/**
 * Dates as people in Vietnam write them (dd/mm/yyyy) and times in Asia/Ho_Chi_Minh, whatever the
 * phone's own time zone. Vietnam has no daylight saving: its offset is always +07:00.
 */
const VN_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-23" → "23/11/2026"; anything else as it is. */
export function isoToDmy(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

/** "23/11/2026" (or 23-11-2026, 23.11.2026) → "2026-11-23"; null when it is not a real date. */
export function dmyToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Digits typed on a numeric keyboard, with the slashes put in: "2311" → "23/11". */
export function maskDmy(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}

/** "0830" → "08:30". */
export function maskTime(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 4);
  if (digits.length <= 2) return digits;
  return `${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/** A date and a time in Vietnam → ISO 8601 with +07:00; null when either is not valid. */
export function vnDateTimeToIso(dmy: string, hhmm: string): string | null {
  const date = dmyToIso(dmy);
  const m = /^\s*(\d{1,2}):?(\d{2})\s*$/.exec(hhmm);
  if (!date || !m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${date}T${pad(h)}:${pad(min)}:00+07:00`;
}

/** The Vietnam wall clock of an instant. */
function vnParts(value: string | Date | number) {
  const date = new Date(typeof value === 'number' ? value : new Date(value).getTime());
  const shifted = new Date(date.getTime() + VN_OFFSET_MS);
  return {
    y: shifted.getUTCFullYear(),
    mo: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    h: shifted.getUTCHours(),
    mi: shifted.getUTCMinutes(),
  };
}

/** An instant as the date and time fields of a form show it. */
export function isoToVnFields(value: string | Date): { date: string; time: string } {
  const p = vnParts(value);
  return { date: `${pad(p.d)}/${pad(p.mo)}/${p.y}`, time: `${pad(p.h)}:${pad(p.mi)}` };
}

/** Today in Vietnam, as ISO ("2026-11-23"). */
export function todayVnIso(now = Date.now()): string {
  const p = vnParts(now);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** HH:mm in Vietnam. */
export function formatTime(value: string | Date | number): string {
  const p = vnParts(value);
  return `${pad(p.h)}:${pad(p.mi)}`;
}

/** dd/mm/yyyy in Vietnam, of an instant. */
export function formatDate(value: string | Date | number): string {
  const p = vnParts(value);
  return `${pad(p.d)}/${pad(p.mo)}/${p.y}`;
}
