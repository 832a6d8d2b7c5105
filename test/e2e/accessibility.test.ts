import { describe, expect, test } from 'vitest';
import { describedByText, readOtp, screenshot, seriousAxeViolations, signInAsStaff } from './support/browser';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('accessibility and errors', () => {
  test('the sign-in screen has no serious or critical axe violations, and a wrong code is told at the field in Vietnamese', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A phone number in the wrong shape is caught before sending, with what to do.
    const phone = page.getByLabel('Số điện thoại', { exact: true });
    await phone.fill('12345');
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await page.getByText('Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.').waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await phone.fill('0987654321');
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    const codeField = page.getByLabel('Mã xác thực (OTP)');
    await codeField.waitFor();
    const real = await readOtp(await e2e.admin(), '0987654321');
    const wrong = real.replace(/.$/, (d) => String((Number(d) + 1) % 10));
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByText('Mã xác thực không đúng. Còn 4 lần thử.').waitFor();
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    expect(await describedByText(page, 'Mã xác thực (OTP)')).toContain('Mã xác thực không đúng.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '18-sign-in-wrong-code');

    await page.getByRole('tab', { name: 'Cán bộ' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Nhập số điện thoại hoặc email.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '19-sign-in-staff-empty');
  });

  test('home screens have no serious or critical axe violations', async () => {
    const officer = await e2e.newPage();
    await signInAsStaff(officer, 'tinh@demo.vaora.vn');
    await officer.getByRole('heading', { name: /^Điểm quét mã QR tại Tỉnh Đồng Nai/ }).waitFor();
    expect(await seriousAxeViolations(officer)).toEqual([]);
    // With the suggestions open.
    const combobox = officer.getByRole('combobox', { name: 'Xem điểm của xã/phường' });
    await combobox.fill('dong');
    await officer.getByRole('option').first().waitFor();
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await screenshot(officer, '20-address-picker-suggestions');

    // The keyboard alone: the arrow moves the active suggestion, Enter chooses it.
    await combobox.press('ArrowDown');
    const active = officer.getByRole('option', { selected: true });
    const activeId = await active.getAttribute('id');
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(activeId);
    const text = (await active.textContent()) ?? '';
    const name = text.split(',')[0] ?? '';
    expect(text).toMatch(/^(Xã|Phường) .+, Tỉnh Đồng Nai$/);
    await combobox.press('Enter');
    await officer.getByText(`Đã chọn: ${text}`).waitFor();
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    await officer
      .getByRole('heading', { name: new RegExp(`^Điểm quét mã QR tại ${name} \\(\\d+\\)$`) })
      .waitFor();

    const admin = await e2e.newPage();
    await signInAsStaff(admin, 'admin@demo.vaora.vn');
    await admin.getByRole('tab', { name: 'Hộp thư đi' }).waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await admin.getByRole('tab', { name: 'Mời cán bộ' }).click();
    await admin.getByLabel('Vai trò').selectOption({ label: 'Cán bộ y tế' });
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });
});
