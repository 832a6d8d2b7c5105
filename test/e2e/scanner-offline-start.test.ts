import { describe, expect, test } from 'vitest';
import { screenshot, signInAsStaff } from './support/browser';
import { myPointId, pointCheckIns } from './support/points';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('scanner opened without signal', () => {
  test('a scanner page opened while offline still checks codes and queues records', async () => {
    const page = await e2e.newPage({ serviceWorkers: 'allow' });
    await signInAsStaff(page, '0900000005');
    const pointId = await myPointId(page, 'Bến xe Đồng Xoài');
    await page.getByRole('link', { name: 'Quét mã · Bến xe Đồng Xoài' }).click();
    await page.getByText('Đang chờ đồng bộ: 0').waitFor();

    // Let the service worker take the page (it keeps the app), then lose the network and reload.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByText('Đang chờ đồng bộ: 0').waitFor();
    await page.context().setOffline(true);
    await page.reload();

    await page.getByRole('heading', { level: 1, name: 'Quét mã · Bến xe Đồng Xoài' }).waitFor();
    await page.getByText(/^Mất kết nối/).waitFor();
    const typed = page.getByLabel('Mã từ máy quét');
    await typed.fill('079085009999|123456789|Đỗ Văn Hải|15031985|Nam|12 Lê Lợi, Phường Sài Gòn|01012021');
    await typed.press('Enter');
    await page.getByRole('alert').getByText('Đỗ Văn Hải').waitFor();
    await page.getByText('Đang chờ đồng bộ: 1').waitFor();
    await screenshot(page, '63-scanner-started-offline');

    await page.context().setOffline(false);
    await page.getByText('Đang chờ đồng bộ: 0').waitFor();
    const { rows } = await pointCheckIns(page.request, pointId);
    expect(rows.filter((r) => r.fullName === 'Đỗ Văn Hải')).toHaveLength(1);
  });
});
