/**
 * The 2021 national personal QR (v1.1, Ministry of Information and Communications, 11 Sep 2021), shared
 * by every app from 1 Nov 2021: `SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT`, EXT being fields
 * separated by `<` (declarer's QID, gender 0/1/2, BHYT number, phone, signature). The ID number arrives
 * masked (by default its first 6 characters); vaora keeps only a masked form.
 */

export type PersonGender = 'male' | 'female' | 'other';

export interface NationalQr {
  /** Masked ID number, as received when masked; masked here (all but the last 4) when not. */
  idNumberMasked: string | null;
  /** Upper case without diacritics, as the standard writes it. */
  fullName: string;
  /** `YYYY-MM-DD`, day and month possibly `**`. */
  birthDate: string;
  birthYear: number;
  /** 0 = the person's own, 1 = declared by another. */
  declaredBy: 'self' | 'other';
  qid: string;
  declarerQid: string | null;
  gender: PersonGender | null;
  insuranceNumberMasked: string | null;
  phoneMasked: string | null;
}

/** Why a payload is not a v1.1 national QR; scanners show TOKEN_MALFORMED with it as a detail. */
export const qrDecodeReasons = [
  'EMPTY',
  'FIELD_COUNT',
  'ID_NUMBER',
  'NAME',
  'BIRTH_DATE',
  'ID_TYPE',
  'QID',
  'GENDER',
  'ISSUE_DATE',
  'ADDRESS',
] as const;
export type QrDecodeReason = (typeof qrDecodeReasons)[number];

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; reason: QrDecodeReason };

const fail = <T>(reason: QrDecodeReason): DecodeResult<T> => ({ ok: false, reason });

/** All but the last 4 characters as `*`: what vaora stores and shows of any ID number. */
export function maskIdNumber(id: string): string {
  const keep = Math.min(4, Math.max(0, id.length - 4));
  return '*'.repeat(id.length - keep) + id.slice(id.length - keep);
}

/** Phone numbers from other systems, kept only masked: 0912***678 when it arrives in clear. */
function maskPhoneText(phone: string): string {
  if (phone.includes('*')) return phone;
  return phone.length < 7 ? '***' : `${phone.slice(0, 4)}***${phone.slice(-3)}`;
}

const GENDERS: Record<string, PersonGender> = { '0': 'female', '1': 'male', '2': 'other' };

/** True when the text has the shape of a national QR (so a scanner field can tell it from a CCCD). */
export function looksLikeNationalQr(text: string): boolean {
  const parts = text.trim().split('|');
  return parts.length === 6 && /^[01]$/.test(parts[3]?.trim() ?? '');
}

export function decodeNationalQr(input: string): DecodeResult<NationalQr> {
  const text = input.replace(/[\r\n]+$/g, '').trim();
  if (!text) return fail('EMPTY');
  const parts = text.split('|').map((p) => p.trim());
  // EXT may be empty (the trailing `|` kept) but the five fields before it are required.
  if (parts.length !== 6 && parts.length !== 5) return fail('FIELD_COUNT');
  const [id = '', rawName = '', birth = '', idType = '', qid = '', ext = ''] = parts;

  if (id && !/^[0-9A-Za-z*]{6,20}$/.test(id)) return fail('ID_NUMBER');
  const fullName = rawName.normalize('NFC').replace(/\s+/g, ' ');
  if (!fullName || fullName.length > 100 || /[<|]/.test(fullName) || /\d/.test(fullName)) return fail('NAME');

  const bm = /^(\d{4})-(\d{2}|\*\*)-(\d{2}|\*\*)$/.exec(birth);
  if (!bm) return fail('BIRTH_DATE');
  const birthYear = Number(bm[1]);
  const month = bm[2] === '**' ? null : Number(bm[2]);
  const day = bm[3] === '**' ? null : Number(bm[3]);
  if (birthYear < 1900 || birthYear > 2100) return fail('BIRTH_DATE');
  if (month !== null && (month < 1 || month > 12)) return fail('BIRTH_DATE');
  if (day !== null && (day < 1 || day > 31)) return fail('BIRTH_DATE');

  if (idType !== '0' && idType !== '1') return fail('ID_TYPE');
  if (qid.length > 64 || /[<\s]/.test(qid)) return fail('QID');

  // Own declarations omit the declarer's QID, so EXT starts with the gender digit.
  const extParts = ext ? ext.split('<').map((p) => p.trim()) : [];
  const genderFirst = extParts.length > 0 && /^[012]$/.test(extParts[0] ?? '');
  const [declarerQid, genderText, insurance, phone] = genderFirst
    ? [null, extParts[0], extParts[1], extParts[2]]
    : [extParts[0] || null, extParts[1], extParts[2], extParts[3]];
  let gender: PersonGender | null = null;
  if (genderText) {
    const g = GENDERS[genderText];
    if (!g) return fail('GENDER');
    gender = g;
  }

  return {
    ok: true,
    value: {
      idNumberMasked: id ? (id.includes('*') ? id : maskIdNumber(id)) : null,
      fullName,
      birthDate: birth,
      birthYear,
      declaredBy: idType === '0' ? 'self' : 'other',
      qid,
      declarerQid,
      gender,
      insuranceNumberMasked: insurance
        ? insurance.includes('*')
          ? insurance
          : maskIdNumber(insurance)
        : null,
      phoneMasked: phone ? maskPhoneText(phone) : null,
    },
  };
}
