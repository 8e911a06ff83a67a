// The module graph of src/, read with the TypeScript compiler's own import
// scanner (ts.preProcessFile), so type-only imports count as much as the
// others: `import type`, `import { type X }`, `export type ... from` and
// `import()` are all arrows. (esbuild's graph, which this test used before,
// drops type-only imports, and three type-only cycles went unseen.)
// No cycles, and every arrow points down the layers of docs/architecture.md.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COMMAND_LOADERS } from '../../../src/cli/command-loaders.js';
import { COMMANDS, WIZARD } from '../../../src/cli/commands-table.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every relative module specifier a source text names: static, type-only, re-exported or dynamic. */
function relativeSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith('./') || s.startsWith('../'));
}

const sourceFiles = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
  .sort();
const known = new Set(sourceFiles);

/** The source file a specifier names, as NodeNext resolves `./x.js` to `./x.ts` or `./x.tsx`. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = posix.normalize(posix.join(dirname(from), specifier)).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => known.has(c));
}

const unresolved: string[] = [];
/** Every module under src/ and the modules under src/ it imports, by path from the repository root. */
const graph = new Map<string, string[]>(
  sourceFiles.map((file) => {
    const deps = relativeSpecifiers(readFileSync(join(ROOT, file), 'utf8')).flatMap((s) => {
      const target = resolveSpecifier(file, s);
      if (!target) unresolved.push(`${file}: '${s}'`);
      return target ? [target] : [];
    });
    return [file, [...new Set(deps)]];
  }),
);

/** Each cycle found by a depth-first walk (at least one through every circle), as the modules around it. */
function findCycles(g: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of g.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...g.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/**
 * The layers, top to bottom, and what each may import (itself included);
 * docs/architecture.md draws the same picture. A file in no layer fails the
 * test, so a new folder is placed here on purpose.
 */
const LAYERS = {
  entry: ['entry', 'dispatcher', 'api', 'commands', 'ui', 'lessons', 'cli-kit', 'output', 'terminal', 'base', 'core'],
  dispatcher: ['dispatcher', 'commands', 'cli-kit', 'output', 'base', 'core'],
  commands: ['commands', 'ui', 'lessons', 'cli-kit', 'output', 'terminal', 'base', 'core'],
  ui: ['ui', 'lessons', 'cli-kit', 'output', 'terminal', 'core'],
  lessons: ['lessons', 'cli-kit', 'output', 'terminal', 'core'],
  api: ['api', 'output', 'core'],
  'cli-kit': ['cli-kit', 'output', 'core'],
  output: ['output', 'core'],
  terminal: ['terminal', 'core'],
  base: ['base'],
  core: ['core'],
} as const satisfies Record<string, readonly string[]>;
type Layer = keyof typeof LAYERS;

const FOLDER_LAYERS: Readonly<Record<string, Layer>> = {
  core: 'core',
  terminal: 'terminal',
  output: 'output',
  cli: 'cli-kit',
  api: 'api',
  lessons: 'lessons',
  ui: 'ui',
  commands: 'commands',
};
const FILE_LAYERS: Readonly<Record<string, Layer>> = {
  'src/cli/main.ts': 'dispatcher',
  'src/cli/command-loaders.ts': 'dispatcher',
  'src/cli.ts': 'entry',
  'src/dist-main.ts': 'entry',
  'src/version.ts': 'base',
  'src/compile-cache.ts': 'base',
};

function layerOf(file: string): Layer | undefined {
  const parts = file.split('/');
  return FILE_LAYERS[file] ?? (parts.length > 2 ? FOLDER_LAYERS[parts[1]!] : undefined);
}

/** Each arrow that points up or sideways, with the layers it joins. */
function layerViolations(g: ReadonlyMap<string, readonly string[]>): string[] {
  return [...g].flatMap(([file, deps]) => {
    const from = layerOf(file);
    if (!from) return [];
    const allowed: readonly string[] = LAYERS[from];
    return deps
      .filter((d) => !allowed.includes(layerOf(d) ?? '?'))
      .map((d) => `${file} -> ${d} (${from} may import only ${allowed.join(', ')}; ${d} is ${layerOf(d) ?? 'in no layer'})`);
  });
}

describe('the import scanner', () => {
  it('counts type-only imports, type re-exports and dynamic imports as arrows', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B } from '../b.js';",
      "export type { C } from './c.js';",
      "export * from './d.js';",
      "const e = await import('./e.js');",
      "import { f } from 'node:fs';",
    ].join('\n');
    expect(relativeSpecifiers(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js']);
  });
});

describe('the import graph of src/', () => {
  it('covers the whole source tree, type-only arrows included', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/cli/main.ts')).toContain('src/cli/command-loaders.ts');
    // takeover.ts imports setting.ts for types only: esbuild's graph had no such arrow.
    expect(graph.get('src/core/who-can/takeover.ts')).toContain('src/core/who-can/setting.ts');
  });

  it('resolves every relative import to a module under src/ (an arrow it cannot follow would hide a cycle)', () => {
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const withCycle = new Map(graph);
    withCycle.set('src/core/arn.ts', [...(graph.get('src/core/arn.ts') ?? []), 'src/cli/main.ts']);
    expect(findCycles(withCycle).some((c) => c.includes('src/core/arn.ts') && c.includes('src/cli/main.ts'))).toBe(true);
  });

  it('puts every module in a layer', () => {
    expect(sourceFiles.filter((f) => !layerOf(f))).toEqual([]);
  });

  it('points every arrow down the layers (core imports only core; lessons/ does not import ui/; ...)', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('finds an upward arrow when there is one (the check can fail)', () => {
    const upward = new Map(graph);
    upward.set('src/lessons/runner/keys.ts', ['src/ui/reducer.ts']);
    upward.set('src/core/arn.ts', ['src/terminal/lines.ts']);
    const found = layerViolations(upward);
    expect(found).toContainEqual(expect.stringMatching(/^src\/core\/arn\.ts -> src\/terminal\/lines\.ts \(core may import only core;/));
    expect(found).toContainEqual(expect.stringMatching(/^src\/lessons\/runner\/keys\.ts -> src\/ui\/reducer\.ts \(lessons may import only /));
  });
});

describe('the command table and the command modules', () => {
  it('every command in the table has a loader, and every loader a command', () => {
    expect(Object.keys(COMMAND_LOADERS).sort()).toEqual([WIZARD, ...COMMANDS].map((c) => c.name).sort());
  });
});
