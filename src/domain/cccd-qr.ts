import { type DecodeResult, maskIdNumber, type PersonGender, type QrDecodeReason } from './national-qr';

/**
 * The QR on a chip ID card (CCCD): `ID12|oldID9|Full name|DDMMYYYY (birth)|Gender|Address|DDMMYYYY
 * (issued)`. The old 9-digit ID is empty (or absent) on cards of people who never had one. vaora keeps
 * the ID only masked (all but the last 4 digits) and drops the old ID.
 */
export interface CccdQr {
  idNumberMasked: string;
  fullName: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  birthYear: number;
  gender: PersonGender;
  address: string;
  /** `YYYY-MM-DD` */
  issuedOn: string;
}

const fail = <T>(reason: QrDecodeReason): DecodeResult<T> => ({ ok: false, reason });

/** `DDMMYYYY` as an ISO date, or null when it is no calendar date. */
function isoFromDdMmYyyy(s: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function genderOf(s: string): PersonGender | null {
  const g = s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
  if (g === 'nam' || g === 'male') return 'male';
  if (g === 'nu' || g === 'female') return 'female';
  if (g === 'khac' || g === 'other') return 'other';
  return null;
}

export function looksLikeCccdQr(text: string): boolean {
  return /^\d{12}\|/.test(text.trim());
}

export function decodeCccdQr(input: string): DecodeResult<CccdQr> {
  const text = input.replace(/[\r\n]+$/g, '').trim();
  if (!text) return fail('EMPTY');
  let parts = text.split('|').map((p) => p.trim());
  // Some readers keep a trailing separator.
  if (parts.length === 8 && parts[7] === '') parts = parts.slice(0, 7);
  if (parts.length === 6) parts = [parts[0] ?? '', '', ...parts.slice(1)];
  if (parts.length !== 7) return fail('FIELD_COUNT');
  const [id = '', oldId = '', rawName = '', birth = '', gender = '', address = '', issued = ''] = parts;
  if (!/^\d{12}$/.test(id)) return fail('ID_NUMBER');
  if (oldId && !/^\d{9}$/.test(oldId)) return fail('ID_NUMBER');
  const fullName = rawName.normalize('NFC').replace(/\s+/g, ' ');
  if (!fullName || fullName.length > 100 || /\d/.test(fullName)) return fail('NAME');
  const birthDate = isoFromDdMmYyyy(birth);
  if (!birthDate) return fail('BIRTH_DATE');
  const g = genderOf(gender);
  if (!g) return fail('GENDER');
  const addr = address.normalize('NFC').replace(/\s+/g, ' ');
  if (!addr || addr.length > 300) return fail('ADDRESS');
  const issuedOn = isoFromDdMmYyyy(issued);
  if (!issuedOn) return fail('ISSUE_DATE');
  return {
    ok: true,
    value: {
      idNumberMasked: maskIdNumber(id),
      fullName,
      birthDate,
      birthYear: Number(birthDate.slice(0, 4)),
      gender: g,
      address: addr,
      issuedOn,
    },
  };
}
