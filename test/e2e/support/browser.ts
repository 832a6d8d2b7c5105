import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  request,
} from 'playwright-core';
import { DEMO_PASSWORD } from './server';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const screenshotDir = join(root, 'test-results');

/** Debian's Chromium: no browser download is possible here. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PhoneOptions {
  /** 'allow' for tests of what works offline: the service worker keeps the app shell. */
  serviceWorkers?: 'allow' | 'block';
}

/** A cheap phone: 360 × 780, touch, Vietnamese, in Vietnam's time zone. */
export function newPhoneContext(
  browser: Browser,
  baseURL: string,
  options: PhoneOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // Tests must see the server's answers, not a service worker's (unless they test offline use).
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
}

/** A full-page picture at phone size in test-results/, to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** An API client signed in as the demo administrator (to read one-time codes from the outbox). */
export async function adminApi(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const session = await api.get('/api/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const signIn = await api.post('/api/auth/password', {
    headers: { 'x-csrf-token': csrfToken },
    data: { login: 'admin@demo.vaora.vn', password: DEMO_PASSWORD },
  });
  if (!signIn.ok()) throw new Error(`Admin sign-in failed: ${signIn.status()} ${await signIn.text()}`);
  return api;
}

/** The newest one-time code sent to a phone, read from the outbox. */
export async function readOtp(admin: APIRequestContext, phone: string): Promise<string> {
  const res = await admin.get(`/api/admin/outbox?phone=${phone}`);
  if (!res.ok()) throw new Error(`Outbox: ${res.status()} ${await res.text()}`);
  const { messages } = (await res.json()) as { messages: { body: string; createdAt: string }[] };
  const newest = [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const code = newest?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`No one-time code for ${phone} in the outbox`);
  return code;
}

/** Signs in on the staff tab of the sign-in screen. */
export async function signInAsStaff(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Cán bộ' }).click();
  await page.getByLabel('Số điện thoại hoặc email').fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** Serious and critical accessibility violations of the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** The text of the elements that describe a field (its hint and error), as a screen reader reads them. */
export async function describedByText(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

/** Signs a citizen in with phone and one-time code (read from the outbox); a new phone registers. */
export async function signInAsCitizen(page: Page, admin: APIRequestContext, phone: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Số điện thoại', { exact: true }).fill(phone);
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  const codeField = page.getByLabel('Mã xác thực (OTP)');
  await codeField.waitFor();
  await codeField.fill(await readOtp(admin, phone));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}
