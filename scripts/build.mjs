// Bundles each entry into one minified ESM file under dist/. Dynamic imports
// become separate chunks, so non-interactive commands never load ink/react.
import { build } from 'esbuild';
import { rmSync, chmodSync, readFileSync } from 'node:fs';
import { writeApiDeclarations } from './api-declarations.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// OUTDIR lets parallel work build a private copy (tests then set KMS_WIZARD_BIN).
const outdir = process.env.OUTDIR ?? 'dist';
rmSync(outdir, { recursive: true, force: true });

await build({
  // index: the library API (import ... from 'kms-wizard'), built with the
  // CLI so both share the core's chunks instead of shipping it twice.
  entryPoints: { cli: 'src/cli.ts', index: 'src/api/index.ts' },
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
    // yaml's "node" export is CommonJS, which esbuild cannot tree-shake; its
    // ES module build drops what lint never uses (~5 kB less in the tarball).
    yaml: './node_modules/yaml/browser/index.js',
  },
  // CommonJS dependencies (react) call require() for Node built-ins.
  banner: {
    js: "#!/usr/bin/env node\nimport{createRequire as __kmsCreateRequire}from'node:module';const require=__kmsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(`${outdir}/cli.js`, 0o755);

// The library API's type declarations, next to dist/index.js.
writeApiDeclarations(outdir);
