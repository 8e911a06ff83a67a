// Builds dist/: the lessons are compiled first (lessons/*.md -> parsed,
// checked JSON in the bundle; a broken lesson stops the build with its file
// and line), then the CLI is bundled into minified CommonJS (dist/cli.cjs, the
// executable, and dist/main.cjs, everything else), and the packages only the
// terminal UIs use (Ink, React, the prompts) into ES modules loaded when a TUI
// starts (see build/tui-boundary.mjs). CommonJS: Node starts it much faster
// than a graph of ES module chunks.
import { build } from 'esbuild';
import { rmSync, chmodSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CJS_BANNER, VENDOR_GROUPS, findTuiBoundaries, tuiBoundaryPlugin, vendorEntry, vendorNamesUsed } from './build/tui-boundary.mjs';
import { compileLessonDir } from './compile-lessons.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// OUTDIR lets parallel work build a private copy (tests then set KMS_WIZARD_BIN).
const outdir = process.env.OUTDIR ?? 'dist';
// LESSONS_DIR: the lessons to compile (a test builds a broken copy to see the build refuse it).
const lessonDefines = await compileLessonDir(process.env.LESSONS_DIR ?? 'lessons');
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // Runtime dependencies that cannot be bundled (clipboardy resolves its
  // fallback xsel/clipboard binaries relative to its own files).
  external: Object.keys(pkg.dependencies ?? {}),
  define: {
    'process.env.NODE_ENV': '"production"',
    __KMS_WIZARD_VERSION__: JSON.stringify(pkg.version),
    ...lessonDefines,
  },
  alias: {
    // Ink imports react-devtools-core (and, for it, ws) only when DEV is set;
    // the bundle must still resolve them, so point them at an empty module
    // (ws alone would add ~15 kB to the packed tarball).
    'react-devtools-core': './scripts/empty-module.mjs',
    ws: './scripts/empty-module.mjs',
    // jsonc-parser's "main" is a UMD file whose require() calls esbuild
    // cannot follow (the bundle throws "Dynamic require of ./impl/format");
    // its ES module build bundles cleanly.
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
  },
  logLevel: 'warning',
};

// dist/cli.cjs: the executable. Small, so --version loads nothing else; the
// rest of the CLI is one require() away in dist/main.cjs.
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import('./cli/main.js') becomes require('./main.cjs'): no ES module loader on the way.
  supported: { 'dynamic-import': false },
  banner: { js: '#!/usr/bin/env node' },
  plugins: [{ name: 'main-apart', setup: (b) => b.onResolve({ filter: /^\.\/cli\/main\.js$/ }, () => ({ path: './main.cjs', external: true })) }],
});
chmodSync(`${outdir}/cli.cjs`, 0o755);

// dist/main.cjs: the dispatcher and every command, one CommonJS file, but
// the compiled lessons (a large JSON text only `learn` reads) sit in
// dist/lessons.cjs, so the other commands neither read nor parse them.
const { boundaries, sources } = await findTuiBoundaries('src/cli/main.ts', { ...common, minify: false, logLevel: 'error' });
const lessonsModule = resolve('src/lessons/compiled-lessons.ts');
await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__kmsMetaUrl' },
  banner: { js: CJS_BANNER },
  plugins: [
    tuiBoundaryPlugin(boundaries),
    {
      name: 'lessons-apart',
      setup: (b) =>
        b.onResolve({ filter: /\/compiled-lessons\.js$/ }, (args) =>
          resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts') === lessonsModule ? { path: './lessons.cjs', external: true } : undefined,
        ),
    },
  ],
});
await build({ ...common, entryPoints: { lessons: lessonsModule }, outdir, outExtension: { '.js': '.cjs' }, format: 'cjs' });

const used = vendorNamesUsed(sources);
await build({
  ...common,
  entryPoints: Object.keys(VENDOR_GROUPS).map((g) => ({ in: `vendor:${g}`, out: `vendor-${g}` })),
  outdir,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  splitting: true,
  chunkNames: 'vendor-shared-[hash]',
  plugins: [
    {
      name: 'vendor-entries',
      setup(b) {
        b.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice(7), namespace: 'vendor-entry' }));
        b.onLoad({ filter: /.*/, namespace: 'vendor-entry' }, (args) => ({ contents: vendorEntry(args.path, used), resolveDir: process.cwd(), loader: 'js' }));
      },
    },
  ],
  // React's CommonJS code calls require() for Node built-ins.
  banner: { js: "import{createRequire as __kmsCreateRequire}from'node:module';const require=__kmsCreateRequire(import.meta.url);" },
});
