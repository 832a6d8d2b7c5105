import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const webRoot = resolve(here, 'src/web');
const publicDir = resolve(webRoot, 'public');
const apiServer = 'http://localhost:3000';

/** Every file of the public folder, as site paths ("/manifest.webmanifest"). */
function listPublicFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listPublicFiles(full);
    return [`/${relative(publicDir, full).split('\\').join('/')}`];
  });
}

/**
 * The service worker precaches the app shell, whose file names carry content hashes known only once
 * the bundle is written: this fills `__VAORA_PRECACHE__` and `__VAORA_SHELL_VERSION__` in sw.js with
 * them. A new build therefore changes sw.js, which is what makes browsers install the new shell.
 */
function precacheManifest(): Plugin {
  return {
    name: 'vaora-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const sw = Object.values(bundle).find((f) => f.type === 'chunk' && f.fileName === 'sw.js');
      if (sw?.type !== 'chunk') return;
      if (sw.imports.length || sw.dynamicImports.length) {
        // It is registered as a classic script, which cannot import: what it needs must be bundled in.
        this.error(
          `sw.js imports ${[...sw.imports, ...sw.dynamicImports].join(', ')}; it must be self-contained`,
        );
      }
      const built = Object.keys(bundle)
        .filter((name) => name !== 'sw.js' && !name.endsWith('.map'))
        .map((name) => (name === 'index.html' ? '/' : `/${name}`));
      const files = [...new Set(['/', ...built, ...listPublicFiles(publicDir)])].sort();
      // Built names carry content hashes; public files do not, so their content joins the hash.
      const hash = createHash('sha256').update(files.join('\n'));
      for (const file of listPublicFiles(publicDir)) hash.update(readFileSync(join(publicDir, file)));
      const version = hash.digest('hex').slice(0, 12);
      sw.code = sw.code
        .replaceAll('__VAORA_PRECACHE__', JSON.stringify(files))
        .replaceAll('__VAORA_SHELL_VERSION__', JSON.stringify(version));
    },
  };
}

export default defineConfig({
  root: webRoot,
  publicDir,
  plugins: [react(), precacheManifest()],
  build: {
    outDir: resolve(here, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        main: resolve(webRoot, 'index.html'),
        sw: resolve(webRoot, 'pwa/sw.ts'),
      },
      output: {
        // The worker must sit at the site root under a fixed name: its URL is its identity and scope.
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/.well-known': apiServer,
    },
  },
});
