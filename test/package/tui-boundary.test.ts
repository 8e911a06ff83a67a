// The build's TUI boundaries (scripts/build/tui-boundary.mjs): the dynamic
// imports after which Ink, React or the prompts are loaded, found from the
// import graph rather than listed by hand.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { findTuiBoundaries, vendorEntry, vendorNamesUsed } from '../../scripts/build/tui-boundary.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const src = (p: string) => resolve(ROOT, 'src', p);

interface Boundary {
  specifier: string;
  groups: string[];
}

describe('findTuiBoundaries', () => {
  it('finds exactly the imports of the terminal UIs, with the vendor bundles each needs', async () => {
    const { boundaries, sources } = (await findTuiBoundaries(src('cli/main.ts'), {
      absWorkingDir: ROOT,
      platform: 'node',
      logLevel: 'silent',
      external: ['clipboardy'],
      alias: { 'react-devtools-core': './scripts/empty-module.mjs', ws: './scripts/empty-module.mjs' },
    })) as { boundaries: Map<string, Boundary[]>; sources: string[] };
    expect(Object.fromEntries(boundaries)).toEqual({
      [src('commands/wizard.ts')]: expect.arrayContaining([
        { specifier: '../ui/accessible/run.js', groups: ['prompts'] },
        { specifier: '../ui/run.js', groups: ['ink'] },
      ]),
      [src('commands/learn.ts')]: expect.arrayContaining([
        { specifier: '../lessons/accessible.js', groups: ['prompts'] },
        { specifier: '../lessons/runner/run-tui.js', groups: ['ink'] },
      ]),
    });
    expect([...boundaries.values()].flat()).toHaveLength(4);
    expect(sources).toContain(src('core/build.ts'));
  });
});

describe('the vendor bundles', () => {
  it('hold only the names src/ imports (the rest is tree-shaken), all of react/jsx-runtime', () => {
    const used = vendorNamesUsed([src('ui/App.tsx'), src('ui/accessible/run.ts')]) as Map<string, Set<string>>;
    expect([...used.get('ink')!]).toEqual(expect.arrayContaining(['renderToString', 'Text', 'useApp', 'useInput']));
    expect([...used.get('@inquirer/prompts')!]).toEqual(['input']);
    const ink = vendorEntry('ink', used) as string;
    expect(ink).toMatch(/import \{ renderToString as \w+, Text as \w+/);
    expect(ink).toContain('export * as p2 from "react/jsx-runtime";');
    expect(vendorEntry('prompts', used)).toMatch(/^import \{ input as \w+ \} from "@inquirer\/prompts";\nexport const p3 = \{ "input": \w+ \};$/);
  });
});
