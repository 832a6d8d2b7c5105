import { describe, expect, test } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { setupE2E } from './support/setup';

const e2e = setupE2E();

describe('installable app', () => {
  test('the manifest names vaora in Vietnamese, with an SVG icon and a maskable one', async () => {
    const res = await fetch(`${e2e.server.baseURL}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as {
      name: string;
      lang: string;
      start_url: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'vaora', lang: 'vi', start_url: '/' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.icons.map((i) => [i.sizes, i.type, i.purpose])).toEqual([
      ['any', 'image/svg+xml', 'any'],
      ['any', 'image/svg+xml', 'maskable'],
    ]);
    for (const icon of manifest.icons)
      expect((await fetch(`${e2e.server.baseURL}${icon.src}`)).status).toBe(200);
  });

  test('the service worker keeps the app shell: the app opens offline, and never caches the API', async () => {
    // Its own browser: the shared helper blocks service workers so that other tests see the server.
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        baseURL: e2e.server.baseURL,
        viewport: { width: 360, height: 780 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      const cached = await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        const names = await caches.keys();
        const urls: string[] = [];
        for (const name of names) {
          for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
        }
        return { names, urls };
      });
      expect(cached.names).toHaveLength(1);
      expect(cached.names[0]).toMatch(/^vaora-shell-/);
      expect(cached.urls).toContain('/');
      expect(cached.urls.some((u) => /^\/assets\/.+\.js$/.test(u))).toBe(true);
      expect(cached.urls.some((u) => u.startsWith('/api/') || u === '/healthz')).toBe(false);

      // Take control of the page, then lose the network: the shell still opens and says what is wrong.
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Chưa mở được vaora' }).waitFor();
      await page.getByText('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.').waitFor();
      await page.getByRole('button', { name: 'Thử lại' }).waitFor();
      await screenshot(page, '21-offline');

      // The network returns: the app reloads the session by itself.
      await context.setOffline(false);
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
