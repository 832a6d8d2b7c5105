import { z } from 'zod';
import type { CardCodeClaims, MovementCodeClaims, PersonalCodeClaims } from './codes';
import { AppError, type ErrorCode } from './errors';
import { symptoms } from './health';
import { vehicles } from './movement';
import type { TokenPayload } from './signed-token';
import { type StatusReason, statusColours } from './status';

/**
 * What a scanner decides about one of vaora's personal, movement or card codes, from a verified
 * signature and the revocation lists. The same function runs on the server (online) and in the
 * browser scanner (offline, with the JWKS keys and the last revocation list it fetched).
 */

const reasonSet: Record<StatusReason, true> = {
  f0: true,
  positive_test: true,
  f1: true,
  symptoms: true,
  not_vaccinated: true,
  vaccinated: true,
  recovered: true,
  negative_test: true,
};
export const statusReasons = Object.keys(reasonSet) as [StatusReason, ...StatusReason[]];

const issued = { iat: z.number().int(), exp: z.number().int() };

type Issued<C> = C & { iat: number; exp: number };

export const personalClaimsSchema: z.ZodType<Issued<PersonalCodeClaims>> = z.object({
  typ: z.literal('p'),
  pid: z.string(),
  n: z.string(),
  y: z.number().int(),
  col: z.enum(statusColours),
  r: z.array(z.enum(statusReasons)),
  s: z.array(z.enum(symptoms)).optional(),
  ht: z.number().int().optional(),
  nbf: z.number().int(),
  ...issued,
});

export const movementClaimsSchema: z.ZodType<Issued<MovementCodeClaims>> = z.object({
  typ: z.literal('m'),
  mid: z.string(),
  n: z.string(),
  y: z.number().int(),
  v: z.enum(vehicles),
  vn: z.string().optional(),
  dep: z.number().int(),
  oc: z.string(),
  dc: z.string(),
  cc: z.number().int(),
  sy: z.union([z.literal(0), z.literal(1)]),
  ...issued,
});

export const cardClaimsSchema: z.ZodType<Issued<CardCodeClaims>> = z.object({
  typ: z.literal('k'),
  cid: z.string(),
  pid: z.string(),
  n: z.string(),
  y: z.number().int(),
  ...issued,
});

/** Why a scan was refused; each has a message under `errors.<code>` in both languages. */
export const codeFailureCodes = [
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
  'TOKEN_BAD_SIGNATURE',
  'TOKEN_TAMPERED',
  'TOKEN_UNKNOWN_KEY',
  'TOKEN_MALFORMED',
  'TOKEN_NOT_YET_VALID',
] as const satisfies readonly ErrorCode[];
export type CodeFailureCode = (typeof codeFailureCodes)[number];

export type CodeKind = 'personal' | 'movement' | 'card';

export type CodeCheckResult =
  | { valid: true; kind: 'personal'; claims: Issued<PersonalCodeClaims> }
  | { valid: true; kind: 'movement'; claims: Issued<MovementCodeClaims> }
  | { valid: true; kind: 'card'; claims: Issued<CardCodeClaims> }
  | { valid: false; code: CodeFailureCode };

/** Revoked card ids and cancelled movement-declaration ids. */
export interface Revocations {
  cards: ReadonlySet<string>;
  movements: ReadonlySet<string>;
}

export const noRevocations: Revocations = { cards: new Set(), movements: new Set() };

/** The list offline scanners fetch (`GET /api/codes/revocations`): ids only, no personal data. */
export const revocationListSchema = z.object({
  cards: z.array(z.string()),
  movements: z.array(z.string()),
  /** Pass it as `since` next time to get only what changed. */
  asOf: z.date(),
});
export type RevocationList = z.infer<typeof revocationListSchema>;

export function revocationsFromList(list: Pick<RevocationList, 'cards' | 'movements'>): Revocations {
  return { cards: new Set(list.cards), movements: new Set(list.movements) };
}

const malformed: CodeCheckResult = { valid: false, code: 'TOKEN_MALFORMED' };

/** The scan result of a payload whose signature and times were already verified. */
export function decideCodeCheck(payload: TokenPayload, revoked: Revocations): CodeCheckResult {
  switch (payload.typ) {
    case 'p': {
      const parsed = personalClaimsSchema.safeParse(payload);
      return parsed.success ? { valid: true, kind: 'personal', claims: parsed.data } : malformed;
    }
    case 'm': {
      const parsed = movementClaimsSchema.safeParse(payload);
      if (!parsed.success) return malformed;
      if (revoked.movements.has(parsed.data.mid)) return { valid: false, code: 'TOKEN_REVOKED' };
      return { valid: true, kind: 'movement', claims: parsed.data };
    }
    case 'k': {
      const parsed = cardClaimsSchema.safeParse(payload);
      if (!parsed.success) return malformed;
      if (revoked.cards.has(parsed.data.cid)) return { valid: false, code: 'TOKEN_REVOKED' };
      return { valid: true, kind: 'card', claims: parsed.data };
    }
    default:
      // A place QR or a kind a later version adds: signed by us, but not a person's code.
      return malformed;
  }
}

function isFailureCode(code: string): code is CodeFailureCode {
  return (codeFailureCodes as readonly string[]).includes(code);
}

/** The scan result of a verification error; anything but a token error is rethrown. */
export function failedCodeCheck(err: unknown): CodeCheckResult {
  if (err instanceof AppError && isFailureCode(err.code)) return { valid: false, code: err.code };
  throw err;
}

/**
 * Verifies a token and decides. `verify` is `signing.verify` on the server, or
 * `(t) => verifyToken(t, verificationKeysFromJwks(jwks), nowSeconds)` in a scanner.
 */
export async function checkCode(
  token: string,
  verify: (token: string) => TokenPayload | Promise<TokenPayload>,
  revoked: Revocations,
): Promise<CodeCheckResult> {
  let payload: TokenPayload;
  try {
    payload = await verify(token);
  } catch (err) {
    return failedCodeCheck(err);
  }
  return decideCodeCheck(payload, revoked);
}

/** The reply of `POST /api/codes/verify`: a refused scan is a result, not an HTTP error. */
export const codeCheckReplySchema = z.union([
  z.object({ valid: z.literal(true), kind: z.literal('personal'), claims: personalClaimsSchema }),
  z.object({ valid: z.literal(true), kind: z.literal('movement'), claims: movementClaimsSchema }),
  z.object({ valid: z.literal(true), kind: z.literal('card'), claims: cardClaimsSchema }),
  z.object({ valid: z.literal(false), code: z.enum(codeFailureCodes), message: z.string() }),
]);
export type CodeCheckReply = z.infer<typeof codeCheckReplySchema>;

export const codeCheckRequestSchema = z.object({ token: z.string().trim().min(1, 'required').max(4000) });
