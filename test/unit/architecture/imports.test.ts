// The module graph of src/, as esbuild resolves it for the bundle (static and
// dynamic imports alike): no cycles, and the layers point one way.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { COMMAND_LOADERS } from '../../../src/cli/command-loaders.js';
import { COMMANDS, WIZARD } from '../../../src/cli/commands-table.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every module under src/ and what it imports (only modules under src/), by path from the repository root. */
function importGraph(): Map<string, string[]> {
  const entryPoints = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
  const { metafile } = buildSync({
    absWorkingDir: ROOT,
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    outdir: 'out',
    packages: 'external',
    logLevel: 'silent',
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (file.startsWith('src/')) graph.set(file, input.imports.filter((i) => !i.external && i.path.startsWith('src/')).map((i) => i.path));
  }
  return graph;
}

/** Each cycle found by a depth-first walk, as the list of modules around it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

const graph = importGraph();
const layer = (file: string) => file.split('/')[1]!;

describe('the import graph of src/', () => {
  it('covers the whole source tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/cli/main.ts')).toContain('src/cli/command-loaders.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const withCycle = new Map(graph);
    withCycle.set('src/core/arn.ts', [...(graph.get('src/core/arn.ts') ?? []), 'src/cli/main.ts']);
    expect(findCycles(withCycle).some((c) => c.includes('src/core/arn.ts') && c.includes('src/cli/main.ts'))).toBe(true);
  });

  it('core/ imports only core/ (it stays pure and UI-free)', () => {
    const outward = [...graph].flatMap(([file, deps]) => (layer(file) === 'core' ? deps.filter((d) => layer(d) !== 'core').map((d) => `${file} -> ${d}`) : []));
    expect(outward).toEqual([]);
  });

  it('output/ imports only output/ and core/', () => {
    const upward = [...graph].flatMap(([file, deps]) =>
      layer(file) === 'output' ? deps.filter((d) => !['output', 'core'].includes(layer(d))).map((d) => `${file} -> ${d}`) : [],
    );
    expect(upward).toEqual([]);
  });
});

describe('the command table and the command modules', () => {
  it('every command in the table has a loader, and every loader a command', () => {
    expect(Object.keys(COMMAND_LOADERS).sort()).toEqual([WIZARD, ...COMMANDS].map((c) => c.name).sort());
  });
});
