import { AppError } from './errors';

/**
 * Compact signed tokens for QR codes: `<kid>.<body>.<sig>`, each part base64url without padding.
 * body = CRC-32 (big endian) of the JSON bytes, then the UTF-8 JSON payload; sig = Ed25519 over the
 * ASCII bytes of `<kid>.<body>`.
 *
 * The CRC adds no security (the signature does that); it lets a scanner tell "someone edited this
 * code" apart from "this code was signed by someone else", which staff handle differently.
 *
 * Pure TypeScript: the same rules run in the browser (WebCrypto) and on the server (node:crypto
 * through `verifyTokenWith`, synchronous, no WebCrypto promise per scan).
 */

/** What an issuer puts in a token; keys stay short because every byte makes the QR denser. */
export interface TokenClaims {
  /** Kind: 'p' personal, 'm' movement, 'c' check-in point, 'k' card. */
  typ: string;
}

/** Claims with their issue and expiry times (unix seconds): what gets signed. */
export interface IssuedClaims extends TokenClaims {
  iat: number;
  exp: number;
}

/** A decoded payload: the claims plus issue and expiry times in unix seconds. */
export interface TokenPayload {
  typ: string;
  iat: number;
  exp: number;
  [field: string]: unknown;
}

export interface DecodedToken {
  kid: string;
  payload: TokenPayload;
  /** The ASCII bytes of `<kid>.<body>`, which the signature covers. */
  signedData: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

/** A public key a verifier trusts: raw 32-byte Ed25519, optionally with the end of its validity. */
export interface VerificationKey {
  kid: string;
  publicKey: Uint8Array;
  /** Unix seconds; at or after it the key no longer verifies anything. */
  expiresAt?: number | null | undefined;
}

/** Where a verifier finds the key of a kid; undefined when it does not know (or no longer trusts) it. */
export type KeyLookup = (kid: string) => VerificationKey | undefined | Promise<VerificationKey | undefined>;

/** The caller's own crypto (the server's node:crypto path); either step may be asynchronous. */
export interface TokenVerifier<K> {
  resolveKey(kid: string): K | undefined | Promise<K | undefined>;
  verifySignature(
    key: K,
    data: Uint8Array<ArrayBuffer>,
    signature: Uint8Array<ArrayBuffer>,
  ): boolean | Promise<boolean>;
}

/** An Ed25519 public key as published in `/.well-known/jwks.json`. */
export interface Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
  /** Unix seconds after which a retired key verifies nothing (absent for the active key). */
  exp?: number;
}

const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const TYP_MAX_LENGTH = 16;
const ED25519_PUBLIC_KEY_BYTES = 32;
const ED25519_SIGNATURE_BYTES = 64;
const CRC_BYTES = 4;

// ---------------------------------------------------------------------------------------------------
// base64url without padding (btoa/atob work on binary strings and differ in edge cases; this doesn't)

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A character's sextet by its code (below 128), -1 outside the alphabet. */
const DECODE_TABLE = (() => {
  const table = new Int32Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** How many bytes unpadded base64url of this length decodes to; -1 when no text has that length. */
function decodedLength(text: string): number {
  const rest = text.length % 4;
  if (rest === 1) return -1;
  return ((text.length - rest) / 4) * 3 + (rest === 0 ? 0 : rest - 1);
}

/**
 * Decodes unpadded base64url into `out` (exactly `decodedLength(text)` long); false for anything else.
 * Only the canonical spelling is accepted (unused trailing bits must be zero), so no two different
 * strings decode to the same token.
 */
function decodeInto(text: string, out: Uint8Array): boolean {
  const rest = text.length % 4;
  const full = text.length - rest;
  // Negative once any character is outside the alphabet (-1 from the table, or a code of 128 and up);
  // checked once at the end: scanned codes are almost always well formed.
  let invalid = 0;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    const cc = text.charCodeAt(i + 2);
    const cd = text.charCodeAt(i + 3);
    const a = DECODE_TABLE[ca & 127]!;
    const b = DECODE_TABLE[cb & 127]!;
    const c = DECODE_TABLE[cc & 127]!;
    const d = DECODE_TABLE[cd & 127]!;
    invalid |= a | b | c | d | -((ca | cb | cc | cd) >> 7);
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (invalid < 0) return false;
  if (rest === 0) return true;
  const sextet = (i: number) => {
    const code = text.charCodeAt(i);
    return code < 128 ? DECODE_TABLE[code]! : -1;
  };
  const a = sextet(full);
  const b = sextet(full + 1);
  const c = rest === 3 ? sextet(full + 2) : 0;
  if ((a | b | c) < 0) return false;
  const n = (a << 18) | (b << 12) | (c << 6);
  // Unused trailing bits must be zero.
  if ((rest === 2 ? n & 0xffff : n & 0xff) !== 0) return false;
  out[o++] = n >> 16;
  if (rest === 3) out[o] = (n >> 8) & 0xff;
  return true;
}

/** Decodes unpadded, canonical base64url; null for anything else. */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  const length = decodedLength(text);
  if (length < 0) return null;
  const out = new Uint8Array(length);
  return decodeInto(text, out) ? out : null;
}

// ---------------------------------------------------------------------------------------------------
// CRC-32 (IEEE 802.3, as in zip and PNG)

let crcTable: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------------
// encoding and parsing

const utf8Encoder = new TextEncoder();
// fatal: invalid UTF-8 is a malformed token, not a payload with replacement characters.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPayload(value: unknown): value is TokenPayload {
  return (
    isPlainObject(value) &&
    typeof value.typ === 'string' &&
    value.typ.length > 0 &&
    value.typ.length <= TYP_MAX_LENGTH &&
    Number.isSafeInteger(value.iat) &&
    Number.isSafeInteger(value.exp)
  );
}

export function isValidKid(kid: string): boolean {
  return KID_PATTERN.test(kid);
}

/** The body part of a token: CRC-32 of the JSON bytes, then the bytes, in base64url. */
export function encodePayload<P extends IssuedClaims>(payload: P): string {
  if (!isPayload(payload)) {
    throw new TypeError('A token payload needs typ (1-16 characters) and integer iat and exp');
  }
  if (payload.exp <= payload.iat) throw new TypeError('A token must expire after it is issued');
  const json = utf8Encoder.encode(JSON.stringify(payload));
  const body = new Uint8Array(CRC_BYTES + json.length);
  new DataView(body.buffer).setUint32(0, crc32(json), false);
  body.set(json, CRC_BYTES);
  return base64urlEncode(body);
}

/**
 * Parses a token without verifying it: TOKEN_MALFORMED when it can't be read, TOKEN_TAMPERED when the
 * body's CRC does not match its content.
 */
export function decodeToken(token: string): DecodedToken {
  const parts = token.split('.');
  if (parts.length !== 3) throw new AppError('TOKEN_MALFORMED');
  const [kid, bodyText, sigText] = parts as [string, string, string];
  if (!isValidKid(kid)) throw new AppError('TOKEN_MALFORMED');
  const bodyLength = decodedLength(bodyText);
  const signature = base64urlDecode(sigText);
  if (bodyLength <= CRC_BYTES || !signature || signature.length !== ED25519_SIGNATURE_BYTES) {
    throw new AppError('TOKEN_MALFORMED');
  }
  // The signed ASCII and the decoded body share one allocation: an array over 64 bytes is a memory
  // block of its own outside the JavaScript heap, slower to make than the rest of this function.
  const signedLength = kid.length + 1 + bodyText.length;
  const bytes = new Uint8Array(signedLength + bodyLength);
  const body = bytes.subarray(signedLength);
  if (!decodeInto(bodyText, body)) throw new AppError('TOKEN_MALFORMED');
  const json = body.subarray(CRC_BYTES);
  const expected = new DataView(body.buffer, body.byteOffset, CRC_BYTES).getUint32(0, false);
  if (crc32(json) !== expected) throw new AppError('TOKEN_TAMPERED');
  let payload: unknown;
  try {
    payload = JSON.parse(utf8Decoder.decode(json));
  } catch {
    throw new AppError('TOKEN_MALFORMED');
  }
  if (!isPayload(payload)) throw new AppError('TOKEN_MALFORMED');
  // The token is ASCII (base64url and dots), so its UTF-16 code units are its bytes.
  const signedData = bytes.subarray(0, signedLength);
  for (let i = 0; i < signedLength; i++) signedData[i] = token.charCodeAt(i);
  return { kid, payload, signedData, signature };
}

function assemble(payload: IssuedClaims, kid: string): string {
  if (!isValidKid(kid)) throw new TypeError(`Invalid kid: ${kid}`);
  return `${kid}.${encodePayload(payload)}`;
}

function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Signs with an injected signer (the server's private key never leaves node:crypto). */
export async function signToken<P extends IssuedClaims>(
  payload: P,
  kid: string,
  signer: (data: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>,
): Promise<string> {
  const signed = assemble(payload, kid);
  return `${signed}.${base64urlEncode(await signer(asciiBytes(signed)))}`;
}

/** signToken for a synchronous signer, for the server's hot path. */
export function signTokenSync<P extends IssuedClaims>(
  payload: P,
  kid: string,
  signer: (data: Uint8Array<ArrayBuffer>) => Uint8Array,
): string {
  const signed = assemble(payload, kid);
  return `${signed}.${base64urlEncode(signer(asciiBytes(signed)))}`;
}

// ---------------------------------------------------------------------------------------------------
// verification

/** Clocks of phones and scanners drift; a token that starts within this is accepted. */
export const CLOCK_SKEW_SECONDS = 120;

function checkExpiry(payload: TokenPayload, nowSeconds: number): TokenPayload {
  if (nowSeconds >= payload.exp) throw new AppError('TOKEN_EXPIRED', { exp: payload.exp });
  // `nbf` (optional): tokens of a batch take turns; one from later in the batch is not good yet.
  if (typeof payload.nbf === 'number' && nowSeconds < payload.nbf - CLOCK_SKEW_SECONDS) {
    throw new AppError('TOKEN_NOT_YET_VALID', { nbf: payload.nbf });
  }
  return payload;
}

function isVerifier(value: unknown): value is TokenVerifier<unknown> {
  return isPlainObject(value) && typeof value.resolveKey === 'function';
}

/**
 * Verifies a token, by default through WebCrypto (browser and Node 20+). `keys` is a list of trusted
 * keys (for instance from `/.well-known/jwks.json` through `jwkToVerificationKey`), a lookup by kid,
 * or a verifier with its own crypto.
 */
export async function verifyToken<K = VerificationKey>(
  token: string,
  keys: readonly VerificationKey[] | KeyLookup | TokenVerifier<K>,
  nowSeconds: number,
): Promise<TokenPayload> {
  const decoded = decodeToken(token);
  if (isVerifier(keys)) {
    const key = await keys.resolveKey(decoded.kid);
    if (key === undefined) throw new AppError('TOKEN_UNKNOWN_KEY', { kid: decoded.kid });
    if (!(await keys.verifySignature(key, decoded.signedData, decoded.signature))) {
      throw new AppError('TOKEN_BAD_SIGNATURE');
    }
    return checkExpiry(decoded.payload, nowSeconds);
  }
  const key = typeof keys === 'function' ? await keys(decoded.kid) : keys.find((k) => k.kid === decoded.kid);
  if (!key || (key.expiresAt != null && nowSeconds >= key.expiresAt)) {
    throw new AppError('TOKEN_UNKNOWN_KEY', { kid: decoded.kid });
  }
  if (!(await verifyEd25519(key, decoded.signedData, decoded.signature))) {
    throw new AppError('TOKEN_BAD_SIGNATURE');
  }
  return checkExpiry(decoded.payload, nowSeconds);
}

// Imported keys by kid and key bytes: a kid reused for another key must not hit the old entry.
const importedKeys = new Map<string, Promise<CryptoKey>>();
const IMPORTED_KEYS_MAX = 64;

function importEd25519(key: VerificationKey): Promise<CryptoKey> {
  if (key.publicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new TypeError(`An Ed25519 public key has 32 bytes, not ${key.publicKey.length}`);
  }
  const cacheKey = `${key.kid}.${base64urlEncode(key.publicKey)}`;
  let imported = importedKeys.get(cacheKey);
  if (!imported) {
    if (importedKeys.size >= IMPORTED_KEYS_MAX) importedKeys.clear();
    imported = globalThis.crypto.subtle.importKey(
      'raw',
      new Uint8Array(key.publicKey),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    // A failed import must not stay cached.
    imported.catch(() => importedKeys.delete(cacheKey));
    importedKeys.set(cacheKey, imported);
  }
  return imported;
}

/** Ed25519 verification through WebCrypto (`crypto.subtle`), with imported keys cached. */
export async function verifyEd25519(
  key: VerificationKey,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const cryptoKey = await importEd25519(key);
  return globalThis.crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, signature, data);
}

// ---------------------------------------------------------------------------------------------------
// JWK

export function verificationKeyToJwk(key: VerificationKey): Jwk {
  if (key.publicKey.length !== ED25519_PUBLIC_KEY_BYTES) throw new TypeError('Not an Ed25519 public key');
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: base64urlEncode(key.publicKey),
    kid: key.kid,
    use: 'sig',
    alg: 'EdDSA',
    ...(key.expiresAt != null ? { exp: key.expiresAt } : {}),
  };
}

/** Reads one key of a JWKS; throws TypeError for anything but an Ed25519 signing key with a kid. */
export function jwkToVerificationKey(jwk: unknown): VerificationKey {
  if (
    !isPlainObject(jwk) ||
    jwk.kty !== 'OKP' ||
    jwk.crv !== 'Ed25519' ||
    typeof jwk.x !== 'string' ||
    typeof jwk.kid !== 'string' ||
    !isValidKid(jwk.kid) ||
    (jwk.use !== undefined && jwk.use !== 'sig') ||
    (jwk.alg !== undefined && jwk.alg !== 'EdDSA') ||
    (jwk.exp !== undefined && !Number.isSafeInteger(jwk.exp))
  ) {
    throw new TypeError('Not an Ed25519 signing JWK');
  }
  const publicKey = base64urlDecode(jwk.x);
  if (!publicKey || publicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new TypeError('Not an Ed25519 public key');
  }
  return { kid: jwk.kid, publicKey, expiresAt: typeof jwk.exp === 'number' ? jwk.exp : null };
}

/** The keys of a JWKS document (`{ keys: [...] }`) this codec can use; others are skipped. */
export function verificationKeysFromJwks(jwks: unknown): VerificationKey[] {
  if (!isPlainObject(jwks) || !Array.isArray(jwks.keys)) throw new TypeError('Not a JWKS document');
  const out: VerificationKey[] = [];
  for (const jwk of jwks.keys) {
    try {
      out.push(jwkToVerificationKey(jwk));
    } catch {
      // A JWKS may list key types a later version adds; a scanner keeps the ones it understands.
    }
  }
  return out;
}
