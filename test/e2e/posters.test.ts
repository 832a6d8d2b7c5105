import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { tokenFromPointUrl } from '../../src/domain/point-code';
import { decodeToken } from '../../src/domain/signed-token';
import { wrapPglite } from '../../src/server/db/client';
import { createTestApp, signInAsDemo, TestClient, type TestContext } from '../support/app';

// The e2e run has no global set-up (no prepared dump): each file migrates a fresh PGlite itself.
vi.mock('../support/database', async (importOriginal) => {
  const original = await importOriginal<typeof import('../support/database')>();
  return {
    ...original,
    async createTestDatabase() {
      const handle = wrapPglite(await PGlite.create());
      await original.prepareDatabase(handle);
      return handle;
    },
  };
});

const BASE = 'https://qr.vaora.test';
const DPI = 150;
let ctx: TestContext;
let owner: TestClient;
let dir: string;
let point: { id: string; code: string };

beforeAll(async () => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  });
  dir = mkdtempSync(join(tmpdir(), 'vaora-poster-'));
  ctx = await createTestApp({ PUBLIC_URL: BASE });
  owner = new TestClient(ctx.app, '10.9.0.1');
  await signInAsDemo(ctx, owner, 'chudiem@demo.vaora.vn');
  const points = (await owner.get('/api/me/points')).json().points;
  point = points.find((p: { name: string }) => p.name === 'Chợ Đồng Xoài');
});
afterAll(async () => {
  await ctx?.close();
  if (!process.env.KEEP_POSTERS) rmSync(dir, { recursive: true, force: true });
});

async function posterFile(size: 'A4' | 'A5'): Promise<string> {
  const res = await owner.get(`/api/points/${point.id}/poster.pdf?size=${size}`);
  expect(res.statusCode).toBe(200);
  const file = join(dir, `poster-${size}.pdf`);
  writeFileSync(file, res.rawPayload);
  return file;
}

/** The page as a printer would see it, and the QR codes a phone camera reads off it. */
async function scanPage(pdf: string) {
  const prefix = join(dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const png = readFileSync(`${prefix}.png`);
  return readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true });
}

describe('printed poster', () => {
  it('A4: Vietnamese text with its marks, the code, and a QR of at least 15 cm that decodes to the URL', async () => {
    const pdf = await posterFile('A4');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('Chợ Đồng Xoài');
    expect(text).toContain('Đường Phú Riềng Đỏ, Phường Đồng Xoài, Tỉnh Đồng Nai');
    expect(text).toContain('Quét mã QR bằng ứng dụng vaora hoặc camera điện thoại');
    expect(text).toContain('Scan the QR code with the vaora app');
    expect(text).toContain(point.code);

    const results = await scanPage(pdf);
    expect(results).toHaveLength(1);
    const qr = results[0]!;
    expect(qr.text.startsWith(`${BASE}/c/`)).toBe(true);
    const claims = decodeToken(tokenFromPointUrl(qr.text)!).payload as unknown as { pt: string; v: number };
    expect(claims).toMatchObject({ typ: 'c', pt: point.code, v: 1 });
    await expect(ctx.services.signing.verify(tokenFromPointUrl(qr.text)!)).resolves.toBeTruthy();

    // The symbol's width on paper, from the corners the reader found.
    const { topLeft, topRight, bottomLeft } = qr.position;
    const widthCm = ((topRight.x - topLeft.x) / DPI) * 2.54;
    const heightCm = ((bottomLeft.y - topLeft.y) / DPI) * 2.54;
    expect(widthCm).toBeGreaterThanOrEqual(15);
    expect(heightCm).toBeGreaterThanOrEqual(15);
  });

  it('A5: the QR is at least 10 cm and decodes', async () => {
    const results = await scanPage(await posterFile('A5'));
    expect(results).toHaveLength(1);
    const { topLeft, topRight } = results[0]!.position;
    expect(((topRight.x - topLeft.x) / DPI) * 2.54).toBeGreaterThanOrEqual(10);
    expect(tokenFromPointUrl(results[0]!.text)).not.toBeNull();
  });
});
