import type { Symptom } from './health';
import type { Vehicle } from './movement';
import type { StatusColour, StatusReason } from './status';

/**
 * What vaora's own QR codes carry (the payloads of signed tokens, see signed-token.ts). Keys are short:
 * every byte makes the QR denser. A scanner offline shows these fields without asking the server.
 */

/** A personal QR shown on a phone: valid minutes only, so a screenshot soon stops working. */
export interface PersonalCodeClaims {
  typ: 'p';
  /** person id */
  pid: string;
  /** full name (NFC) */
  n: string;
  /** birth year */
  y: number;
  col: StatusColour;
  /** reasons of the colour */
  r: StatusReason[];
  /** symptoms of the latest health declaration, and its time (unix s); absent when none */
  s?: Symptom[];
  ht?: number;
  /** not before (unix s): tokens of a batch take turns */
  nbf: number;
}

/** A domestic movement declaration, checked at road checkpoints. */
export interface MovementCodeClaims {
  typ: 'm';
  /** declaration id */
  mid: string;
  n: string;
  y: number;
  v: Vehicle;
  /** vehicle number, compact (51A12345) */
  vn?: string;
  /** departure (unix s) */
  dep: number;
  /** origin and destination commune codes (2025 list) */
  oc: string;
  dc: string;
  /** number of companions */
  cc: number;
  /** anyone in the group declared symptoms */
  sy: 0 | 1;
}

/** A printed card for someone without a phone: long-lived, revocable by its id. */
export interface CardCodeClaims {
  typ: 'k';
  /** card id */
  cid: string;
  pid: string;
  n: string;
  y: number;
}

export type VaoraCodeClaims = PersonalCodeClaims | MovementCodeClaims | CardCodeClaims;

/** A personal token lives 10 minutes; a new one starts every 5, and a phone keeps an hour's worth. */
export const PERSONAL_TOKEN_TTL_SECONDS = 600;
export const PERSONAL_TOKEN_STEP_SECONDS = 300;
export const PERSONAL_TOKEN_BATCH = 12;
export const CARD_VALID_DAYS = 365;

/** The token of a batch to show now: the newest whose window has begun and not ended. */
export function pickCurrentToken<T extends { nbf: number; exp: number }>(
  batch: readonly T[],
  nowSeconds: number,
): T | null {
  let best: T | null = null;
  for (const t of batch)
    if (t.nbf <= nowSeconds && nowSeconds < t.exp && (!best || t.nbf > best.nbf)) best = t;
  return best;
}
