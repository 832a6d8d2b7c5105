import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { pickCurrentToken } from '../../src/domain/codes';
import {
  newPhoneContext,
  screenshot,
  seriousAxeViolations,
  signInAsCitizen,
  signInAsStaff,
} from './support/browser';
import { launchCameraBrowser, qrVideo } from './support/camera';
import { fillProfile } from './support/citizen';
import { csrfHeader, myPointId, pointCheckIns } from './support/points';
import { setupE2E } from './support/setup';

const e2e = setupE2E();
let cameraBrowser: Browser | null = null;

afterAll(async () => {
  await cameraBrowser?.close();
});

describe('staff scanner camera', () => {
  test("staff scan a citizen's personal QR from the camera and the check-in is stored", async () => {
    // The citizen and a personal code of theirs, as their phone would show it.
    const citizen = await e2e.newPage();
    await signInAsCitizen(citizen, await e2e.admin(), '0912000111');
    await fillProfile(citizen, 'Đỗ Thị Mai');
    const { persons } = (await (await citizen.request.get('/api/persons')).json()) as {
      persons: { id: string; isSelf: boolean }[];
    };
    const self = persons.find((p) => p.isSelf);
    const codes = await citizen.request.post(`/api/persons/${self?.id}/codes`, {
      headers: await csrfHeader(citizen.context()),
    });
    expect(codes.status()).toBe(200);
    const { tokens } = (await codes.json()) as { tokens: { token: string; nbf: number; exp: number }[] };
    const current = pickCurrentToken(tokens, Math.floor(Date.now() / 1000));
    if (!current) throw new Error('No current personal code');

    // The staff's phone, whose camera sees that code.
    cameraBrowser = await launchCameraBrowser(await qrVideo(current.token));
    const context = await newPhoneContext(cameraBrowser, e2e.server.baseURL);
    const page = await context.newPage();
    await signInAsStaff(page, '0900000005');
    const pointId = await myPointId(page, 'Chợ Đồng Xoài');
    await page.getByRole('link', { name: 'Quét mã · Chợ Đồng Xoài' }).click();

    const card = page.getByRole('alert');
    await card.getByText('Đã ghi nhận').waitFor();
    await card.getByText('Đỗ Thị Mai').waitFor();
    await card.getByText(/tuổi \(sinh năm 1990\)/).waitFor();
    // The whole card shows, however long the status: its title is inside it, and it ends above the form.
    const cardBox = await card.boundingBox();
    const titleBox = await card.getByText('Đã ghi nhận').boundingBox();
    const formBox = await page.getByLabel('Mã từ máy quét').boundingBox();
    expect(cardBox && titleBox && formBox).toBeTruthy();
    expect(titleBox!.y).toBeGreaterThanOrEqual(cardBox!.y);
    expect(cardBox!.y + cardBox!.height).toBeLessThanOrEqual(formBox!.y);
    await screenshot(page, '63-scanner-camera-recorded');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The scan reached the server (the list of recent scans says so per record).
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Đỗ Thị Mai' })
      .getByText('Đã gửi lên máy chủ')
      .first()
      .waitFor();
    const stored = await pointCheckIns(page.request, pointId);
    const rows = stored.rows.filter((r) => r.fullName === 'Đỗ Thị Mai');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({ method: 'staff_scan', direction: 'in' });
    await context.close();
  });
});
