import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverNodeArgs } from '../../../scripts/server-node-args.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const mainJs = join(root, 'dist/server/main.js');

/** The demo staff password of every e2e server. */
export const DEMO_PASSWORD = 'e2e-demo-password-2025';

export interface RunningServer {
  baseURL: string;
  /** What the server printed, for the failure message of a test. */
  output(): string;
  /** The exit code once it has stopped. */
  exitCode(): number | null;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts the built server (`npm run test:e2e` builds it first) on a free port with a fresh data folder
 * (embedded PGlite, demo data), and resolves once /healthz answers 200.
 */
export async function startServer(
  timeoutMs = 90_000,
  /** Settings on top of the defaults (a PostgreSQL server and WORKERS, say). */
  settings: Record<string, string> = {},
): Promise<RunningServer> {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: run npm run build first`);
  const dataDir = await mkdtemp(join(tmpdir(), 'vaora-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_DATA: 'auto',
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  };
  // A fresh server secret per run (DATA_DIR/secret.key), and never a real database.
  for (const name of ['SECRET', 'DATABASE_URL', 'PUBLIC_URL', 'COOKIE_SECURE', 'SMS_SENDER'])
    delete env[name];
  Object.assign(env, settings);

  const child = spawn(process.execPath, [...serverNodeArgs, mainJs], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  // Poll until the server answers: it creates and migrates a database and loads the unit lists first.
  while (true) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${baseURL}/healthz`);
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not become healthy in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return { baseURL, output: () => output, exitCode: () => child.exitCode, stop };
}
