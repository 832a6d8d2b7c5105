// `npm start`: builds what is missing, then runs the server and prints where to open it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serverNodeArgs } from './server-node-args.mjs';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const stale = (output, sources) =>
  mtime(output) < Math.max(...sources.map((s) => newestMtime(join(root, s))));

const needWeb = stale(join(root, 'dist/web/index.html'), ['src/web', 'src/domain']);
const needServer = stale(join(root, 'dist/server/main.js'), ['src/server', 'src/domain']);
if (needWeb || needServer) {
  console.log(`Building ${[needWeb && 'web', needServer && 'server'].filter(Boolean).join(' and ')}…`);
  const { execFileSync } = await import('node:child_process');
  const what = needWeb && needServer ? [] : [needWeb ? 'web' : 'server'];
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), ...what], { stdio: 'inherit', cwd: root });
}

const port = process.env.PORT ?? '3000';
const dataDir = process.env.DATA_DIR ?? './data';
const server = spawn(process.execPath, [...serverNodeArgs, join(root, 'dist/server/main.js')], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: process.env,
});

let announced = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && chunk.toString().includes('Server listening')) {
    announced = true;
    announce();
  }
});

function announce() {
  const url = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  const lines = ['', `  vaora is running: ${url}`, ''];
  const file = join(dataDir, 'demo-accounts.json');
  if (existsSync(file)) {
    lines.push('  Demo sign-in (tài khoản dùng thử):');
    for (const a of JSON.parse(readFileSync(file, 'utf8'))) {
      const how = a.password
        ? `password ${a.password}`
        : 'one-time code from the admin outbox (mã OTP xem ở mục Hộp thư đi)';
      lines.push(`    ${a.label.padEnd(48)} ${a.login.padEnd(22)} ${how}`);
    }
    lines.push('');
  }
  console.log(lines.join('\n'));
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
