import { decodeCccdQr, looksLikeCccdQr } from '../../../domain/cccd-qr';
import { decodeNationalQr, looksLikeNationalQr, type QrDecodeReason } from '../../../domain/national-qr';
import { tokenFromPointUrl } from '../../../domain/point-code';

/**
 * What a scanned text is, before any signature check: one of vaora's tokens (three base64url parts),
 * the 2021 national QR (v1.1), a chip ID card's QR, a point's poster, or nothing we know. The two
 * foreign formats are decoded by the same domain code the server uses.
 */
export type ReadCode =
  | { kind: 'vaora'; token: string }
  | { kind: 'national'; text: string; name: string; birthYear: number }
  | { kind: 'cccd'; text: string; name: string; birthYear: number }
  | { kind: 'malformed'; format: 'national' | 'cccd'; reason: QrDecodeReason }
  | { kind: 'point'; token: string }
  | { kind: 'unknown'; text: string };

const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function readCode(raw: string): ReadCode {
  const text = raw.trim();
  const point = tokenFromPointUrl(text);
  if (point) return { kind: 'point', token: point };
  if (TOKEN.test(text)) return { kind: 'vaora', token: text };
  if (looksLikeCccdQr(text)) {
    const d = decodeCccdQr(text);
    return d.ok
      ? { kind: 'cccd', text, name: d.value.fullName, birthYear: d.value.birthYear }
      : { kind: 'malformed', format: 'cccd', reason: d.reason };
  }
  if (looksLikeNationalQr(text)) {
    const d = decodeNationalQr(text);
    return d.ok
      ? { kind: 'national', text, name: d.value.fullName, birthYear: d.value.birthYear }
      : { kind: 'malformed', format: 'national', reason: d.reason };
  }
  return { kind: 'unknown', text };
}
