// The CLI ships as CommonJS (dist/cli.cjs + dist/main.cjs): Node loads it far
// faster than a graph of ES module chunks. Ink cannot join it (Yoga, under Ink,
// awaits its WebAssembly at the top level of an ES module), so the packages
// only the terminal UIs use are bundled apart, as ES modules (dist/vendor-*.mjs),
// and loaded at the moment a TUI module is: this file finds those moments.
//
// A "TUI boundary" is a dynamic import() in src/ whose module reaches a
// vendor package through static imports. The build rewrites each such
// import() to load the vendor bundles first, and turns `import ... from 'ink'`
// into a read of the loaded bundle, so Ink and React exist once and the plain
// commands never load them. A new command or screen needs no change here;
// only a new ESM-only package the TUIs import joins VENDOR_GROUPS.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';

/** Packages bundled apart, by the vendor bundle (dist/vendor-<group>.mjs) that holds them. */
export const VENDOR_GROUPS = {
  ink: ['ink', 'react', 'react/jsx-runtime'],
  prompts: ['@inquirer/prompts'],
};
const groupOf = new Map(Object.entries(VENDOR_GROUPS).flatMap(([g, pkgs]) => pkgs.map((p) => [p, g])));
/** The export name of a package in its vendor bundle. */
const exportName = (pkg) => `p${[...groupOf.keys()].indexOf(pkg)}`;
const VENDOR_KEY = 'Symbol.for("kms-wizard.vendor")';

/**
 * The ES module source of one vendor bundle: for each package of the group,
 * an object of the names src/ imports from it (so the rest is tree-shaken),
 * or the whole namespace where src/ imports `* as`. JSX compiles to imports
 * of react/jsx-runtime the source does not spell out: those are all kept.
 */
export function vendorEntry(group, used) {
  return VENDOR_GROUPS[group]
    .map((pkg, i) => {
      const names = used.get(pkg);
      if (!names || names.has('*') || pkg === 'react/jsx-runtime') return `export * as ${exportName(pkg)} from ${JSON.stringify(pkg)};`;
      const local = [...names].map((n, j) => [n, `v${i}_${j}`]);
      return `import { ${local.map(([n, l]) => `${n} as ${l}`).join(', ')} } from ${JSON.stringify(pkg)};\nexport const ${exportName(pkg)} = { ${local.map(([n, l]) => `${JSON.stringify(n)}: ${l}`).join(', ')} };`;
    })
    .join('\n');
}

const IMPORT_FROM = /^import\s+(?!type\s)([^'";]*?)\s+from\s+['"]([^'"]+)['"]/gm;

/** The names each vendor package is imported with across `files` (TypeScript sources), '*' for a namespace import. */
export function vendorNamesUsed(files) {
  const used = new Map();
  for (const file of files) {
    for (const [, clause, pkg] of readFileSync(file, 'utf8').matchAll(IMPORT_FROM)) {
      if (!groupOf.has(pkg)) continue;
      if (!used.has(pkg)) used.set(pkg, new Set());
      const names = used.get(pkg);
      const braces = /\{([^}]*)\}/.exec(clause)?.[1];
      for (const part of braces?.split(',') ?? []) {
        const name = part.trim().split(/\s+as\s+/)[0];
        if (name && !name.startsWith('type ')) names.add(name);
      }
      const outside = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim();
      if (outside.startsWith('* as')) names.add('*');
      else if (outside) names.add('default');
    }
  }
  return used;
}

/**
 * Finds the TUI boundaries of the program that starts at `entry`: for each
 * importing file (absolute path), the import() specifiers to rewrite and the
 * vendor groups each needs; and the program's source files.
 */
export async function findTuiBoundaries(entry, options) {
  const { metafile } = await build({
    ...options,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'analysis',
    external: [...(options.external ?? []), ...groupOf.keys()],
  });
  const inputs = metafile.inputs;
  const reach = new Map();
  /** The vendor groups a module reaches through static imports. */
  const groupsReached = (file, seen = new Set()) => {
    if (reach.has(file)) return reach.get(file);
    if (seen.has(file)) return new Set();
    seen.add(file);
    const groups = new Set();
    for (const i of inputs[file]?.imports ?? []) {
      if (i.kind === 'dynamic-import') continue;
      if (i.external && groupOf.has(i.path)) groups.add(groupOf.get(i.path));
      else if (!i.external) for (const g of groupsReached(i.path, seen)) groups.add(g);
    }
    reach.set(file, groups);
    return groups;
  };
  const boundaries = new Map();
  const sources = Object.keys(inputs).filter((f) => f.startsWith('src/')).map((f) => resolve(f));
  for (const [file, input] of Object.entries(inputs)) {
    for (const i of input.imports) {
      if (i.kind !== 'dynamic-import' || i.external) continue;
      const groups = [...groupsReached(i.path)].sort();
      if (groups.length === 0) continue;
      const at = resolve(file);
      if (!boundaries.has(at)) boundaries.set(at, []);
      boundaries.get(at).push({ specifier: i.original, groups });
    }
  }
  return { boundaries, sources };
}

/**
 * The esbuild plugin for the CommonJS bundle: rewrites the boundaries, and
 * resolves each vendor package to its part of the loaded vendor bundle.
 */
export function tuiBoundaryPlugin(boundaries) {
  return {
    name: 'tui-boundary',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, (args) => {
        const rewrites = boundaries.get(args.path);
        if (!rewrites) return undefined;
        let contents = readFileSync(args.path, 'utf8');
        for (const { specifier, groups } of rewrites) {
          const call = `import(${JSON.stringify(specifier).replace(/"/g, "'")})`;
          if (!contents.includes(call)) throw new Error(`${args.path}: cannot find ${call} to load the TUI bundles before it`);
          contents = contents.split(call).join(`__kmsLoadVendor(${JSON.stringify(groups)}).then(() => ${call})`);
        }
        return { contents, loader: extname(args.path) === '.tsx' ? 'tsx' : 'ts' };
      });
      b.onResolve({ filter: /.*/ }, (args) => (groupOf.has(args.path) ? { path: args.path, namespace: 'vendor' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
        contents:
          `const v = globalThis[${VENDOR_KEY}]?.[${JSON.stringify(groupOf.get(args.path))}];\n` +
          `if (!v) throw new Error(${JSON.stringify(`kms-wizard: ${args.path} is used outside a TUI boundary (its bundle is not loaded)`)});\n` +
          `module.exports = { __esModule: true, ...v[${JSON.stringify(exportName(args.path))}] };\n`,
        loader: 'js',
      }));
    },
  };
}

/** The CommonJS bundle's banner: import.meta.url for the code that uses it, and the vendor loader. */
export const CJS_BANNER = [
  'const __kmsMetaUrl=require("node:url").pathToFileURL(__filename).href;',
  // The build renames the bundle's import() calls to __kmsImport() (src/compile-cache.ts says why).
  'const __kmsImport=globalThis[Symbol.for("kms-wizard.import")]??((s)=>import(s));',
  `const __kmsLoadVendor=(groups)=>Promise.all(groups.map((g)=>__kmsImport(require("node:url").pathToFileURL(require("node:path").join(__dirname,"vendor-"+g+".mjs")).href).then((m)=>{(globalThis[${VENDOR_KEY}]??={})[g]=m})));`,
].join('\n');
