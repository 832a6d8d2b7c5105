import { describe, expect, test } from 'vitest';
import { screenshot, signInAsStaff } from './support/browser';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('staff homes', () => {
  test('a commune health officer sees the check-in points of their commune', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'phuong@demo.vaora.vn');
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Lê Văn Đức' }).waitFor();
    const section = page.getByRole('region', { name: 'Cán bộ y tế xã/phường' });
    await section.getByText('Khu vực phụ trách: Phường Đồng Xoài').waitFor();
    await section.getByRole('heading', { name: /^Điểm quét mã QR tại Phường Đồng Xoài \(3\)$/ }).waitFor();
    await section.getByRole('heading', { level: 4, name: 'Chợ Đồng Xoài' }).waitFor();
    // Another commune's points stay out.
    expect(await section.getByText('Quán cà phê Hương Điều').count()).toBe(0);
    await screenshot(page, '04-officer-commune-home');

    // On a wide screen the same list is a table.
    await page.setViewportSize({ width: 1280, height: 900 });
    await section.getByRole('table').getByRole('rowheader', { name: 'Chợ Đồng Xoài' }).waitFor();
    await screenshot(page, '05-officer-commune-home-wide');
  });

  test('a province health officer picks a commune of the province with the address picker', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'tinh@demo.vaora.vn');
    const section = page.getByRole('region', { name: 'Cán bộ y tế tỉnh/thành phố' });
    await section.getByText('Khu vực phụ trách: Tỉnh Đồng Nai').waitFor();
    // The whole province first: both demo communes.
    await section.getByRole('heading', { name: /^Điểm quét mã QR tại Tỉnh Đồng Nai \(5\)$/ }).waitFor();

    const picker = section.getByRole('combobox', { name: 'Xem điểm của xã/phường' });
    await picker.fill('binh phuoc');
    await section.getByRole('option', { name: /Phường Bình Phước/ }).click();
    await section.getByRole('heading', { name: /^Điểm quét mã QR tại Phường Bình Phước \(2\)$/ }).waitFor();
    await section.getByRole('heading', { level: 4, name: 'Quán cà phê Hương Điều' }).waitFor();
    await screenshot(page, '06-officer-province-home');

    // Back to the whole province; then browse the list of communes instead of searching.
    await section.getByRole('button', { name: 'Bỏ chọn: Phường Bình Phước' }).click();
    await section.getByRole('heading', { name: /^Điểm quét mã QR tại Tỉnh Đồng Nai \(5\)$/ }).waitFor();
    await section.getByText('Hoặc chọn từ danh sách').click();
    const communes = section.getByLabel('Xã/Phường/Đặc khu');
    await communes.locator('option', { hasText: 'Phường Đồng Xoài' }).waitFor({ state: 'attached' });
    await communes.selectOption({ label: 'Phường Đồng Xoài' });
    await section.getByRole('heading', { name: /^Điểm quét mã QR tại Phường Đồng Xoài \(3\)$/ }).waitFor();
    await screenshot(page, '07-officer-province-browse');
  });

  test('scanning staff see the points they work at', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, '0900000005');
    const section = page.getByRole('region', { name: /^Điểm quét mã của bạn/ });
    await section.getByRole('heading', { level: 3, name: 'Chợ Đồng Xoài' }).waitFor();
    await section.getByRole('heading', { level: 3, name: 'Bến xe Đồng Xoài' }).waitFor();
    expect(await section.getByRole('heading', { level: 3 }).count()).toBe(2);
    await screenshot(page, '08-scanning-staff-home');
  });
});
