import { describe, expect, test } from 'vitest';
import { screenshot, seriousAxeViolations, signInAsStaff } from './support/browser';
import { csrfHeader, myPointId, pointCheckIns } from './support/points';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

/** What the queue keeps in IndexedDB, read from the page as the app wrote it. */
function readQueue(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('vaora-scans');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('queue').objectStore('queue').getAll();
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as unknown[]);
      };
    };
  });
}

describe('scanner offline', () => {
  test('without a network the scanner records 3 check-ins, syncs them when back, and a resend stores none twice', async () => {
    const page = await e2e.newPage();
    await signInAsStaff(page, '0900000005');
    const pointId = await myPointId(page, 'Chợ Đồng Xoài');

    await page.getByRole('link', { name: 'Quét mã · Chợ Đồng Xoài' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quét mã · Chợ Đồng Xoài' }).waitFor();
    await page.getByText('Đang chờ đồng bộ: 0').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.context().setOffline(true);
    await page.getByText(/^Mất kết nối/).waitFor();

    // A handheld scanner types a chip ID card's QR and presses Enter.
    const typed = page.getByLabel('Mã từ máy quét');
    await typed.fill('079085001234|123456789|Trần Văn Bình|15031985|Nam|12 Lê Lợi, Phường Sài Gòn|01012021');
    await typed.press('Enter');
    await page.getByRole('alert').getByText('Trần Văn Bình').waitFor();
    await page.getByRole('alert').getByText('Đã ghi nhận').waitFor();
    await screenshot(page, '60-scanner-recorded-offline');
    await typed.fill('079190005678||Lê Thị Cúc|02091990|Nữ|5 Hùng Vương, Phường Đồng Xoài|01012022');
    await typed.press('Enter');
    await page.getByRole('alert').getByText('Lê Thị Cúc').waitFor();

    // Someone without a phone, typed in by hand.
    await page.getByRole('button', { name: 'Nhập tay (người không có điện thoại)' }).click();
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByText('Vui lòng nhập họ và tên.').waitFor();
    await page.getByLabel('Họ và tên').fill('Phạm Văn Dũng');
    await page.getByLabel('Số điện thoại').fill('0912345678');
    await page.getByLabel('Năm sinh').fill('1960');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByRole('alert').getByText('Phạm Văn Dũng').waitFor();

    await page.getByText('Đang chờ đồng bộ: 3').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '61-scanner-offline-waiting');
    const queued = (await page.evaluate(readQueue)) as {
      id: string;
      at: string;
      direction: string;
      input: unknown;
    }[];
    expect(queued).toHaveLength(3);
    const items = queued.map(({ id, at, direction, input }) => ({ id, at, direction, input }));

    // Back online, the queue empties by itself.
    await page.context().setOffline(false);
    await page.getByText('Đang chờ đồng bộ: 0').waitFor();
    await screenshot(page, '62-scanner-synced');

    // The same records sent twice more (a lost answer, a second tab): still three on the server.
    const headers = await csrfHeader(page.context());
    for (let i = 0; i < 2; i++) {
      const res = await page.request.post(`/api/points/${pointId}/scans`, { headers, data: { items } });
      expect(res.status()).toBe(200);
      const { results } = (await res.json()) as { results: { id: string; status: string }[] };
      expect(results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    }
    const stored = await pointCheckIns(page.request, pointId);
    expect(stored.total).toBe(3);
    expect(stored.rows.map((r) => r.fullName).sort()).toEqual([
      'Lê Thị Cúc',
      'Phạm Văn Dũng',
      'Trần Văn Bình',
    ]);
  });
});
