import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { verificationKeysFromJwks, verifyToken } from '../../src/domain/signed-token';
import { screenshot, seriousAxeViolations, signInAsCitizen } from './support/browser';
import { chooseUnit, decodeQr, prepareQrReader } from './support/citizen';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

beforeAll(prepareQrReader);

/** Tomorrow in Vietnam as the date field takes it: digits only (the field puts the slashes in). */
function tomorrowDigits(): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}${pad(d.getUTCMonth() + 1)}${d.getUTCFullYear()}`;
}

/** Answers the health questions inside one container (the page, or one person's section). */
async function answerHealth(scope: Page | Locator) {
  const group = (name: string | RegExp) => scope.getByRole('group', { name });
  await group(/có đi qua tỉnh\/thành phố khác/)
    .getByLabel('Không')
    .check();
  await scope.getByLabel('Không có triệu chứng').check();
  await group(/tiếp xúc gần với ca bệnh/)
    .getByLabel('Không')
    .check();
  await group(/người từ nơi có dịch/)
    .getByLabel('Không')
    .check();
  await group(/người có sốt, ho, khó thở/)
    .getByLabel('Không')
    .check();
  await group('Số mũi vắc xin COVID-19 đã tiêm').getByLabel('2 mũi').check();
  await group('Kết quả xét nghiệm gần nhất').getByLabel('Chưa xét nghiệm').check();
}

describe('citizen journey', () => {
  test('a new citizen fills the profile, adds a family member, declares health and a journey, and the QR on screen verifies', async () => {
    const page = await e2e.newPage();
    await signInAsCitizen(page, await e2e.admin(), '0901234567');

    // A first-time citizen is led to the profile first.
    await page.getByRole('link', { name: 'Điền hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Errors are found before sending, at their fields, in Vietnamese.
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Vui lòng nhập họ và tên.').waitFor();
    await page.getByText('Vui lòng chọn giới tính.').waitFor();
    expect(await page.getByLabel('Họ và tên').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '30-profile-errors');

    await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    const birth = page.getByLabel('Ngày sinh');
    expect(await birth.getAttribute('inputmode')).toBe('numeric');
    await birth.fill('15031985');
    expect(await birth.inputValue()).toBe('15/03/1985');
    await page.getByRole('group', { name: 'Giới tính' }).getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số CCCD/CMND/Hộ chiếu').fill('079085001234');
    await chooseUnit(page, 'Xã/Phường/Đặc khu', 'sai gon', /^Phường Sài Gòn/);
    await page.getByLabel('Địa chỉ cụ thể (số nhà, đường, thôn/ấp/tổ)').fill('12 Lê Lợi');
    await screenshot(page, '31-profile');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
    await page.getByRole('link', { name: /^Mã QR cá nhân/ }).waitFor();
    await screenshot(page, '32-citizen-home');

    // A family member ("khai hộ"), who starts with the holder's address.
    await page.getByRole('link', { name: 'Người thân', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Người thân' }).waitFor();
    await page.getByRole('link', { name: 'Thêm người thân' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thêm người thân' }).waitFor();
    await page.getByText('Đã chọn: Phường Sài Gòn').waitFor();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Bình');
    await page.getByLabel('Quan hệ').fill('Con');
    await page.getByLabel('Tôi chỉ nhớ năm sinh').check();
    await page.getByLabel('Năm sinh', { exact: true }).fill('2015');
    await page.getByRole('group', { name: 'Giới tính' }).getByLabel('Nữ').check();
    await screenshot(page, '33-dependant-form');
    await page.getByRole('button', { name: 'Thêm người thân' }).click();
    await page.getByText('Đã thêm Nguyễn Thị Bình.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nguyễn Thị Bình' }).waitFor();
    await screenshot(page, '34-family');

    // Home: the person switcher, the holder chosen.
    await page.getByRole('link', { name: 'Về trang chính' }).click();
    const self = page.getByRole('button', { name: /Nguyễn Văn An/ });
    expect(await self.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: /Nguyễn Thị Bình/ }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await screenshot(page, '35-citizen-home-family');

    // Health declaration; a draft survives a reload.
    await page.getByRole('link', { name: /^Khai báo y tế/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Khai báo y tế' }).waitFor();
    await page.getByText('Nguyễn Văn An', { exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gửi khai báo' }).click();
    await page.getByText('Chọn các dấu hiệu đã có, hoặc chọn "Không có triệu chứng".').waitFor();
    await page.getByText('Vui lòng xác nhận cam kết khai báo trung thực.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '36-health-errors');
    await answerHealth(page);
    await page.reload();
    await page.getByText('Đã mở lại bản nháp chưa gửi của bạn.').waitFor();
    expect(await page.getByLabel('Không có triệu chứng').isChecked()).toBe(true);
    await page.getByLabel('Ngày tiêm mũi gần nhất').fill('15102021');
    await page.getByLabel(/^Tôi cam kết thông tin trên là đúng sự thật/).check();
    await screenshot(page, '37-health-form');
    await page.getByRole('button', { name: 'Gửi khai báo' }).click();
    await page.getByText('Đã gửi khai báo y tế.').waitFor();
    await screenshot(page, '38-health-done');
    await page.getByRole('link', { name: 'Các lần khai báo trước' }).click();
    await page.getByRole('heading', { level: 1, name: 'Các lần khai báo y tế' }).waitFor();
    await page.getByText('2 mũi, mũi gần nhất 15/10/2021').waitFor();
    await screenshot(page, '39-health-history');

    // The journey: Thành phố Hồ Chí Minh → Phường Đồng Xoài, Tỉnh Đồng Nai, by own car, with the child.
    await page.goto('/');
    await page.getByRole('link', { name: /^Khai báo di chuyển nội địa/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Khai báo di chuyển nội địa' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'Phương tiện' }).getByLabel('Ô tô cá nhân').check();
    await page.getByLabel('Biển số xe').fill('51a-123.45');
    await page.getByLabel('Ngày khởi hành').fill(tomorrowDigits());
    const time = page.getByLabel('Giờ khởi hành');
    expect(await time.getAttribute('inputmode')).toBe('numeric');
    await time.fill('0730');
    expect(await time.inputValue()).toBe('07:30');
    // The origin is the address of the profile.
    await page.getByText('Đã chọn: Phường Sài Gòn').waitFor();
    await chooseUnit(page, 'Xã/Phường nơi đến', 'dong xoai', /^Phường Đồng Xoài/);
    await page.getByLabel('Nơi sẽ ở (địa chỉ cụ thể)').fill('Số 5 đường Phú Riềng Đỏ');
    await page.getByLabel('Mục đích chuyến đi').fill('Thăm gia đình');
    await page
      .getByRole('group', { name: 'Người thân đi cùng' })
      .getByLabel(/Nguyễn Thị Bình/)
      .check();
    await answerHealth(page.getByRole('region', { name: 'Sức khỏe của Nguyễn Văn An' }));
    await answerHealth(page.getByRole('region', { name: 'Sức khỏe của Nguyễn Thị Bình' }));
    await page.getByLabel(/^Tôi cam kết thông tin trên \(của tôi và người đi cùng\)/).check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '40-movement-form');
    await page.getByRole('button', { name: 'Gửi khai báo' }).click();

    // The summary shown at a checkpoint.
    await page.getByRole('heading', { level: 1, name: 'Khai báo di chuyển' }).waitFor();
    const qr = page.getByRole('img', { name: 'Mã QR khai báo di chuyển của Nguyễn Văn An' });
    await qr.waitFor();
    await page.getByText('Ô tô cá nhân · 51A-123.45').waitFor();
    await page.getByText('Phường Đồng Xoài, Tỉnh Đồng Nai').first().waitFor();
    await page.getByText('Nguyễn Thị Bình (2015)').waitFor();
    await page.getByText('Đã khai báo', { exact: true }).waitFor();
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(260);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '41-movement-summary');

    // The QR as drawn on the screen decodes to a token the server's public keys verify.
    const token = await decodeQr(qr);
    const jwks = await (await page.request.get('/.well-known/jwks.json')).json();
    const claims = await verifyToken(token, verificationKeysFromJwks(jwks), Math.floor(Date.now() / 1000));
    const units = (await (
      await page.request.get('/api/units/search?q=Phường Đồng Xoài&level=commune&limit=20')
    ).json()) as { units: { code: string; name: string; provinceName: string }[] };
    const dongXoai = units.units.find(
      (u) => u.name === 'Phường Đồng Xoài' && u.provinceName === 'Tỉnh Đồng Nai',
    );
    expect(claims).toMatchObject({
      typ: 'm',
      n: 'Nguyễn Văn An',
      y: 1985,
      v: 'car',
      vn: '51A12345',
      dc: dongXoai?.code,
      cc: 1,
      sy: 0,
    });

    // The declaration is listed with its status; the home shows it as a journey under way.
    await page.getByRole('link', { name: 'Các chuyến đi đã khai báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Các chuyến đi đã khai báo' }).waitFor();
    await page
      .getByRole('link', { name: 'Thành phố Hồ Chí Minh → Phường Đồng Xoài, Tỉnh Đồng Nai' })
      .waitFor();
    await screenshot(page, '42-movements-list');

    // Arrived: the destination commune follows up, and the traveller declares their health daily.
    await page.getByRole('link', { name: 'Thành phố Hồ Chí Minh → Phường Đồng Xoài, Tỉnh Đồng Nai' }).click();
    await page.getByRole('button', { name: 'Xác nhận đã đến nơi' }).click();
    await page.getByText('Bạn đã đến Số 5 đường Phú Riềng Đỏ, Phường Đồng Xoài, Tỉnh Đồng Nai?').waitFor();
    await page.getByRole('button', { name: 'Đúng, tôi đã đến nơi' }).click();
    await page.getByText('Đã xác nhận đến nơi.', { exact: false }).waitFor();
    await page.getByText('Đã đến nơi', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Khai báo sức khỏe hằng ngày' }).waitFor();
    await page.getByRole('button', { name: 'Gửi khai báo hôm nay' }).click();
    await page.getByText('Chọn "Khỏe mạnh" hoặc ít nhất một triệu chứng.').waitFor();
    await page.getByLabel('Khỏe mạnh').check();
    await page.getByRole('button', { name: 'Gửi khai báo hôm nay' }).click();
    await page.getByText(/^Đã khai báo hôm nay lúc \d{2}:\d{2}: Khỏe mạnh$/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '43-movement-arrived-daily');
  });
});
