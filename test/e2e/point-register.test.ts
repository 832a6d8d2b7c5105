import { describe, expect, test } from 'vitest';
import { screenshot, seriousAxeViolations, signInAsStaff } from './support/browser';
import { chooseUnit } from './support/citizen';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('point registration', () => {
  test('the manager registers a point with the address picker and lands on its page', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'chudiem@demo.vaora.vn');
    await page.getByRole('link', { name: 'Đăng ký điểm', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký điểm quét mã' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Tên điểm').fill('Tiệm bánh mì Hương Quê');
    await page.getByLabel('Loại điểm').selectOption({ label: 'Nhà hàng, quán ăn, cà phê' });
    // Only a passenger vehicle has a plate.
    expect(await page.getByLabel('Biển số xe').count()).toBe(0);
    await chooseUnit(page, 'Xã/Phường/Đặc khu', 'dong xoai', /^Phường Đồng Xoài/);
    await page.getByLabel('Địa chỉ cụ thể (số nhà, đường, thôn/ấp/tổ)').fill('12 Phú Riềng Đỏ');
    await page.getByLabel('Số điện thoại liên hệ').fill('0912345678');
    await screenshot(page, '90-point-register');
    await page.getByRole('button', { name: 'Đăng ký điểm' }).click();

    await page.getByRole('heading', { level: 1, name: 'Tiệm bánh mì Hương Quê' }).waitFor();
    await page.getByText('Đã đăng ký điểm. Hãy tải và in poster mã QR.').waitFor();
    await page.getByText('12 Phú Riềng Đỏ', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Danh sách đã quét (0 hôm nay)' }).waitFor();
    expect(page.url()).toMatch(/\/points\/[0-9a-f-]{36}$/);
  });

  test('a passenger vehicle without a plate shows the error at the plate field', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'chudiem@demo.vaora.vn');
    await page.goto('/points/new');
    await page.getByRole('heading', { level: 1, name: 'Đăng ký điểm quét mã' }).waitFor();
    await page.getByLabel('Tên điểm').fill('Xe khách Phương Trang 01');
    await page.getByLabel('Loại điểm').selectOption({ label: 'Phương tiện chở khách' });
    const plate = page.getByLabel('Biển số xe');
    await plate.waitFor();
    await chooseUnit(page, 'Xã/Phường/Đặc khu', 'dong xoai', /^Phường Đồng Xoài/);
    await page.getByRole('button', { name: 'Đăng ký điểm' }).click();

    await expect.poll(() => plate.getAttribute('aria-invalid')).toBe('true');
    const described = await plate.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('Vui lòng nhập biển số xe.');
    // The focus goes to the field to fix.
    expect(await plate.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '91-point-register-plate-error');
    expect(page.url()).toMatch(/\/points\/new$/);
  });
});
