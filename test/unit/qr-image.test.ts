import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { signTokenSync } from '../../src/domain/signed-token';
import { renderQrPng, renderQrSvg } from '../../src/server/services/qr-image';

// zxing-wasm fetches its .wasm from a CDN by default; tests must not need the network.
beforeAll(() => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  });
});

function sampleToken(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const iat = Math.floor(Date.now() / 1000);
  return signTokenSync(
    { typ: 'p', sub: '3f1c2a9e-7b4d-4e21-9a55-0c7d1e8b6f42', iat, exp: iat + 300 },
    'AbCd-_12',
    (d) => sign(null, d, privateKey),
  );
}

async function decode(png: Buffer) {
  return readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true });
}

describe('QR images', () => {
  it('renders a token as a PNG that a reader decodes to the same text', async () => {
    const token = sampleToken();
    const png = await renderQrPng(token);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const results = await decode(png);
    expect(results.map((r) => r.text)).toEqual([token]);
    expect(results[0]!.ecLevel).toBe('M');
  });

  it('honours the requested width', async () => {
    const token = sampleToken();
    const png = await renderQrPng(token, { width: 600 });
    expect(png.readUInt32BE(16)).toBe(600); // IHDR width
    expect((await decode(png)).map((r) => r.text)).toEqual([token]);
  });

  it('leaves a quiet zone of four modules', async () => {
    const png = await renderQrPng('x', { scale: 1 });
    // Version 1 is 21 modules wide; with 4 on each side the image is 29 pixels at one pixel per module.
    expect(png.readUInt32BE(16)).toBe(29);
  });

  it('renders SVG with a path', async () => {
    const svg = await renderQrSvg(sampleToken(), { width: 256 });
    expect(svg).toContain('<svg');
    expect(svg).toMatch(/<path[^>]* d="M/);
    expect(svg).toContain('width="256"');
  });
});
