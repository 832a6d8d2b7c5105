import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { adminApi, launchBrowser, newPhoneContext, type PhoneOptions } from './browser';
import { type RunningServer, startServer } from './server';

export interface E2E {
  server: RunningServer;
  browser: Browser;
  /** A new phone-sized browser context (its own cookies) and a page in it; closed after the test. */
  newPage(options?: PhoneOptions): Promise<Page>;
  /** An API client signed in as the demo administrator, made on first use. */
  admin(): Promise<APIRequestContext>;
}

/** One server and one browser per test file; a fresh context per page, so tests share no cookies. */
export function setupE2E(): E2E {
  const contexts: BrowserContext[] = [];
  let adminContext: APIRequestContext | null = null;
  const env = {
    async newPage(options?: PhoneOptions) {
      const context = await newPhoneContext(env.browser, env.server.baseURL, options);
      contexts.push(context);
      return context.newPage();
    },
    async admin() {
      adminContext ??= await adminApi(env.server.baseURL);
      return adminContext;
    },
  } as E2E;

  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await adminContext?.dispose();
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
