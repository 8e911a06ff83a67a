// The compile cache of dist/main.cjs (src/compile-cache.ts), through the real
// built binary: what it writes, that a run from the cache prints the same as
// a run without it, and that a broken or unwritable cache changes nothing
// the user sees. Node 22+ caches compiled code itself and never writes here.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/cli/commands-table.js';
import { CACHED_COMMANDS } from '../../src/compile-cache.js';
import { CLI_BIN, runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const GENERATE = ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout'];
const ownCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-cc-'));

test('every command of the table, and the wizard, has a cache file of its own', () => {
  expect([...CACHED_COMMANDS].sort()).toEqual([...COMMANDS.map((c) => c.name), 'wizard'].sort());
});

describe.runIf(ownCache)('on Node without module.enableCompileCache (Node 20)', () => {
  test('the first run writes the cache for its command (0700 directory, 0600 file), the next run prints the same from it', async () => {
    const dir = join(tmp(), 'cache');
    const first = await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: dir } });
    expect(first.code, first.stderr).toBe(0);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^main-[0-9a-f]{16}-generate-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    const written = statSync(join(dir, files[0]!)).mtimeMs;

    const second = await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: dir } });
    const uncached = await runCli(GENERATE, { env: { KMS_WIZARD_NO_COMPILE_CACHE: '1', KMS_WIZARD_CACHE_DIR: join(dir, 'never') } });
    expect(second).toEqual(first);
    expect(uncached).toEqual(first);
    // Read, not rewritten; and KMS_WIZARD_NO_COMPILE_CACHE wrote nothing.
    expect(statSync(join(dir, files[0]!)).mtimeMs).toBe(written);
    expect(readdirSync(dir)).toEqual(files);
  });

  test.each([
    ['garbage bytes', () => Buffer.alloc(4096, 7)],
    ["this build's header, then bytes V8 refuses", (first: Buffer) => Buffer.concat([first.subarray(0, first.indexOf(10) + 1), Buffer.alloc(4096, 7)])],
  ])('a cache that is not usable (%s) is replaced, and the run prints what it prints without one', async (_what, broken) => {
    const dir = join(tmp(), 'cache');
    const clean = await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: dir } });
    const [file] = readdirSync(dir);
    const good = readFileSync(join(dir, file!));
    expect(good.subarray(0, 11).toString()).toBe('kms-wizard ');
    const bad = broken(good);
    writeFileSync(join(dir, file!), bad);
    const run = await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: dir } });
    expect(run).toEqual(clean);
    const after = readFileSync(join(dir, file!));
    expect(after.equals(bad)).toBe(false);
    expect(after.subarray(0, 11).toString()).toBe('kms-wizard ');
    expect(readdirSync(dir)).toEqual([file]);
  });

  test('import() from a cached run still loads the modules kept apart (the YAML reader), and each command has its own file', async () => {
    const dir = join(tmp(), 'cache');
    const args = ['lint', 'test/fixtures/iac/cfn-clean.yaml'];
    const first = await runCli(args, { env: { KMS_WIZARD_CACHE_DIR: dir } });
    const second = await runCli(args, { env: { KMS_WIZARD_CACHE_DIR: dir } });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('no problems');
    expect(second).toEqual(first);
    await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: dir } });
    expect(readdirSync(dir).map((f) => f.split('-')[2]).sort()).toEqual(['generate', 'lint']);
  });

  test('no cache where none can be written: a file in the way of the directory, a read-only directory; same output, nothing on stderr', async () => {
    const base = tmp();
    const blocked = join(base, 'file-not-dir');
    writeFileSync(blocked, 'x');
    const readOnly = join(base, 'ro');
    const clean = await runCli(GENERATE, { env: { KMS_WIZARD_NO_COMPILE_CACHE: '1' } });
    const inTheWay = await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: blocked } });
    expect(inTheWay).toEqual(clean);
    expect(readFileSync(blocked, 'utf8')).toBe('x');
    // A read-only directory (root writes anyway: checked only for other users).
    writeFileSync(join(base, 'marker'), '');
    chmodSync(base, 0o500);
    try {
      const ro = await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: readOnly } });
      expect(ro).toEqual(clean);
    } finally {
      chmodSync(base, 0o700);
    }
    if (process.getuid?.() !== 0) expect(readdirSync(base).sort()).toEqual(['file-not-dir', 'marker']);
  });

  test("where Node has module.enableCompileCache (22+; stood in for here), main.cjs is required as usual: same output, no file of kms-wizard's, import() still works", async () => {
    const base = tmp();
    const preload = join(base, 'node22.cjs');
    writeFileSync(preload, "require('node:module').enableCompileCache = () => ({ status: 0 });\n");
    const dir = join(base, 'cache');
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--require', preload, CLI_BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', KMS_WIZARD_CACHE_DIR: dir } });
    const clean = await runCli(GENERATE, { env: { KMS_WIZARD_NO_COMPILE_CACHE: '1' } });
    const generated = run(GENERATE);
    expect([generated.status, generated.stdout, generated.stderr]).toEqual([clean.code, clean.stdout, clean.stderr]);
    const yaml = run(['lint', 'test/fixtures/iac/cfn-clean.yaml']);
    expect(yaml.status, yaml.stderr).toBe(0);
    expect(yaml.stdout).toContain('no problems');
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
  });

  test("NODE_DISABLE_COMPILE_CACHE=1, Node's own switch, is honoured too", async () => {
    const dir = join(tmp(), 'cache');
    const r = await runCli(GENERATE, { env: { KMS_WIZARD_CACHE_DIR: dir, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
  });
});
