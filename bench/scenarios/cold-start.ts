// From `npm start` on an empty data folder to the first healthy /healthz: build check, PGlite
// creation, migrations, loading the administrative units, the first signing key and the demo data.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figure, round } from '../figure';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitHealthy(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} not healthy in time`);
}

/** Peak RSS of the server process (the child of `npm start`'s node), read from /proc while it runs. */
function peakRssWatcher(rootPid: number) {
  let peak = 0;
  const readRss = (pid: number) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  const children = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const timer = setInterval(() => {
    const all = [rootPid];
    for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
    for (const pid of all) peak = Math.max(peak, readRss(pid));
  }, 50);
  return { stop: () => clearInterval(timer), peak: () => peak };
}

export default async function coldStart(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vaora-bench-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SECRET: '',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    detached: true,
  });
  const rss = peakRssWatcher(child.pid!);
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, Date.now() + 120_000);
    const seconds = (performance.now() - started) / 1000;
    return [
      { scenario: 'cold-start', metric: 'time', value: round(seconds), unit: 's' },
      { scenario: 'cold-start', metric: 'peak_rss', value: round(rss.peak(), 0), unit: 'MB' },
    ];
  } finally {
    rss.stop();
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
