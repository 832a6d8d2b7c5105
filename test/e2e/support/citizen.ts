import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

/** zxing-wasm fetches its .wasm from a CDN by default; tests read the one installed. */
export function prepareQrReader(): void {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  });
}

/** The text of the one QR code in a picture of an element, as a phone camera would read it. */
export async function decodeQr(element: Locator): Promise<string> {
  const png = await element.screenshot();
  const results = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true });
  if (results.length !== 1) throw new Error(`Expected one QR code, found ${results.length}`);
  return results[0]!.text;
}

export async function chooseUnit(page: Page, label: string, query: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).fill(query);
  await page.getByRole('option', { name: option }).first().click();
}

/** A first-time citizen on the home screen fills the profile through the form. */
export async function fillProfile(page: Page, fullName: string): Promise<void> {
  await page.getByRole('link', { name: 'Điền hồ sơ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ' }).waitFor();
  await page.getByLabel('Họ và tên').fill(fullName);
  await page.getByLabel('Ngày sinh').fill('02091990');
  await page.getByRole('group', { name: 'Giới tính' }).getByLabel('Nữ').check();
  await chooseUnit(page, 'Xã/Phường/Đặc khu', 'dong xoai', /^Phường Đồng Xoài/);
  await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
  await page.getByText('Đã lưu hồ sơ.').waitFor();
}
