// BENCH_INSTRUCTIONS=1: the server runs under valgrind's callgrind and the measured run reports the
// instructions it executed per check-in. Unlike time, that count does not drift with this shared
// machine's speed, so two builds can be compared in one run each. (Kernel time is not counted, and
// the server is about 50 times slower, so rates and latencies of such a run mean nothing.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const countsInstructions = process.env.BENCH_INSTRUCTIONS === '1';

/** The address the bench server listens on (its HOST). valgrind names its control pipes after the
 * HOST variable, so callgrind_control must run with the same one. */
export const SERVER_HOST = '127.0.0.1';

/** The command that starts the server: node itself, or valgrind running node. */
export function serverCommand(nodeArgs: string[]): { command: string; args: string[]; dir: string | null } {
  if (!countsInstructions) return { command: process.execPath, args: nodeArgs, dir: null };
  const dir = mkdtempSync(join(tmpdir(), 'vaora-callgrind-'));
  return {
    command: 'valgrind',
    args: [
      '--tool=callgrind',
      // Start-up and warm-up run uninstrumented (faster); the measured run switches counting on.
      '--instr-atstart=no',
      `--callgrind-out-file=${join(dir, 'callgrind.out')}`,
      process.execPath,
      ...nodeArgs,
    ],
    dir,
  };
}

const control = (pid: number, ...args: string[]) =>
  execFileSync('callgrind_control', [...args, String(pid)], {
    stdio: 'ignore',
    env: { ...process.env, HOST: SERVER_HOST },
  });

/** Counts from now on. */
export function startCounting(pid: number): void {
  control(pid, '--instr=on');
  control(pid, '--zerocost');
}

/** The instructions executed since startCounting, by all the server's threads. */
export function stopCounting(pid: number, dir: string): number {
  control(pid, '--dump');
  control(pid, '--instr=off');
  let total = 0;
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    const line = /^(?:summary|totals): (\d+)/m.exec(text);
    if (line) total += Number(line[1]);
    rmSync(join(dir, file));
  }
  return total;
}
