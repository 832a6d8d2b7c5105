import { describe, expect, test } from 'vitest';
import { pickCurrentToken } from '../../src/domain/codes';
import { decodeToken, verificationKeysFromJwks, verifyToken } from '../../src/domain/signed-token';
import { screenshot, seriousAxeViolations, signInAsCitizen } from './support/browser';
import { decodeQr, fillProfile, prepareQrReader } from './support/citizen';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('personal QR code', () => {
  test('shows the status in colour and words, changes by itself, and still shows offline after a reload', async () => {
    prepareQrReader();
    // The service worker keeps the app shell, so that the page opens without a network.
    const page = await e2e.newPage({ serviceWorkers: 'allow' });
    // A clock the test can move: the code changes every 5 minutes without anyone waiting for it.
    await page.clock.install();
    await signInAsCitizen(page, await e2e.admin(), '0907654321');
    await fillProfile(page, 'Trần Thị Hoa');

    await page.getByRole('link', { name: /^Mã QR cá nhân/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mã QR cá nhân' }).waitFor();
    const qr = page.getByRole('img', { name: /^Mã QR cá nhân của Trần Thị Hoa, trạng thái Vàng$/ });
    await qr.waitFor();
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(260);
    // Colour, icon and words: no vaccination declared yet, so yellow, and why.
    await page.getByText('Vàng', { exact: true }).waitFor();
    await page.getByText('Chưa tiêm đủ vắc xin và chưa có xét nghiệm âm tính gần đây').waitFor();
    await page.getByText('Năm sinh 1990').waitFor();
    await page.getByText('Chưa khai báo y tế.').waitFor();
    await page.getByText('Ảnh chụp màn hình mã này sẽ không dùng được sau vài phút.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '50-personal-qr');

    const jwks = await (await page.request.get('/.well-known/jwks.json')).json();
    const keys = verificationKeysFromJwks(jwks);
    const first = await decodeQr(qr);
    const claims = await verifyToken(first, keys, Math.floor(Date.now() / 1000));
    expect(claims).toMatchObject({ typ: 'p', n: 'Trần Thị Hoa', y: 1990, col: 'yellow' });

    // Let the service worker take the page, then lose the network and reload.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await qr.waitFor();
    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mã QR cá nhân' }).waitFor();
    await page.getByText('Mất kết nối.').waitFor();
    await page.getByText(/^Mã QR vẫn dùng được đến \d{2}:\d{2}\.$/).waitFor();
    await qr.waitFor();
    await page.getByText('Vàng', { exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '51-personal-qr-offline');
    // The code on screen is the current token of the batch kept on the phone.
    const offline = await decodeQr(qr);
    const kept = await page.evaluate(() => {
      const last = JSON.parse(localStorage.getItem('vaora.codes.last') ?? 'null') as string;
      return JSON.parse(localStorage.getItem(`vaora.codes.${last}`) ?? 'null') as {
        batch: { tokens: { token: string; nbf: number; exp: number }[] };
      };
    });
    const nowS = Math.floor(Date.now() / 1000);
    expect(pickCurrentToken(kept.batch.tokens, nowS)?.token).toBe(offline);
    expect(kept.batch.tokens.length).toBeGreaterThan(1);

    // Five minutes later the next token of the kept batch shows, still offline.
    const shown = await page.locator('svg.qr-large path').getAttribute('d');
    await page.clock.fastForward('05:01');
    await page.locator(`svg.qr-large path:not([d="${shown}"])`).waitFor();
    const next = await decodeQr(qr);
    expect(next).not.toBe(offline);
    expect(kept.batch.tokens.map((t) => t.token)).toContain(next);
    expect(Number(decodeToken(next).payload.nbf)).toBeGreaterThan(Number(decodeToken(offline).payload.nbf));
  });

  test('a printable card: issue, print view with only the card and a QR of at least 5 × 5 cm, revoke', async () => {
    prepareQrReader();
    const page = await e2e.newPage();
    await signInAsCitizen(page, await e2e.admin(), '0907654322');
    await fillProfile(page, 'Lê Văn Cường');
    await page.getByRole('link', { name: /^Mã QR cá nhân/ }).click();
    await page.getByRole('link', { name: 'In thẻ QR cho người không dùng điện thoại' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thẻ QR in sẵn' }).waitFor();
    await page.getByRole('button', { name: 'Tạo thẻ' }).click();
    const qr = page.getByRole('img', { name: 'Mã QR trên thẻ của Lê Văn Cường' });
    await qr.waitFor();
    await page.getByText('Đã tạo thẻ.').waitFor();
    expect(decodeToken(await decodeQr(qr)).payload).toMatchObject({ typ: 'k', n: 'Lê Văn Cường', y: 1990 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '52-card');

    await page.emulateMedia({ media: 'print' });
    // 5 cm at 96 CSS pixels per inch.
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual((5 / 2.54) * 96);
    expect(await page.getByRole('button', { name: 'In thẻ' }).isVisible()).toBe(false);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    await screenshot(page, '53-card-print');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Thu hồi thẻ' }).click();
    await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await page.getByText('Đã thu hồi thẻ.').waitFor();
    await page.getByRole('button', { name: 'Tạo thẻ' }).waitFor();
    expect(await qr.count()).toBe(0);
  });
});
