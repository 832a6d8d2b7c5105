/**
 * The service worker: keeps the app shell (index.html and the built assets) so that vaora opens without
 * a network, e.g. at a road checkpoint without signal. API answers are never cached: they are personal
 * and must be current. The scanners' offline queue (IndexedDB, in this folder) will hook in here.
 *
 * Built by vite.config.ts as a separate entry to /sw.js; the build fills in the two constants below.
 * It imports nothing, so the output is a classic script that every browser can register.
 */

// The DOM library is in scope for the whole project; these are the few worker types used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

declare const __VAORA_PRECACHE__: string[];
declare const __VAORA_SHELL_VERSION__: string;

const worker = self as unknown as WorkerScope;
const CACHE_PREFIX = 'vaora-shell-';
const SHELL_CACHE = `${CACHE_PREFIX}${__VAORA_SHELL_VERSION__}`;
const PRECACHE = __VAORA_PRECACHE__;
/** The page every navigation falls back to when offline (the app routes on the client). */
const SHELL_PAGE = '/';

/** Never from the cache: personal data, sessions, health checks. */
function isBypassed(url: URL): boolean {
  return (
    url.pathname.startsWith('/api/') ||
    url.pathname === '/healthz' ||
    url.pathname.startsWith('/.well-known/') ||
    url.pathname === '/sw.js'
  );
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // `reload`: the HTTP cache must not hand back an older index.html than the assets listed here.
      await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

async function networkFirstPage(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.match(SHELL_PAGE, { cacheName: SHELL_CACHE });
    return cached ?? Response.error();
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || isBypassed(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
    return;
  }
  if (PRECACHE.includes(url.pathname)) event.respondWith(cacheFirst(request));
});

export {};
