import { describe, expect, test } from 'vitest';
import { screenshot, seriousAxeViolations, signInAsStaff } from './support/browser';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('point manager', () => {
  test('the manager adds staff, downloads posters and rotates the code after a clear warning', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'chudiem@demo.vaora.vn');
    await page.getByRole('link', { name: 'Quản lý · Chợ Đồng Xoài' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chợ Đồng Xoài' }).waitFor();
    await page.getByRole('link', { name: 'Tải poster PDF khổ A4 (để in)' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Số điện thoại của nhân viên').fill('0900000006');
    await page.getByRole('button', { name: 'Thêm nhân viên' }).click();
    await page.getByText('Đã thêm nhân viên').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Hoàng Văn Nam' }).waitFor();

    await page.getByRole('button', { name: 'Đổi mã QR…' }).click();
    await page.getByText(/TẤT CẢ poster đã in sẽ không dùng được nữa/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '80-point-manager');
    await page.getByRole('button', { name: 'Đổi mã, poster cũ hết hiệu lực' }).click();
    await page.getByText('Đã đổi mã. Hãy tải và in poster mới ngay.').waitFor();
  });
});
