// Bundles each entry into one minified ESM file under dist/. Dynamic imports
// become separate chunks, so non-interactive commands never load ink/react.
// The lessons are compiled first (lessons/*.md -> parsed, checked JSON in the
// bundle): a broken lesson stops the build with its file and line.
import { build } from 'esbuild';
import { rmSync, chmodSync, readFileSync } from 'node:fs';
import { compileLessonDir } from './compile-lessons.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// OUTDIR lets parallel work build a private copy (tests then set KMS_WIZARD_BIN).
const outdir = process.env.OUTDIR ?? 'dist';
// LESSONS_DIR: the lessons to compile (a test builds a broken copy to see the build refuse it).
const lessonDefines = await compileLessonDir(process.env.LESSONS_DIR ?? 'lessons');
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // Runtime dependencies that cannot be bundled (clipboardy resolves its
  // fallback xsel/clipboard binaries relative to its own files).
  external: Object.keys(pkg.dependencies ?? {}),
  define: {
    'process.env.NODE_ENV': '"production"',
    __KMS_WIZARD_VERSION__: JSON.stringify(pkg.version),
    ...lessonDefines,
  },
  // Ink imports react-devtools-core (and, for it, ws) only when DEV is set;
  // the bundle must still resolve them, so point them at an empty module
  // (ws alone would add ~15 kB to the packed tarball).
  alias: {
    'react-devtools-core': './scripts/empty-module.mjs',
    ws: './scripts/empty-module.mjs',
    // jsonc-parser's "main" is a UMD file whose require() calls esbuild
    // cannot follow (the bundle throws "Dynamic require of ./impl/format");
    // its ES module build bundles cleanly.
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
  },
  // CommonJS dependencies (react) call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport{createRequire as __kmsCreateRequire}from'node:module';const require=__kmsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(`${outdir}/cli.js`, 0o755);
