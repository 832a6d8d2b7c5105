import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { decodeToken, signTokenSync } from '../../src/domain/signed-token';
import { createTestApp, type TestContext } from '../support/app';

const L = 2n ** 252n + 27742317777372353535851937790883648493n;

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no error';
}

/**
 * The server checks its own tokens by signing again and comparing (Ed25519 is deterministic), and
 * remembers what it checked: neither may let through anything verifying would refuse.
 */
describe('checking the server’s own signatures', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  const claims = (n: string) => ({ typ: 'p', pid: '00000000-0000-4000-8000-000000000001', n, y: 1990 });
  /** A well-formed token of this payload and kid carrying a signature of our choosing. */
  const withSignature = (token: string, signature: Uint8Array, payload = decodeToken(token).payload) =>
    signTokenSync(payload, decodeToken(token).kid, () => signature);

  it('accepts its tokens, again and again, and only them', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 30 }, (_, i) => ctx.services.signing.sign(claims(`A ${i}`), 600)),
    );
    for (let round = 0; round < 2; round++) {
      for (const [i, token] of tokens.entries()) {
        expect((await ctx.services.signing.verify(token)).n).toBe(`A ${i}`);
      }
    }
  });

  it('a remembered signature does not vouch for other data', async () => {
    const token = await ctx.services.signing.sign(claims('Nguyễn Văn Thật'), 600);
    await ctx.services.signing.verify(token);
    const { signature, payload } = decodeToken(token);
    const forged = withSignature(token, signature, { ...payload, n: 'Kẻ Giả Mạo' });
    expect(await errorCode(ctx.services.signing.verify(forged))).toBe('TOKEN_BAD_SIGNATURE');
  });

  it('refuses a changed R or S, S + L, a short or empty signature and another key’s signature under our kid', async () => {
    const token = await ctx.services.signing.sign(claims('Trần Thị Hai'), 600);
    await ctx.services.signing.verify(token);
    const { signature, signedData } = decodeToken(token);
    for (const at of [0, 17, 31, 32, 50, 63]) {
      const bad = Buffer.from(signature);
      bad[at]! ^= 0x40;
      expect(await errorCode(ctx.services.signing.verify(withSignature(token, bad)))).toBe(
        'TOKEN_BAD_SIGNATURE',
      );
    }
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!);
    let bumped = s + L;
    const malleated = Buffer.from(signature);
    for (let i = 32; i < 64; i++) {
      malleated[i] = Number(bumped & 255n);
      bumped >>= 8n;
    }
    expect(await errorCode(ctx.services.signing.verify(withSignature(token, malleated)))).toBe(
      'TOKEN_BAD_SIGNATURE',
    );
    expect(await errorCode(ctx.services.signing.verify(withSignature(token, Buffer.alloc(64))))).toBe(
      'TOKEN_BAD_SIGNATURE',
    );
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(
      await errorCode(ctx.services.signing.verify(withSignature(token, sign(null, signedData, other)))),
    ).toBe('TOKEN_BAD_SIGNATURE');
    // A token cut short does not even decode.
    expect(await errorCode(ctx.services.signing.verify(token.slice(0, -4)))).toBe('TOKEN_MALFORMED');
  });
});
