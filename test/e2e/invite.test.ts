import { describe, expect, test } from 'vitest';
import { screenshot, signInAsStaff } from './support/browser';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('staff invitation', () => {
  test('an admin invites a health officer; the link lets them set a password and land on their home', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'admin@demo.vaora.vn');
    const admin = page.getByRole('region', { name: 'Quản trị' });
    await admin.getByRole('tab', { name: 'Hộp thư đi' }).waitFor();

    await admin.getByRole('tab', { name: 'Mời cán bộ' }).click();
    await admin.getByLabel('Họ và tên').fill('Võ Thị Mai');
    await admin.getByLabel('Số điện thoại hoặc email').fill('0934 567 890');
    await admin.getByLabel('Vai trò').selectOption({ label: 'Cán bộ y tế' });
    await admin.getByRole('combobox', { name: 'Khu vực phụ trách' }).fill('p dong xoai');
    await admin.getByRole('option', { name: /Phường Đồng Xoài/ }).click();
    await admin.getByText('Đã chọn: Phường Đồng Xoài, Tỉnh Đồng Nai').waitFor();
    await screenshot(page, '11-admin-invite-form');
    await admin.getByRole('button', { name: 'Gửi lời mời' }).click();

    await admin.getByText('Đã gửi lời mời đến 0934 567 890').waitFor();
    const link = await admin.getByLabel('Liên kết mời').inputValue();
    expect(link).toMatch(/\/invite#[\w-]{20,}$/);
    await admin.getByRole('tab', { name: 'Lời mời đang chờ (1)' }).waitFor();
    await screenshot(page, '12-admin-invite-sent');

    await admin.getByRole('tab', { name: 'Lời mời đang chờ (1)' }).click();
    await admin.getByRole('heading', { level: 3, name: 'Võ Thị Mai' }).waitFor();
    await admin.getByText('Phường Đồng Xoài').waitFor();
    await screenshot(page, '13-admin-invitations');
    // The invitation went out through the outbox, where an admin can read it.
    await admin.getByRole('tab', { name: 'Hộp thư đi' }).click();
    await admin.getByRole('heading', { level: 3, name: '0934 567 890' }).waitFor();
    await admin.getByText(/ban duoc moi/).waitFor();
    await screenshot(page, '10-admin-outbox');
    await admin.getByRole('tab', { name: 'Khóa ký' }).click();
    await admin.getByRole('tabpanel').getByText('Đang dùng').waitFor();
    await admin.getByRole('button', { name: 'Đổi khóa', exact: true }).click();
    await admin.getByRole('button', { name: 'Xác nhận đổi khóa' }).click();
    await admin.getByRole('status').getByText('Đã đổi khóa ký.').waitFor();
    await admin.getByText(/^Ngừng ký, còn kiểm tra đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    await screenshot(page, '14-admin-keys');
    await admin.getByRole('tab', { name: 'Nhật ký truy cập' }).click();
    await admin.getByText('Ai đã xem hoặc xuất dữ liệu cá nhân, khi nào và vì sao.').waitFor();
    await screenshot(page, '15-admin-audit');

    // The invited person opens the link on their own phone.
    const invited = await e2e.newPage();
    await invited.goto(link);
    await invited.getByRole('heading', { level: 1, name: 'Nhận lời mời' }).waitFor();
    await screenshot(invited, '16-invite-page');
    await invited.getByLabel('Mật khẩu', { exact: true }).fill('mot cau de nho 2025');
    await invited.getByLabel('Nhập lại mật khẩu').fill('mot cau de nho 2025');
    await invited.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();

    await invited.getByRole('heading', { level: 1, name: 'Xin chào, Võ Thị Mai' }).waitFor();
    const section = invited.getByRole('region', { name: 'Cán bộ y tế xã/phường' });
    await section.getByText('Khu vực phụ trách: Phường Đồng Xoài').waitFor();
    await section.getByRole('heading', { level: 4, name: 'Chợ Đồng Xoài' }).waitFor();
    expect(new URL(invited.url()).hash).toBe('');
    await screenshot(invited, '17-invited-officer-home');

    // The link works once.
    const again = await e2e.newPage();
    await again.goto(link);
    await again.getByLabel('Mật khẩu', { exact: true }).fill('another sentence 2025');
    await again.getByLabel('Nhập lại mật khẩu').fill('another sentence 2025');
    await again.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await again.getByRole('alert').getByText('Lời mời không hợp lệ hoặc đã hết hạn.').waitFor();
  });
});
