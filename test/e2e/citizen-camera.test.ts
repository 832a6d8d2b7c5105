import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { tokenFromPointUrl } from '../../src/domain/point-code';
import {
  newPhoneContext,
  screenshot,
  seriousAxeViolations,
  signInAsCitizen,
  signInAsStaff,
} from './support/browser';
import { launchCameraBrowser, qrVideo } from './support/camera';
import { fillProfile, prepareQrReader } from './support/citizen';
import { myPointId, pointCheckIns } from './support/points';
import { setupE2E } from './support/setup';

const e2e = setupE2E();
let cameraBrowser: Browser | null = null;

beforeAll(prepareQrReader);
afterAll(async () => {
  await cameraBrowser?.close();
});

describe('citizen scans a point', () => {
  test("a citizen scans a point's poster QR with the in-app camera and the check-in is stored", async () => {
    // The poster's QR, as the point's staff download it.
    const staff = await e2e.newPage();
    await signInAsStaff(staff, '0900000005');
    const pointId = await myPointId(staff, 'Chợ Đồng Xoài');
    const png = await staff.request.get(`/api/points/${pointId}/poster.png`);
    expect(png.status()).toBe(200);
    const read = await readBarcodes(new Uint8Array(await png.body()), {
      formats: ['QRCode'],
      tryHarder: true,
    });
    const url = read[0]?.text ?? '';
    expect(tokenFromPointUrl(url)).not.toBeNull();

    // The citizen's phone, whose camera sees the poster.
    cameraBrowser = await launchCameraBrowser(await qrVideo(url));
    const context = await newPhoneContext(cameraBrowser, e2e.server.baseURL);
    const page = await context.newPage();
    await signInAsCitizen(page, await e2e.admin(), '0913000222');
    await fillProfile(page, 'Vũ Thị Hạnh');

    await page.getByRole('link', { name: /^Quét mã điểm/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Quét mã vào điểm' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Chợ Đồng Xoài' }).waitFor();
    const self = page.getByLabel('Vũ Thị Hạnh (bạn)');
    expect(await self.isChecked()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '70-check-in-confirm');

    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã ghi nhận vào điểm').waitFor();
    await page.getByText(/^Lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '71-check-in-done');

    const stored = await pointCheckIns(staff.request, pointId);
    expect(stored.rows.filter((r) => r.fullName === 'Vũ Thị Hạnh')).toMatchObject([
      { method: 'self_scan', direction: 'in' },
    ]);

    // Leaving: the optional check-out.
    await page.getByRole('button', { name: 'Ra về' }).click();
    await page.getByText('Đã ghi nhận ra về').waitFor();
    await context.close();
  });
});
