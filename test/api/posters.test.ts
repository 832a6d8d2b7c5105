import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { tokenFromPointUrl } from '../../src/domain/point-code';
import { decodeToken } from '../../src/domain/signed-token';
import { posterLayouts } from '../../src/server/services/poster.service';
import { createTestApp, signInAsDemo, signInWithOtp, TestClient, type TestContext } from '../support/app';

const BASE = 'https://qr.vaora.test';
let ctx: TestContext;
let owner: TestClient;
let pointId: string;
let pointCode: string;

beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  });
  ctx = await createTestApp({ PUBLIC_URL: BASE });
  owner = new TestClient(ctx.app, '10.3.0.1');
  await signInAsDemo(ctx, owner, 'chudiem@demo.vaora.vn');
  const points = (await owner.get('/api/me/points')).json().points;
  const market = points.find((p: { name: string }) => p.name === 'Chợ Đồng Xoài');
  pointId = market.id;
  pointCode = market.code;
});
afterAll(() => ctx.close());

async function decodePng(png: Buffer): Promise<string[]> {
  const results = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true });
  return results.map((r) => r.text);
}

/** The claims of the signed token inside a poster URL, after checking the URL's shape. */
function claimsOf(url: string) {
  expect(url.startsWith(`${BASE}/c/`)).toBe(true);
  const token = tokenFromPointUrl(url);
  expect(token).not.toBeNull();
  return decodeToken(token!).payload as unknown as { typ: string; pt: string; v: number; exp: number };
}

describe('posters', () => {
  it('PNG decodes to the point URL with a signed token naming the point and its code version', async () => {
    const res = await owner.get(`/api/points/${pointId}/poster.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('no-store');
    const [url, ...rest] = await decodePng(res.rawPayload);
    expect(rest).toEqual([]);
    expect(claimsOf(url!)).toMatchObject({ typ: 'c', pt: pointCode, v: 1 });
    // The token verifies with the server's keys and lives for months, as a poster must.
    const verified = await ctx.services.signing.verify(tokenFromPointUrl(url!)!);
    expect(verified.exp - verified.iat).toBeGreaterThan(300 * 86_400);
  });

  it('SVG is a QR image', async () => {
    const res = await owner.get(`/api/points/${pointId}/poster.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
    expect(res.body).toMatch(/<path[^>]* d="M/);
  });

  it('PDF in A4 and A5, and several points in one document', async () => {
    const a4 = await owner.get(`/api/points/${pointId}/poster.pdf`);
    expect(a4.statusCode).toBe(200);
    expect(a4.headers['content-type']).toBe('application/pdf');
    expect(a4.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is embedded as TrueType (FontFile2), which pdftotext and printers read.
    expect(a4.rawPayload.toString('latin1')).toContain('/FontFile2');
    const a5 = await owner.get(`/api/points/${pointId}/poster.pdf?size=A5`);
    expect(a5.statusCode).toBe(200);
    expect(a5.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.5/);

    const all = (await owner.get('/api/me/points')).json().points.map((p: { id: string }) => p.id);
    const many = await owner.get(`/api/points/posters.pdf?ids=${all.join(',')}&size=A4`);
    expect(many.statusCode).toBe(200);
    expect(many.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(all.length);
    expect((await owner.get('/api/points/posters.pdf?ids=nope')).statusCode).toBe(400);
  });

  it('prints the QR at least 15 cm wide on A4 and 10 cm on A5', () => {
    const cm = 72 / 2.54;
    expect(posterLayouts.A4.qr).toBeGreaterThanOrEqual(15 * cm);
    expect(posterLayouts.A5.qr).toBeGreaterThanOrEqual(10 * cm);
  });

  it('is only for the point’s manager and staff', async () => {
    const staff = new TestClient(ctx.app, '10.3.0.2');
    await signInWithOtp(ctx, staff, '0900000005'); // the demo scanning staff of this market
    expect((await staff.get(`/api/points/${pointId}/poster.png`)).statusCode).toBe(200);
    expect((await staff.post(`/api/points/${pointId}/rotate-code`)).statusCode).toBe(403);

    const other = new TestClient(ctx.app, '10.3.0.3');
    await signInWithOtp(ctx, other, '0912000001');
    const own = await other.post('/api/points', {
      name: 'Điểm của người khác',
      kind: 'office',
      address: { provinceCode: '75', communeCode: '25210', detail: '' },
    });
    expect(own.statusCode).toBe(201);
    expect((await other.get(`/api/points/${pointId}/poster.png`)).statusCode).toBe(404);
    expect((await other.get(`/api/points/${pointId}/poster.pdf`)).statusCode).toBe(404);
    expect((await other.get(`/api/points/posters.pdf?ids=${own.json().id},${pointId}`)).statusCode).toBe(404);
    const anon = new TestClient(ctx.app, '10.3.0.4');
    expect((await anon.get(`/api/points/${pointId}/poster.svg`)).statusCode).toBe(401);
  });

  it('rotating the code gives a new token with the next version', async () => {
    const before = claimsOf(
      (await decodePng((await owner.get(`/api/points/${pointId}/poster.png`)).rawPayload))[0]!,
    );
    const res = await owner.post(`/api/points/${pointId}/rotate-code`);
    expect(res.statusCode, res.body).toBe(200);
    const { codeVersion, url, token } = res.json();
    expect(codeVersion).toBe(before.v + 1);
    expect(url).toBe(`${BASE}/c/${token}`);
    expect(claimsOf(url)).toMatchObject({ typ: 'c', pt: pointCode, v: before.v + 1 });
    const after = claimsOf(
      (await decodePng((await owner.get(`/api/points/${pointId}/poster.png`)).rawPayload))[0]!,
    );
    expect(after.v).toBe(before.v + 1);
    expect((await owner.get(`/api/points/${pointId}`)).json().codeVersion).toBe(before.v + 1);
  });
});
