import type { FastifyInstance, onRequestHookHandler } from 'fastify';

// The web app loads only its own files; the QR decoder compiles WebAssembly, hence 'wasm-unsafe-eval'.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': 'camera=(self), geolocation=(), microphone=()',
};

/**
 * Headers every response carries: no sniffing, no framing (clickjacking), no referrer leaks. Set when
 * the request arrives, so error replies and unknown paths carry them too.
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
}

/** For a plugin whose every reply holds personal data or live codes: no shared cache, no back-button copy. */
export const noStore: onRequestHookHandler = (_req, reply, done) => {
  reply.header('cache-control', 'no-store');
  done();
};
