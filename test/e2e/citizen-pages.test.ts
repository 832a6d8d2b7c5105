import { describe, expect, test } from 'vitest';
import { screenshot, seriousAxeViolations, signInAsCitizen } from './support/browser';
import { chooseUnit, fillProfile } from './support/citizen';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

/** Tomorrow in Vietnam as the date field takes it: digits only. */
function tomorrowDigits(): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}${pad(d.getUTCMonth() + 1)}${d.getUTCFullYear()}`;
}

describe('citizen pages', () => {
  test('a journey by bus is changed, then cancelled; its QR goes with it', async () => {
    const page = await e2e.newPage();
    await signInAsCitizen(page, await e2e.admin(), '0909111222');
    await fillProfile(page, 'Phạm Minh Đức');

    await page.getByRole('link', { name: /^Khai báo di chuyển nội địa/ }).click();
    await page.getByRole('group', { name: 'Phương tiện' }).getByLabel('Xe khách').check();
    // A bus has a plate and seats.
    await page.getByLabel('Biển số xe').fill('12345');
    await page.getByLabel('Số ghế').fill('A12');
    await page.getByLabel('Ngày khởi hành').fill(tomorrowDigits());
    await page.getByLabel('Giờ khởi hành').fill('2515');
    await chooseUnit(page, 'Xã/Phường nơi đến', 'sai gon', /^Phường Sài Gòn/);
    await page.getByRole('button', { name: 'Gửi khai báo' }).click();
    // Every mistake at its field, before anything is sent.
    await page.getByText('Biển số xe không đúng dạng, ví dụ: 51A-123.45.').waitFor();
    await page.getByText('Giờ không hợp lệ. Nhập theo 24 giờ, ví dụ: 07:30.').waitFor();
    await page.getByText('Vui lòng ghi địa chỉ nơi đến (nơi bạn sẽ ở).').waitFor();
    expect(await page.getByLabel('Biển số xe').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '60-movement-errors');

    await page.getByLabel('Biển số xe').fill('51B-012.34');
    await page.getByLabel('Giờ khởi hành').fill('0615');
    await page.getByLabel('Nơi sẽ ở (địa chỉ cụ thể)').fill('45 Nguyễn Huệ');
    const answerNo = async (name: RegExp) => page.getByRole('group', { name }).getByLabel('Không').check();
    await answerNo(/có đi qua tỉnh\/thành phố khác/);
    await page.getByLabel('Không có triệu chứng').check();
    await answerNo(/tiếp xúc gần với ca bệnh/);
    await answerNo(/người từ nơi có dịch/);
    await answerNo(/người có sốt, ho, khó thở/);
    await page
      .getByRole('group', { name: 'Số mũi vắc xin COVID-19 đã tiêm' })
      .getByLabel('Chưa tiêm')
      .check();
    await page.getByRole('group', { name: 'Kết quả xét nghiệm gần nhất' }).getByLabel('Âm tính').check();
    await page.getByLabel('Ngày xét nghiệm').fill('01012021');
    await page.getByLabel(/^Tôi cam kết thông tin trên là đúng sự thật/).check();
    await page.getByRole('button', { name: 'Gửi khai báo' }).click();
    await page.getByRole('img', { name: 'Mã QR khai báo di chuyển của Phạm Minh Đức' }).waitFor();
    await page.getByText('Ghế A12').waitFor();

    // Changed before the checkpoint: the health questions are asked again.
    await page.getByRole('link', { name: 'Sửa khai báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sửa khai báo di chuyển' }).waitFor();
    expect(await page.getByLabel('Biển số xe').inputValue()).toBe('51B-012.34');
    await page.getByLabel('Số ghế').fill('B07');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Vui lòng chọn Có hoặc Không.').first().waitFor();
    await answerNo(/có đi qua tỉnh\/thành phố khác/);
    await page.getByLabel('Không có triệu chứng').check();
    await answerNo(/tiếp xúc gần với ca bệnh/);
    await answerNo(/người từ nơi có dịch/);
    await answerNo(/người có sốt, ho, khó thở/);
    await page
      .getByRole('group', { name: 'Số mũi vắc xin COVID-19 đã tiêm' })
      .getByLabel('Chưa tiêm')
      .check();
    await page
      .getByRole('group', { name: 'Kết quả xét nghiệm gần nhất' })
      .getByLabel('Chưa xét nghiệm')
      .check();
    await page.getByLabel(/^Tôi cam kết thông tin trên là đúng sự thật/).check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu thay đổi. Mã QR đã được cấp lại.').waitFor();
    await page.getByText('Ghế B07').waitFor();

    await page.getByRole('button', { name: 'Hủy khai báo' }).click();
    await page.getByRole('button', { name: 'Xác nhận hủy' }).click();
    await page.getByText('Đã hủy khai báo.').waitFor();
    await page.getByText('Đã hủy', { exact: true }).waitFor();
    expect(await page.getByRole('img', { name: /^Mã QR khai báo di chuyển/ }).count()).toBe(0);
    await page.getByText('Khai báo này không còn mã QR để trình tại chốt.').waitFor();
    await screenshot(page, '61-movement-cancelled');
  });

  test('notices, check-in history, privacy in Vietnamese and English; deleting the account', async () => {
    const page = await e2e.newPage();
    const admin = await e2e.admin();
    await signInAsCitizen(page, admin, '0909111333');
    await fillProfile(page, 'Đỗ Thị Mai');

    await page.getByRole('link', { name: /^Thông báo/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await page.getByText('Chưa có thông báo nào.').waitFor();
    await screenshot(page, '62-notices');

    await page.getByRole('link', { name: 'Về trang chính' }).click();
    await page.getByRole('link', { name: /^Lịch sử quét mã/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch sử quét mã' }).waitFor();
    await page.getByText('Chưa có lượt quét mã nào.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '63-check-ins');

    await page.getByRole('link', { name: 'Về trang chính' }).click();
    await page.getByRole('link', { name: 'Quyền riêng tư' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quyền riêng tư' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ai đã xem dữ liệu của bạn' }).waitFor();
    await page.getByRole('button', { name: 'Tôi muốn xóa tài khoản' }).click();
    await page.getByRole('button', { name: 'Xóa vĩnh viễn tài khoản' }).click();
    await page.getByText('Gõ đúng chữ XOA để xác nhận xóa.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '64-privacy');

    // The same screen in English: the words of the catalogue, none left in Vietnamese.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.getByRole('button', { name: 'Delete the account for good' }).waitFor();
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.getByRole('link', { name: /^Personal QR code/ }).waitFor();
    await page.getByRole('link', { name: /^Health declaration/ }).click();
    await page.getByRole('button', { name: 'Send declaration' }).click();
    await page.getByText('Please choose Yes or No.').first().waitFor();
    await screenshot(page, '65-health-english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    await page.goto('/privacy');
    await page.getByRole('button', { name: 'Tôi muốn xóa tài khoản' }).click();
    await page.getByLabel('Gõ chữ XOA để xác nhận').fill('XOA');
    await page.getByRole('button', { name: 'Xóa vĩnh viễn tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    // Nothing of the account stays on the phone.
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => /^vaora\.(person|codes|draft|last)/.test(k)),
    );
    expect(kept).toEqual([]);

    // Signing in again with the same phone starts from nothing.
    await signInAsCitizen(page, admin, '0909111333');
    await page.getByRole('link', { name: 'Điền hồ sơ' }).waitFor();
  });
});
