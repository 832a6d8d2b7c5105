import { describe, expect, test } from 'vitest';
import { readOtp, screenshot } from './support/browser';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('citizen sign-in', () => {
  test('a citizen signs in with the one-time code from the outbox and sees the citizen home', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Người dân' }).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, '01-sign-in-citizen');

    const phone = page.getByLabel('Số điện thoại', { exact: true });
    expect(await phone.getAttribute('inputmode')).toBe('tel');
    await phone.fill('0912 345 678');
    await page.getByRole('button', { name: 'Gửi mã' }).click();

    const codeField = page.getByLabel('Mã xác thực (OTP)');
    await codeField.waitFor();
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    await page.getByText('Đã gửi mã xác thực đến số 0912 345 678').waitFor();
    await screenshot(page, '02-sign-in-code');

    const code = await readOtp(await e2e.admin(), '0912345678');
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { level: 1, name: 'Xin chào, 0912 345 678' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Dành cho người dân' }).waitFor();
    // A first-time citizen has one thing to do: fill in the profile.
    await page.getByText('Trước tiên, hãy điền hồ sơ của bạn').waitFor();
    await page.getByRole('link', { name: 'Điền hồ sơ' }).waitFor();
    expect(await page.getByRole('link', { name: /^Mã QR cá nhân/ }).count()).toBe(0);
    await screenshot(page, '03-citizen-home');

    // The session survives a reload; signing out returns to the sign-in screen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Xin chào, 0912 345 678' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  });
});
