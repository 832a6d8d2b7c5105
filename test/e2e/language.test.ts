import { describe, expect, test } from 'vitest';
import { screenshot } from './support/browser';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('language', () => {
  test('the English switch changes the texts, and the choice survives a reload', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('tab', { name: 'Citizen' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'lang')?.value).toBe('en');

    // The server answers in the chosen language too: a wrong password, in English, at the field.
    await page.getByRole('tab', { name: 'Staff' }).click();
    await page.getByLabel('Phone number or e-mail').fill('phuong@demo.vaora.vn');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong account or password.').waitFor();
    await screenshot(page, '09-sign-in-english-error');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });
});
