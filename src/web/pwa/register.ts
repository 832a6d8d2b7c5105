/**
 * Registers the service worker (production builds only: in development it would serve stale modules).
 * It lives at /sw.js so that its scope is the whole site.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without a worker the app still works online; nothing to tell the user.
    });
  });
}
