import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealCheck } from '../../src/server/services/ed25519-seal';

function makeKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicRaw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { publicKey, privateKey, check: createSealCheck(privateKey, publicRaw) };
}

const L = 2n ** 252n + 27742317777372353535851937790883648493n;

describe('the seal check of the server’s own Ed25519 signatures', () => {
  it('accepts exactly the signatures node:crypto makes, for many keys and lengths', () => {
    for (let k = 0; k < 20; k++) {
      const key = makeKey();
      for (let n = 0; n < 25; n++) {
        const data = randomBytes((k * 37 + n * 13) % 400);
        expect(key.check(data, sign(null, data, key.privateKey))).toBe(true);
      }
    }
  });

  it('refuses a changed message, a changed R, a changed S and another key’s signature', () => {
    const key = makeKey();
    const other = makeKey();
    const data = Buffer.from('v1.eyJ0eXAiOiJwIn0', 'ascii');
    const signature = sign(null, data, key.privateKey);
    const changed = Buffer.from(data);
    changed[3]! ^= 1;
    expect(key.check(changed, signature)).toBe(false);
    for (const at of [0, 17, 31, 32, 50, 63]) {
      const bad = Buffer.from(signature);
      bad[at]! ^= 0x40;
      expect(key.check(data, bad)).toBe(false);
    }
    expect(key.check(data, sign(null, data, other.privateKey))).toBe(false);
    expect(key.check(data, signature.subarray(0, 63))).toBe(false);
    expect(key.check(data, Buffer.alloc(64))).toBe(false);
  });

  it('refuses S + L, which a lax verifier might take for the same signature', () => {
    const key = makeKey();
    const data = Buffer.from('malleable?');
    const signature = sign(null, data, key.privateKey);
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!);
    let bumped = s + L;
    const forged = Buffer.from(signature);
    for (let i = 32; i < 64; i++) {
      forged[i] = Number(bumped & 255n);
      bumped >>= 8n;
    }
    expect(key.check(data, forged)).toBe(false);
    expect(verify(null, data, key.publicKey, forged)).toBe(false);
  });
});
