// A lean HTTP/1.1 load generator: keep-alive connections, each with one request at a time (as many
// scanners and phones, never pipelined), the next request sent when the previous answer is complete.
// It does only what measuring needs (write one buffer, find the status and the body's length), so
// that on a machine whose cores it shares with the server and the database it takes less from them.
import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  /** `http://host:port/path`: every request is a POST to it. */
  url: string;
  connections: number;
  durationS: number;
  next: () => LoadRequest;
}

export interface LoadStats {
  /** Answers with a 2xx status completed within the duration. */
  ok: number;
  /** Answers with a 2xx status, those completed after the duration included. */
  okInAll: number;
  non2xx: number;
  /** Connections that failed, or that the server closed, before the end. */
  errors: number;
  /** Milliseconds from writing a request to reading the last byte of its answer. */
  p99: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const RECONNECT_PAUSE_MS = 100;

/** The length of a complete answer at the start of `buf`, and its status; null while incomplete. */
export function parseAnswer(buf: Buffer): { status: number; length: number } | null {
  const headEnd = buf.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = buf.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (!m) throw new Error(`An answer without content-length (status ${status}): not supported`);
  const length = headEnd + 4 + Number(m[1]);
  return buf.length >= length ? { status, length } : null;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function runLoad(options: LoadOptions): Promise<LoadStats> {
  const target = new URL(options.url);
  const port = Number(target.port || 80);
  const head = `POST ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\ncontent-type: application/json\r\n`;
  const latencies: number[] = [];
  let ok = 0;
  let okInAll = 0;
  let non2xx = 0;
  let errors = 0;
  const endsAt = performance.now() + options.durationS * 1000;

  return new Promise((resolve) => {
    let open = options.connections;
    const finish = () => {
      if (--open > 0) return;
      const sorted = Float64Array.from(latencies).sort();
      resolve({ ok, okInAll, non2xx, errors, p99: Math.round(percentile(sorted, 0.99) * 10) / 10 });
    };

    const start = () => {
      let socket: Socket;
      let pending: Buffer | null = null;
      let sentAt = 0;
      let ended = false;
      const send = () => {
        if (performance.now() >= endsAt) {
          ended = true;
          socket.end();
          finish();
          return;
        }
        const r = options.next();
        let text = `${head}content-length: ${Buffer.byteLength(r.body)}\r\n`;
        for (const k in r.headers) text += `${k}: ${r.headers[k]}\r\n`;
        sentAt = performance.now();
        socket.write(`${text}\r\n${r.body}`);
      };
      socket = connect({ host: target.hostname, port, noDelay: true }, send);
      socket.on('data', (chunk: Buffer) => {
        pending = pending ? Buffer.concat([pending, chunk]) : chunk;
        const answer = parseAnswer(pending);
        if (!answer) return;
        const doneAt = performance.now();
        pending = answer.length < pending.length ? pending.subarray(answer.length) : null;
        const isOk = answer.status >= 200 && answer.status < 300;
        if (isOk) okInAll++;
        if (doneAt <= endsAt) {
          latencies.push(doneAt - sentAt);
          if (isOk) ok++;
          else non2xx++;
        }
        send();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        if (ended) return;
        // Refused, or closed by the server or the network: an error; go on with a new connection after
        // a pause, so that a server that is gone is not hammered until the end.
        errors++;
        if (performance.now() + RECONNECT_PAUSE_MS < endsAt) setTimeout(start, RECONNECT_PAUSE_MS);
        else finish();
      });
    };

    for (let i = 0; i < options.connections; i++) start();
  });
}
