import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { screenshot, seriousAxeViolations, signInAsStaff } from './support/browser';
import { csrfHeader, myPointId } from './support/points';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

/** A day in Vietnam (ISO) some days before today. */
const vnDayBefore = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
const isoToDmy = (iso: string) => iso.split('-').reverse().join('/');

describe('the point check-in list', () => {
  test('shows recorded check-ins, today’s count agrees with the chart table, and exports with a purpose', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'chudiem@demo.vaora.vn');
    const pointId = await myPointId(page, 'Chợ Đồng Xoài');

    const now = Date.now();
    const items = [
      { name: 'Trần Thị Thu Hà', phone: '0911222333', year: 1984 },
      { name: 'Lê Quốc Bảo', phone: '0988777666', year: 1992 },
    ].map((p, i) => ({
      id: randomUUID(),
      at: new Date(now - (i + 1) * 60_000).toISOString(),
      direction: 'in',
      input: { kind: 'hand', fullName: p.name, phone: p.phone, birthYear: p.year },
    }));
    const res = await page.request.post(`/api/points/${pointId}/scans`, {
      headers: await csrfHeader(page.context()),
      data: { items },
    });
    expect(res.ok()).toBe(true);

    await page.goto(`/points/${pointId}`);
    const link = page.getByRole('link', { name: /^Danh sách đã quét \(\d+ hôm nay\)$/ });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách đã quét · Chợ Đồng Xoài' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Trần Thị Thu Hà' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Lê Quốc Bảo' }).waitFor();

    // Today's count and the chart's text table say the same.
    const countText = await page
      .getByRole('heading', { level: 2, name: /^Hôm nay: \d+ lượt quét$/ })
      .textContent();
    const today = Number(/(\d+)/.exec(countText ?? '')?.[1]);
    expect(today).toBeGreaterThanOrEqual(2);
    await page.getByText('Xem số liệu dạng bảng').click();
    const table = page.getByRole('table', { name: 'Lượt quét theo giờ hôm nay' });
    await table.waitFor();
    expect(Number(await table.locator('[data-total]').textContent())).toBe(today);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '92-point-check-ins');

    // Search narrows the list.
    await page.getByLabel('Tìm theo tên hoặc số điện thoại').fill('Quốc Bảo');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Kết quả (1)' }).waitFor();
    await page.getByRole('button', { name: 'Xóa tìm kiếm' }).click();
    await page.getByRole('heading', { level: 2, name: `Kết quả (${today})` }).waitFor();

    // The method chips filter too.
    await page.getByRole('button', { name: 'Tự quét' }).click();
    await page.getByText('Không có lượt quét nào khớp với bộ lọc.').waitFor();
    await page.getByRole('button', { name: 'Tất cả' }).click();
    await page.getByRole('heading', { level: 2, name: `Kết quả (${today})` }).waitFor();

    // The export asks for a purpose first.
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const purpose = page.getByLabel('Mục đích xuất dữ liệu');
    await purpose.fill('abc');
    await page.getByRole('button', { name: 'Tải tệp Excel' }).click();
    await page.getByText('Vui lòng ghi mục đích, ít nhất 5 ký tự.').waitFor();
    expect(await purpose.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '93-point-check-ins-export');

    await purpose.fill('Gửi trạm y tế phường để truy vết');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải tệp Excel' }).click(),
    ]);
    expect(download.url()).toContain('purpose=');
    const path = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(2).value ?? ''));
    });
    expect(names).toHaveLength(today);
    expect(names).toEqual(expect.arrayContaining(['Trần Thị Thu Hà', 'Lê Quốc Bảo']));
  });

  test('shows an earlier day’s count and chart, then goes back to today', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'chudiem@demo.vaora.vn');
    const pointId = await myPointId(page, 'Chợ Đồng Xoài');

    // Three check-ins two days ago (Vietnam time), sent as a scanner's offline queue would send them.
    const day = vnDayBefore(2);
    const items = [
      { name: 'Phạm Văn Đức', phone: '0912345670', year: 1975, time: '09:05' },
      { name: 'Ngô Thị Lan', phone: '0912345671', year: 1988, time: '09:40' },
      { name: 'Đỗ Minh Khoa', phone: '0912345672', year: 2001, time: '14:20' },
    ].map((p) => ({
      id: randomUUID(),
      at: `${day}T${p.time}:00+07:00`,
      direction: 'in',
      input: { kind: 'hand', fullName: p.name, phone: p.phone, birthYear: p.year },
    }));
    const res = await page.request.post(`/api/points/${pointId}/scans`, {
      headers: await csrfHeader(page.context()),
      data: { items },
    });
    expect(res.ok()).toBe(true);
    // The server's figures for that day (the demo data may hold more than these three).
    const summaryRes = await page.request.get(`/api/points/${pointId}/check-ins/summary?date=${day}`);
    const summary = (await summaryRes.json()) as { today: number; perHour: number[] };
    expect(summary.perHour[9]).toBeGreaterThanOrEqual(2);
    expect(summary.perHour[14]).toBeGreaterThanOrEqual(1);

    await page.goto(`/points/${pointId}/check-ins`);
    await page.getByRole('heading', { level: 2, name: /^Hôm nay: \d+ lượt quét$/ }).waitFor();
    const picker = page.getByLabel('Chọn ngày');
    expect(await picker.inputValue()).toBe(isoToDmy(vnDayBefore(0)));
    expect(await page.getByRole('button', { name: 'Xem hôm nay' }).count()).toBe(0);

    // A day to come is refused in words; the figures shown stay today's.
    await picker.fill(isoToDmy(vnDayBefore(-1)));
    await page.getByText('Chọn hôm nay hoặc một ngày trước đó.').waitFor();

    // The earlier day, typed as dd/mm/yyyy: its count in the heading, its chart, and the table.
    const dmy = isoToDmy(day);
    await picker.fill(dmy);
    await page.getByRole('heading', { level: 2, name: `Ngày ${dmy}: ${summary.today} lượt quét` }).waitFor();
    await page
      .getByRole('img', { name: `Biểu đồ lượt quét theo giờ ngày ${dmy}: ${summary.today} lượt` })
      .waitFor();
    expect(await page.getByText(/^Tự cập nhật mỗi 30 giây/).count()).toBe(0);
    await page.getByText('Xem số liệu dạng bảng').click();
    const table = page.getByRole('table', { name: `Lượt quét theo giờ ngày ${dmy}` });
    await table.waitFor();
    await table.getByRole('row', { name: `09:00–09:59 ${summary.perHour[9]}` }).waitFor();
    await table.getByRole('row', { name: `14:00–14:59 ${summary.perHour[14]}` }).waitFor();
    expect(Number(await table.locator('[data-total]').textContent())).toBe(summary.today);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '96-point-check-ins-earlier-day');

    // Back to today: the live count again, and the picker shows today.
    await page.getByRole('button', { name: 'Xem hôm nay' }).click();
    await page.getByRole('heading', { level: 2, name: /^Hôm nay: \d+ lượt quét$/ }).waitFor();
    await page.getByText(/^Tự cập nhật mỗi 30 giây/).waitFor();
    expect(await picker.inputValue()).toBe(isoToDmy(vnDayBefore(0)));
    expect(await page.getByRole('button', { name: 'Xem hôm nay' }).count()).toBe(0);
  });

  test('the import and poster pages pass axe and read well at 360 px', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, 'chudiem@demo.vaora.vn');
    await page.getByRole('link', { name: 'Nhập danh sách điểm (Excel)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký nhiều điểm từ tệp Excel' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tải lên và đăng ký' }).click();
    await page.getByText('Vui lòng chọn tệp Excel (.xlsx).').waitFor();
    await screenshot(page, '94-points-import');

    await page.goto('/points/posters');
    await page.getByRole('heading', { level: 1, name: 'In nhiều poster' }).waitFor();
    await page.getByLabel(/Chợ Đồng Xoài/).check();
    await page.getByRole('button', { name: 'Tải PDF (1 poster)' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '95-points-posters');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải PDF (1 poster)' }).click(),
    ]);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
