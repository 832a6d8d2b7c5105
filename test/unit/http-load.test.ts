// The benchmarks' load generator: what it counts decides the figures, so its counting is tested.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswer, runLoad } from '../../bench/support/http-load';

describe('parseAnswer', () => {
  const answer = 'HTTP/1.1 201 Created\r\nContent-Length: 5\r\nx: y\r\n\r\nhello';

  it('finds the status and the whole length of a complete answer', () => {
    expect(parseAnswer(Buffer.from(answer))).toEqual({ status: 201, length: answer.length });
  });

  it('waits for the rest of the head or of the body', () => {
    expect(parseAnswer(Buffer.from(answer.slice(0, 30)))).toBeNull();
    expect(parseAnswer(Buffer.from(answer.slice(0, -1)))).toBeNull();
  });

  it('refuses an answer whose length it cannot know', () => {
    expect(() => parseAnswer(Buffer.from('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n'))).toThrow(
      /content-length/,
    );
  });
});

describe('runLoad', () => {
  let server: Server;
  let url: string;
  const received: { headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        // Every third request is refused, and the answers come in two writes.
        res.statusCode = received.length % 3 === 0 ? 409 : 200;
        res.setHeader('content-length', 4);
        res.write('ok');
        setImmediate(() => res.end('!!'));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends each request body and headers, and counts 2xx and other answers', async () => {
    let k = 0;
    const stats = await runLoad({
      url,
      connections: 4,
      durationS: 0.3,
      next: () => ({ headers: { 'x-k': String(k) }, body: JSON.stringify({ k: k++, name: 'Nguyễn' }) }),
    });
    expect(received.length).toBe(k);
    expect(stats.okInAll + stats.non2xx).toBeLessThanOrEqual(k);
    expect(stats.okInAll).toBe(received.filter((_, i) => (i + 1) % 3 !== 0).length);
    expect(stats.ok).toBeGreaterThan(10);
    expect(stats.non2xx).toBeGreaterThan(0);
    expect(stats.errors).toBe(0);
    expect(stats.p99).toBeGreaterThan(0);
    const first = received[0]!;
    expect(JSON.parse(first.body)).toMatchObject({ name: 'Nguyễn' });
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.headers['x-k']).toBe(String(JSON.parse(first.body).k));
  });
});

describe('runLoad against a server that goes away', () => {
  it('counts the lost connections as errors and waits before each new attempt', async () => {
    const server = createServer((_req, res) => {
      res.setHeader('content-length', 2);
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`;
    // Gone after 100 ms: its connections close and every new one is refused.
    setTimeout(() => {
      server.close();
      server.closeAllConnections();
    }, 100);
    const stats = await runLoad({
      url,
      connections: 3,
      durationS: 0.6,
      next: () => ({ headers: {}, body: '{}' }),
    });
    expect(stats.ok).toBeGreaterThan(0);
    // Each connection is lost once, then refused about every 100 ms: at most 6 attempts in 0.5 s.
    expect(stats.errors).toBeGreaterThanOrEqual(3);
    expect(stats.errors).toBeLessThanOrEqual(3 * 6);
  });
});
