// Helpers for the benchmarks that drive a real pseudo-terminal.
import { join } from 'node:path';
import { build } from 'esbuild';

/** Terminal output without escape sequences, for finding marker text. */
export const strip = (s) => s.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007|\u001B[()][A-Z0-9]/g, '');

/** Resolves once the terminal has printed nothing for `forMs`. */
export const quiet = (t, forMs) =>
  new Promise((r) => {
    let timer = setTimeout(done, forMs);
    const sub = t.onData(() => {
      clearTimeout(timer);
      timer = setTimeout(done, forMs);
    });
    function done() {
      sub.dispose();
      r();
    }
  });

/** Bundles the Ink hello-world fixture into `dir` the way scripts/build.mjs bundles the CLI; returns the file. */
export async function buildInkHello(root, dir) {
  const outfile = join(dir, 'ink-hello.mjs');
  await build({
    entryPoints: [join(root, 'bench/fixtures/ink-hello.tsx')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    jsx: 'automatic',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': join(root, 'scripts/empty-module.mjs'), ws: join(root, 'scripts/empty-module.mjs') },
    banner: { js: "import{createRequire as __kmsCreateRequire}from'node:module';const require=__kmsCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}
