import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../domain/errors';
import {
  decodeToken,
  type Jwk,
  signTokenSync,
  type TokenClaims,
  type TokenPayload,
  verificationKeyToJwk,
  verifyToken,
} from '../../domain/signed-token';
import type {
  NewSigningKey,
  SigningKeyRow,
  SigningKeysRepository,
} from '../repositories/signing-keys.repository';

const DAY_SECONDS = 86_400;
/** Another process may have rotated; signing with its retired key for up to this long is harmless. */
const REFRESH_INTERVAL_MS = 60_000;
/** The shape of the kids this service makes; anything else is not worth a database lookup. */
const KID_PATTERN = /^[A-Za-z0-9_-]{8}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Signatures checked already, kept so that a code scanned at several points, or a poster scanned by a
 * whole queue, costs one check. Bounded: entries are about 1 KB, so this is some 10 MB at most.
 */
const CHECKED_SIGNATURES_MAX = 10_000;

/**
 * Ed25519 is deterministic (RFC 8032): holding the private key, the server signs the same bytes and
 * compares, in constant time, with the signature shown. Signing costs one fixed-base multiplication
 * where verifying costs a double one, and only the very signature this key makes passes (verifying
 * would accept any other a holder of the key could make, which nobody else can).
 */
/** Bytes as a string of the same length, for a map key (no copy of the bytes). */
const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

function isOwnSignature(privateKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  const expected = cryptoSign(null, data, privateKey);
  return expected.length === signature.length && timingSafeEqual(expected, signature);
}

export interface SigningKeySummary {
  kid: string;
  createdAt: Date;
  retiredAt: Date | null;
  expiresAt: Date | null;
  isActive: boolean;
}

interface LoadedKey {
  kid: string;
  publicKey: KeyObject;
  publicRaw: Buffer;
  /** Only the active key signs new tokens. Null when a retired key cannot be decrypted. */
  privateKey: KeyObject | null;
  retiredAt: Date | null;
  expiresAt: Date | null;
}

export interface SigningServiceDeps {
  keys: SigningKeysRepository;
  /** The server secret; the key-encryption key is derived from it. */
  secret: Buffer;
  now: () => Date;
  /** The longest a token may live, and how long a retired key keeps verifying. */
  maxTokenDays: number;
}

function deriveKeyEncryptionKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'vaora signing keys', 32));
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('Ed25519 public key without x');
  return Buffer.from(jwk.x, 'base64url');
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

/** Issues and verifies signed tokens (QR codes) and manages the Ed25519 keys behind them. */
export function createSigningService(deps: SigningServiceDeps) {
  const { keys: repo, now, maxTokenDays } = deps;
  const kek = deriveKeyEncryptionKey(deps.secret);
  const maxTtlSeconds = Math.floor(maxTokenDays * DAY_SECONDS);

  let loaded = new Map<string, LoadedKey>();
  const checkedSignatures = new LRUCache<string, true>({ max: CHECKED_SIGNATURES_MAX });
  let active: LoadedKey | null = null;
  let loadedAt = Number.NEGATIVE_INFINITY;
  // Loads may overlap (a rotation reloads while a periodic refresh runs); the newest started wins.
  let loadsStarted = 0;
  let loadApplied = 0;
  let inflight: { seq: number; promise: Promise<void> } | null = null;

  // The kid is the associated data, so a ciphertext copied onto another row does not decrypt.
  function encryptPrivateKey(kid: string, pkcs8: Buffer): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
  }

  function decryptPrivateKey(row: SigningKeyRow, publicRaw: Buffer): KeyObject {
    const blob = Buffer.from(row.private_key_enc, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(row.kid, 'utf8'));
      decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const pkcs8 = Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
      const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
      if (!rawPublicKey(createPublicKey(privateKey)).equals(publicRaw)) throw new Error('key pair mismatch');
      return privateKey;
    } catch (err) {
      // Never fall back to signing with something else: tokens nobody can verify are worse than no start.
      throw new Error(
        `Cannot decrypt signing key ${row.kid}: the server SECRET differs from the one that created it, ` +
          'or the stored key is damaged',
        { cause: err },
      );
    }
  }

  function tryDecrypt(row: SigningKeyRow, publicRaw: Buffer): KeyObject | null {
    try {
      return decryptPrivateKey(row, publicRaw);
    } catch {
      return null;
    }
  }

  function newKey(): NewSigningKey {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const kid = randomBytes(6).toString('base64url');
    return {
      kid,
      publicKey: rawPublicKey(publicKey).toString('base64url'),
      privateKeyEnc: encryptPrivateKey(kid, privateKey.export({ format: 'der', type: 'pkcs8' })),
      createdAt: now(),
    };
  }

  async function load(): Promise<void> {
    const seq = ++loadsStarted;
    const at = now();
    const rows = await repo.listVerifiable(at);
    const next = new Map<string, LoadedKey>();
    let nextActive: LoadedKey | null = null;
    for (const row of rows) {
      const isActive = row.retired_at === null;
      const known = loaded.get(row.kid);
      const publicRaw = known?.publicRaw ?? Buffer.from(row.public_key, 'base64url');
      const privateKey =
        known?.privateKey ?? (isActive ? decryptPrivateKey(row, publicRaw) : tryDecrypt(row, publicRaw));
      const key: LoadedKey = {
        kid: row.kid,
        publicKey: known?.publicKey ?? publicKeyFromRaw(publicRaw),
        publicRaw,
        privateKey,
        retiredAt: row.retired_at,
        expiresAt: row.expires_at,
      };
      next.set(key.kid, key);
      if (isActive) nextActive = key;
    }
    if (seq < loadApplied) return;
    loadApplied = seq;
    loaded = next;
    active = nextActive;
    loadedAt = at.getTime();
  }

  /**
   * Reloads the keys, sharing a load already under way when it started after load number `after` (so
   * it cannot predate what the caller needs to see, such as a rotation it just made or found).
   */
  function refresh(after = 0): Promise<void> {
    if (inflight && inflight.seq > after) return inflight.promise;
    const seq = loadsStarted + 1;
    const promise = load().finally(() => {
      if (inflight?.seq === seq) inflight = null;
    });
    inflight = { seq, promise };
    return promise;
  }

  /** True when kid belongs to a usable key that another process added since the last load. */
  async function loadNewKid(kid: string): Promise<boolean> {
    if (!KID_PATTERN.test(kid)) return false;
    const seq = loadsStarted;
    // A primary-key lookup, not a reload, so forged tokens with random kids stay cheap.
    const row = await repo.findByKid(kid);
    if (!row || (row.expires_at !== null && row.expires_at.getTime() <= now().getTime())) return false;
    await refresh(seq);
    return loaded.has(kid);
  }

  async function ensureFresh(): Promise<void> {
    const age = now().getTime() - loadedAt;
    // A clock moved backwards (tests, NTP) also counts as stale.
    if (age >= REFRESH_INTERVAL_MS || age < 0) await refresh();
  }

  function isUsable(key: LoadedKey, at: Date): boolean {
    return key.expiresAt === null || key.expiresAt.getTime() > at.getTime();
  }

  const verifier = {
    resolveKey(kid: string): LoadedKey | undefined {
      const key = loaded.get(kid);
      return key && isUsable(key, now()) ? key : undefined;
    },
    // Every staff scan is checked: by signing again where the key is held (isOwnSignature), by
    // verifying a retired key this server cannot decrypt. The key is the kid, the signed bytes and the
    // signature together, so a remembered signature never vouches for other data.
    verifySignature(key: LoadedKey, data: Uint8Array, signature: Uint8Array): boolean {
      const cacheKey = `${key.kid}.${latin1(data)}.${latin1(signature)}`;
      if (checkedSignatures.has(cacheKey)) return true;
      const isValid = key.privateKey
        ? isOwnSignature(key.privateKey, data, signature)
        : cryptoVerify(null, data, key.publicKey, signature);
      if (isValid) checkedSignatures.set(cacheKey, true);
      return isValid;
    },
  };

  function verifyLoaded(token: string): Promise<TokenPayload> {
    return verifyToken(token, verifier, Math.floor(now().getTime() / 1000));
  }

  function summarize(row: {
    kid: string;
    created_at: Date;
    retired_at: Date | null;
    expires_at: Date | null;
  }): SigningKeySummary {
    return {
      kid: row.kid,
      createdAt: row.created_at,
      retiredAt: row.retired_at,
      expiresAt: row.expires_at,
      isActive: row.retired_at === null,
    };
  }

  return {
    /**
     * Loads the keys and creates the first one when none is active. Two processes starting together on
     * one PostgreSQL both try; the unique index lets one insert win and the other re-reads it. Fails when
     * the active key cannot be decrypted with this secret.
     */
    async init(): Promise<void> {
      await refresh();
      if (active) return;
      const seq = loadsStarted;
      await repo.insertActive(newKey());
      await refresh(seq);
      if (!active) throw new Error('No active signing key after init');
    },

    /**
     * Signs claims as a token valid for ttlSeconds (at most maxTokenDays), counted from now or from
     * `notBefore` (unix seconds, written as `nbf`) for tokens of a batch that take turns.
     */
    async sign<C extends TokenClaims>(
      claims: C,
      ttlSeconds: number,
      options: { notBefore?: number } = {},
    ): Promise<string> {
      await ensureFresh();
      const key = active;
      if (!key?.privateKey) throw new Error('The signing service has no active key; call init() first');
      const ttl = Math.min(Math.floor(ttlSeconds), maxTtlSeconds);
      if (!(ttl > 0)) throw new RangeError(`A token needs a positive lifetime, got ${ttlSeconds}`);
      const iat = Math.floor(now().getTime() / 1000);
      const { notBefore } = options;
      // Capped at iat + maxTokenDays: a retired key verifies for that long, and no longer.
      const exp = Math.min((notBefore ?? iat) + ttl, iat + maxTtlSeconds);
      const privateKey = key.privateKey;
      const payload =
        notBefore === undefined ? { ...claims, iat, exp } : { ...claims, nbf: notBefore, iat, exp };
      return signTokenSync(payload, key.kid, (data) => cryptoSign(null, data, privateKey));
    },

    /** The payload of a valid token; AppError TOKEN_* otherwise. */
    async verify(token: string): Promise<TokenPayload> {
      await ensureFresh();
      try {
        return await verifyLoaded(token);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'TOKEN_UNKNOWN_KEY')) throw err;
        // Another process may have rotated since the last reload.
        if (!(await loadNewKid(decodeToken(token).kid))) throw err;
        return verifyLoaded(token);
      }
    },

    /** The public keys that still verify, for `/.well-known/jwks.json`. */
    async jwks(): Promise<{ keys: Jwk[] }> {
      await ensureFresh();
      const at = now();
      return {
        keys: [...loaded.values()]
          .filter((k) => isUsable(k, at))
          .map((k) =>
            verificationKeyToJwk({
              kid: k.kid,
              publicKey: k.publicRaw,
              expiresAt: k.expiresAt ? Math.floor(k.expiresAt.getTime() / 1000) : null,
            }),
          ),
      };
    },

    /**
     * Makes a new key active. The old one stops signing now and keeps verifying for maxTokenDays, so
     * every token it signed stays valid until its own expiry. CONFLICT when another rotation won the race.
     */
    async rotate(): Promise<string> {
      const key = newKey();
      const at = now();
      const retiredUntil = new Date(at.getTime() + maxTtlSeconds * 1000);
      const seq = loadsStarted;
      const isRotated = await repo.replaceActive(key, { at, expiresAt: retiredUntil });
      await refresh(seq);
      if (!isRotated) throw new AppError('CONFLICT');
      return key.kid;
    },

    /** Every key with its dates; never any private material. */
    async listKeys(): Promise<SigningKeySummary[]> {
      return (await repo.listAll()).map(summarize);
    },
  };
}

export type SigningService = ReturnType<typeof createSigningService>;
