// Builds dist/: the lessons are compiled first (lessons/*.md -> parsed,
// checked JSON in the bundle; a broken lesson stops the build with its file
// and line), then the CLI is bundled into minified CommonJS (dist/cli.cjs, the
// executable, and dist/main.cjs, everything else), and the packages only the
// terminal UIs use (Ink, React, the prompts) into ES modules loaded when a TUI
// starts (see build/tui-boundary.mjs). CommonJS: Node starts it much faster
// than a graph of ES module chunks. The library API (import ... from
// 'kms-wizard') is dist/index.cjs with its type declarations, and the YAML
// reader for CloudFormation templates is dist/yaml-source.cjs, loaded only
// when lint reads a YAML template.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { rmSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { CJS_BANNER, VENDOR_GROUPS, findTuiBoundaries, tuiBoundaryPlugin, vendorEntry, vendorNamesUsed } from './build/tui-boundary.mjs';
import { writeApiDeclarations } from './api-declarations.mjs';
import { compileLessonDir } from './compile-lessons.mjs';
import { templateDefines } from './template-defines.mjs';

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
    ...templateDefines(),
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
    // yaml's "node" export is CommonJS, which esbuild cannot tree-shake; its
    // ES module build drops what lint never uses (~5 kB less in the tarball).
    yaml: './node_modules/yaml/browser/index.js',
  },
  logLevel: 'warning',
};

// jsonc-parser's entry imports its formatter and editor as namespaces, and
// the formatter builds string tables when loaded; lint uses the parser only.
// Marking the package's files free of side effects lets the bundle drop
// what nothing calls (format.js, edit.js, string-intern.js).
// Its scanner names character codes through a TypeScript enum, built at load
// as an object of 80 names and 80 numbered back-references (a sparse,
// dictionary-mode object): the codes are inlined instead, as TypeScript does
// for a const enum, so lint allocates less before its first garbage collection.
const CHAR_ENUM = /var CharacterCodes;\n\(function \(CharacterCodes\) \{\n([\s\S]*?)\n\}\)\(CharacterCodes \|\| \(CharacterCodes = \{\}\)\);\n/;
function inlineCharacterCodes(path, text) {
  const block = CHAR_ENUM.exec(text);
  if (!block) throw new Error(`${path}: no CharacterCodes enum found (jsonc-parser changed: update scripts/build.mjs)`);
  const codes = new Map();
  for (const line of block[1].split('\n')) {
    const m = /^\s*CharacterCodes\[CharacterCodes\["(\w+)"\] = (\d+)\] = "\1";$/.exec(line);
    if (!m) throw new Error(`${path}: unexpected CharacterCodes member: ${line.trim()}`);
    codes.set(m[1], m[2]);
  }
  // Also inside the package's own /* CharacterCodes.x */ comments, which stay comments.
  const out = text.replace(block[0], '').replace(/\bCharacterCodes\.(\w+)/g, (all, name) => {
    if (!codes.has(name)) throw new Error(`${path}: CharacterCodes.${name} is not a member`);
    return codes.get(name);
  });
  if (/\bCharacterCodes\b/.test(out)) throw new Error(`${path}: CharacterCodes is still used after inlining`);
  return out;
}
const jsoncParserOnly = {
  name: 'jsonc-parser-parser-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]jsonc-parser[\\/]lib[\\/]esm[\\/]impl[\\/]scanner\.js$/ }, (args) => ({ contents: inlineCharacterCodes(args.path, readFileSync(args.path, 'utf8')), loader: 'js' }));
    b.onResolve({ filter: /^\.\/impl\// }, async (args) => {
      if (args.pluginData === 'jsonc' || !/[\\/]jsonc-parser[\\/]/.test(args.importer)) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'jsonc' });
      return found.errors.length > 0 ? found : { path: found.path, sideEffects: false };
    });
  },
};

// Modules that stay in files of their own, required only by the code that
// needs them: the compiled lessons (a large JSON text only `learn` reads) and
// the YAML reader (only for CloudFormation YAML templates).
const apart = [
  { name: 'lessons', module: resolve('src/lessons/compiled-lessons.ts'), filter: /\/compiled-lessons\.js$/ },
  { name: 'yaml-source', module: resolve('src/core/iac/yaml-source.ts'), filter: /\/yaml-source\.js$/ },
];
const apartPlugin = {
  name: 'modules-apart',
  setup: (b) => {
    for (const m of apart) {
      b.onResolve({ filter: m.filter }, (args) =>
        resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts') === m.module ? { path: `./${m.name}.cjs`, external: true } : undefined,
      );
    }
  },
};

// dist/main.cjs: the dispatcher, every command and the library API, one
// CommonJS file; the modules kept apart (above) are one require() or
// import() away.
const { boundaries, sources } = await findTuiBoundaries('src/cli/main.ts', { ...common, minify: false, logLevel: 'error' });
const { metafile } = await build({
  ...common,
  entryPoints: { main: 'src/dist-main.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__kmsMetaUrl' },
  banner: { js: CJS_BANNER },
  plugins: [tuiBoundaryPlugin(boundaries), apartPlugin, jsoncParserOnly],
  metafile: true,
});
// main.cjs is one function expression: required as usual (index.cjs, Node
// 22+) it calls itself with the module's arguments; run as a script by the
// compile cache it is the module's wrapper, so src/compile-cache.ts hands V8
// the file's text as it is instead of a wrapped copy (half a megabyte less
// to allocate and copy at every start). The wrapper is parenthesised so V8
// compiles it at once rather than pre-parsing it first.
const MAIN_PREFIX = '(function(f,a){return a?f.apply(a[0],a):f})((function(exports,require,module,__filename,__dirname){';
const MAIN_SUFFIX = '\n}),typeof arguments=="object"?arguments:void 0);\n';
// Every import() left in the bundle (of the modules it keeps external)
// becomes __kmsImport(), which the banner defines: main.cjs compiled through
// the compile cache cannot run import() itself (src/compile-cache.ts).
{
  const file = `${outdir}/main.cjs`;
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith(CJS_BANNER)) throw new Error(`${file} does not start with its banner`);
  const body = text.slice(CJS_BANNER.length);
  const calls = body.match(/(?<![\w$.])import\(/g)?.length ?? 0;
  const expected = Object.values(metafile.inputs).flatMap((i) => i.imports).filter((i) => i.kind === 'dynamic-import' && i.external).length;
  if (calls !== expected) throw new Error(`${file}: ${calls} import( in the bundle, expected ${expected} (one per external import()); check what else spells import(`);
  writeFileSync(file, MAIN_PREFIX + CJS_BANNER + body.replace(/(?<![\w$.])import\(/g, '__kmsImport(') + MAIN_SUFFIX);
}
for (const m of apart) await build({ ...common, entryPoints: { [m.name]: m.module }, outdir, outExtension: { '.js': '.cjs' }, format: 'cjs' });

// dist/cli.cjs: the executable. Small, so --version loads nothing else; the
// rest of the CLI is one require() away in dist/main.cjs (on Node 20 through
// the compile cache, which is kept only for this exact main.cjs: the build
// gives cli.cjs its hash and length).
const mainText = readFileSync(`${outdir}/main.cjs`, 'latin1');
if (/[^\x00-\x7f]/.test(mainText)) throw new Error(`${outdir}/main.cjs is not ASCII: its length in characters would not be its length in bytes (src/compile-cache.ts)`);
const mainId = { hash: createHash('sha256').update(mainText).digest('hex').slice(0, 16), length: mainText.length };
await build({
  ...common,
  define: { ...common.define, __KMS_WIZARD_MAIN_ID__: JSON.stringify(mainId) },
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(`${outdir}/cli.cjs`, 0o755);

// dist/index.cjs: the library API (import ... from 'kms-wizard'; ES modules
// import CommonJS too). Its names are assigned one by one, the form Node
// reads named exports from, and come from main.cjs, which holds the code.
const api = createRequire(import.meta.url)(resolve(outdir, 'main.cjs')).loadApi();
writeFileSync(
  `${outdir}/index.cjs`,
  `'use strict';\n// The library API of kms-wizard; the code is in main.cjs.\nconst api = require('./main.cjs').loadApi();\n${Object.keys(api).sort().map((n) => `exports.${n} = api.${n};`).join('\n')}\n`,
);
writeApiDeclarations(outdir);

// Ink lays out with Yoga, a WebAssembly module that yoga-layout ships as a
// base64 data: URL inside its JavaScript (96 kB of text that compresses
// poorly). The package carries the binary instead (dist/yoga.wasm, about
// 10 kB less packed) and hands it to Yoga's Emscripten loader as wasmBinary.
const YOGA_DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const yogaWasmApart = {
  name: 'yoga-wasm-apart',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const found = YOGA_DATA_URL.exec(text);
      if (!found) throw new Error(`${args.path}: no base64 WebAssembly found (yoga-layout changed: update scripts/build.mjs)`);
      writeFileSync(`${outdir}/yoga.wasm`, Buffer.from(found[1], 'base64'));
      return { contents: text.replace(YOGA_DATA_URL, '"data:application/octet-stream;base64,"'), loader: 'js' };
    });
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const call = 'wrapAssembly(await loadYoga())';
      if (!text.includes(call)) throw new Error(`${args.path}: no "${call}" (yoga-layout changed: update scripts/build.mjs)`);
      return {
        contents: `import { readFileSync as __kmsReadWasm } from 'node:fs';\n${text.replace(call, "wrapAssembly(await loadYoga({ wasmBinary: __kmsReadWasm(new URL('./yoga.wasm', import.meta.url)) }))")}`,
        resolveDir: dirname(args.path),
        loader: 'js',
      };
    });
  },
};

const used = vendorNamesUsed(sources);
await build({
  ...common,
  entryPoints: Object.keys(VENDOR_GROUPS).map((g) => ({ in: `vendor:${g}`, out: `vendor-${g}` })),
  outdir,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  splitting: true,
  // wrap-ansi pins string-width 7, which carries the emoji-regex package
  // (14 kB); Ink's own string-width 8 has the same API and finds emoji with
  // the \p{RGI_Emoji} regex Node has built in, so both measure text alike.
  alias: { ...common.alias, 'string-width': './node_modules/string-width/index.js' },
  chunkNames: 'vendor-shared-[hash]',
  plugins: [
    {
      name: 'vendor-entries',
      setup(b) {
        b.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice(7), namespace: 'vendor-entry' }));
        b.onLoad({ filter: /.*/, namespace: 'vendor-entry' }, (args) => ({ contents: vendorEntry(args.path, used), resolveDir: process.cwd(), loader: 'js' }));
      },
    },
    yogaWasmApart,
  ],
  // React's CommonJS code calls require() for Node built-ins.
  banner: { js: "import{createRequire as __kmsCreateRequire}from'node:module';const require=__kmsCreateRequire(import.meta.url);" },
});
