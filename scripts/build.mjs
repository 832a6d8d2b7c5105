// Builds what `npm start` runs: the web app (Vite → dist/web) and the server bundle (esbuild → dist/server).
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const only = process.argv[2]; // "web" | "server" | undefined (both)

if (only !== 'server') {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
if (only !== 'web') {
  await build({
    entryPoints: { main: 'src/server/main.ts', demo: 'src/server/demo-cli.ts' },
    outdir: 'dist/server',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
