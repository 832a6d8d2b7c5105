import { generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../src/domain/errors';
import {
  base64urlDecode,
  base64urlEncode,
  crc32,
  decodeToken,
  encodePayload,
  type IssuedClaims,
  jwkToVerificationKey,
  signToken,
  signTokenSync,
  type TokenVerifier,
  type VerificationKey,
  verificationKeysFromJwks,
  verificationKeyToJwk,
  verifyToken,
} from '../../src/domain/signed-token';

const NOW = 1_700_000_000;

function makeKey(kid: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  const verification: VerificationKey = { kid, publicKey: Buffer.from(x, 'base64url') };
  return { kid, publicKey, privateKey, verification };
}

const issuer = makeKey('k1Abc_-9');
const other = makeKey('k2Other0');

const payload: IssuedClaims & { sub: string; n: string } = {
  typ: 'p',
  sub: 'u-123',
  n: 'Nguyễn Văn A',
  iat: NOW - 10,
  exp: NOW + 300,
};

const signWith = (key: KeyObject) => (data: Uint8Array) => sign(null, data, key);

/** The server's path: node:crypto on the thread pool, through the shared rules. */
function nodeVerifier(keys: ReturnType<typeof makeKey>[]): TokenVerifier<KeyObject> {
  return {
    resolveKey: (kid) => keys.find((k) => k.kid === kid)?.publicKey,
    verifySignature: (key, data, signature) =>
      new Promise((resolve, reject) =>
        verify(null, data, key, signature, (err, ok) => (err ? reject(err) : resolve(ok))),
      ),
  };
}

type Outcome = { ok: true; payload: unknown } | { ok: false; code: ErrorCode };

async function browserOutcome(token: string, now = NOW): Promise<Outcome> {
  try {
    return { ok: true, payload: await verifyToken(token, [issuer.verification], now) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code };
    throw err;
  }
}

async function serverOutcome(token: string, now = NOW): Promise<Outcome> {
  try {
    return { ok: true, payload: await verifyToken(token, nodeVerifier([issuer]), now) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code };
    throw err;
  }
}

/** Both paths must agree; returns the common outcome. */
async function outcome(token: string, now = NOW): Promise<Outcome> {
  const browser = await browserOutcome(token, now);
  expect(await serverOutcome(token, now)).toEqual(browser);
  return browser;
}

/** Replaces one base64url character of part `index` so that the decoded bytes change. */
function flipChar(token: string, partIndex: number, charIndex: number): string {
  const parts = token.split('.');
  const part = parts[partIndex]!;
  const c = part[charIndex]!;
  parts[partIndex] = part.slice(0, charIndex) + (c === 'A' ? 'B' : 'A') + part.slice(charIndex + 1);
  return parts.join('.');
}

describe('base64url and CRC-32', () => {
  it('round-trips every length and matches Buffer', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 73 + n * 11) & 0xff);
      const text = base64urlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64urlDecode(text)).toEqual(bytes);
    }
  });

  it('rejects padding, foreign characters, impossible lengths and non-canonical spellings', () => {
    expect(base64urlDecode('AA==')).toBeNull();
    expect(base64urlDecode('A+/B')).toBeNull();
    expect(base64urlDecode('AAAAA')).toBeNull();
    expect(base64urlDecode('AB')).toBeNull(); // 'AA' is the canonical spelling of the byte 0
    expect(base64urlDecode('AA')).toEqual(new Uint8Array([0]));
    expect(base64urlDecode('AAB')).toBeNull(); // 'AAA' spells the two bytes 0, 0
    expect(base64urlDecode('AAA')).toEqual(new Uint8Array([0, 0]));
    expect(base64urlDecode('AAAé')).toBeNull();
    // Codes of 128 and up are refused, even those whose low bits name a letter of the alphabet.
    expect(base64urlDecode('\u0141AAAAAAA')).toBeNull();
    expect(base64urlDecode('AAAA\u00c1AAA')).toBeNull();
    expect(base64urlDecode('AAAAAé')).toBeNull();
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('signed tokens', () => {
  it('round-trips a payload through both verification paths', async () => {
    const token = await signToken(payload, issuer.kid, signWith(issuer.privateKey));
    expect(token.split('.')).toHaveLength(3);
    expect(token.startsWith(`${issuer.kid}.`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(await outcome(token)).toEqual({ ok: true, payload });
    expect(decodeToken(token).payload).toEqual(payload);
  });

  it('signs the same bytes synchronously and asynchronously', async () => {
    // Ed25519 is deterministic, so both must produce the identical token.
    const a = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    const b = await signToken(payload, issuer.kid, async (d) => signWith(issuer.privateKey)(d));
    expect(a).toBe(b);
  });

  it('lays the body out as CRC-32 then UTF-8 JSON', () => {
    const body = base64urlDecode(encodePayload(payload))!;
    const json = body.subarray(4);
    expect(JSON.parse(new TextDecoder().decode(json))).toEqual(payload);
    expect(Buffer.from(body.subarray(0, 4)).readUInt32BE(0)).toBe(crc32(json));
  });

  it('reports an edited payload as tampered', async () => {
    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    for (const at of [0, 3, 10, 25]) {
      expect(await outcome(flipChar(token, 1, at))).toEqual({ ok: false, code: 'TOKEN_TAMPERED' });
    }
  });

  it('reports a token signed with another key under our kid as a bad signature', async () => {
    const forged = signTokenSync(payload, issuer.kid, signWith(other.privateKey));
    expect(decodeToken(forged).payload).toEqual(payload); // the CRC is intact
    expect(await outcome(forged)).toEqual({ ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  });

  it('reports a recomputed CRC over edited JSON as a bad signature, not valid', async () => {
    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    const [kid, , sig] = token.split('.');
    const edited = `${kid}.${encodePayload({ ...payload, sub: 'u-999' })}.${sig}`;
    expect(await outcome(edited)).toEqual({ ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  });

  it('reports a damaged signature as a bad signature', async () => {
    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    expect(await outcome(flipChar(token, 2, 5))).toEqual({ ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  });

  it('reports expiry only for a genuine token', async () => {
    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    expect(await outcome(token, payload.exp - 1)).toMatchObject({ ok: true });
    expect(await outcome(token, payload.exp)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
    const forged = signTokenSync(payload, issuer.kid, signWith(other.privateKey));
    expect(await outcome(forged, payload.exp + 1000)).toEqual({ ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  });

  it('reports an unknown kid, and a known key past its expiry, as unknown', async () => {
    const token = signTokenSync(payload, other.kid, signWith(other.privateKey));
    expect(await outcome(token)).toEqual({ ok: false, code: 'TOKEN_UNKNOWN_KEY' });

    const ours = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    const retired = { ...issuer.verification, expiresAt: NOW - 1 };
    await expect(verifyToken(ours, [retired], NOW)).rejects.toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
    await expect(verifyToken(ours, [{ ...retired, expiresAt: NOW + 1 }], NOW)).resolves.toEqual(payload);
  });

  it('accepts a key lookup function', async () => {
    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    const lookup = async (kid: string) => (kid === issuer.kid ? issuer.verification : undefined);
    await expect(verifyToken(token, lookup, NOW)).resolves.toEqual(payload);
    const foreign = signTokenSync(payload, other.kid, signWith(other.privateKey));
    await expect(verifyToken(foreign, lookup, NOW)).rejects.toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
  });

  it('reports unreadable tokens as malformed', async () => {
    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    const [kid, body, sig] = token.split('.') as [string, string, string];
    const bodyOf = (json: string) => {
      const bytes = new TextEncoder().encode(json);
      const out = new Uint8Array(4 + bytes.length);
      new DataView(out.buffer).setUint32(0, crc32(bytes));
      out.set(bytes, 4);
      return base64urlEncode(out);
    };
    const shapes = [
      '',
      'garbage',
      `${kid}.${body}`,
      `${kid}.${body}.${sig}.extra`,
      `.${body}.${sig}`,
      `bad kid.${body}.${sig}`,
      `${kid}.${body}!.${sig}`,
      `${kid}.${body}.${sig}=`,
      `${kid}.${body}.${sig.slice(0, -4)}`,
      `${kid}.AAAA.${sig}`,
      `${kid}.${bodyOf('not json')}.${sig}`,
      `${kid}.${bodyOf('[1,2]')}.${sig}`,
      `${kid}.${bodyOf('{"iat":1,"exp":2}')}.${sig}`,
      `${kid}.${bodyOf('{"typ":"p","iat":"1","exp":2}')}.${sig}`,
      `${kid}.${bodyOf('{"typ":"","iat":1,"exp":2}')}.${sig}`,
      'https://example.vn/p/123',
      '001089012345|123456789|NGUYEN VAN A|01011990|Nam|Ha Noi|01012021',
    ];
    for (const shape of shapes) {
      expect({ shape, result: await outcome(shape) }).toEqual({
        shape,
        result: { ok: false, code: 'TOKEN_MALFORMED' },
      });
    }
  });

  it('refuses to sign an invalid payload or kid', () => {
    const signer = signWith(issuer.privateKey);
    expect(() => signTokenSync({ ...payload, exp: payload.iat }, issuer.kid, signer)).toThrow(TypeError);
    expect(() => signTokenSync({ ...payload, typ: '' }, issuer.kid, signer)).toThrow(TypeError);
    expect(() => signTokenSync(payload, 'a.b', signer)).toThrow(TypeError);
  });
});

describe('JWK', () => {
  it('round-trips a key through its JWK and verifies with it', async () => {
    const jwk = verificationKeyToJwk(issuer.verification);
    expect(jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: issuer.publicKey.export({ format: 'jwk' }).x,
      kid: issuer.kid,
      use: 'sig',
      alg: 'EdDSA',
    });
    const back = jwkToVerificationKey(JSON.parse(JSON.stringify(jwk)));
    expect(back.kid).toBe(issuer.kid);
    expect(Buffer.from(back.publicKey)).toEqual(Buffer.from(issuer.verification.publicKey));

    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    const keys = verificationKeysFromJwks({ keys: [jwk, { kty: 'RSA', kid: 'r', n: 'x', e: 'AQAB' }] });
    expect(keys).toHaveLength(1);
    await expect(verifyToken(token, keys, NOW)).resolves.toEqual(payload);
  });

  it('carries the expiry of a retired key', async () => {
    const jwk = verificationKeyToJwk({ ...issuer.verification, expiresAt: NOW + 5 });
    expect(jwk.exp).toBe(NOW + 5);
    const key = jwkToVerificationKey(jwk);
    const token = signTokenSync(payload, issuer.kid, signWith(issuer.privateKey));
    await expect(verifyToken(token, [key], NOW + 5)).rejects.toMatchObject({ code: 'TOKEN_UNKNOWN_KEY' });
  });

  it('rejects JWKs that are not Ed25519 signing keys', () => {
    const jwk = verificationKeyToJwk(issuer.verification);
    for (const bad of [
      null,
      { ...jwk, crv: 'X25519' },
      { ...jwk, kty: 'EC' },
      { ...jwk, use: 'enc' },
      { ...jwk, x: jwk.x.slice(0, -2) },
      { ...jwk, kid: undefined },
    ]) {
      expect(() => jwkToVerificationKey(bad)).toThrow(TypeError);
    }
  });
});
