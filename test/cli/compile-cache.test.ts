// The compile cache of dist/main.cjs (src/compile-cache.ts), through the real
// built binary: off unless asked for; what it writes, that a run from the
// cache prints the same as a run without it, and that a broken, foreign or
// unwritable cache changes nothing the user sees and runs nothing it holds.
// Node 22+ caches compiled code itself and never writes here.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/cli/commands-table.js';
import { CACHED_COMMANDS } from '../../src/compile-cache.js';
import { CLI_BIN, runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const GENERATE = ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout'];
const ownCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-cc-'));
/** The cache is opt-in: every run here that means to use it says so. */
const ON = { KMS_WIZARD_COMPILE_CACHE: '1' };

test('every command of the table, and the wizard, has a cache file of its own', () => {
  expect([...CACHED_COMMANDS].sort()).toEqual([...COMMANDS.map((c) => c.name), 'wizard'].sort());
});

describe.runIf(ownCache)('on Node without module.enableCompileCache (Node 20)', () => {
  test('the first run writes the cache for its command (0700 directory, 0600 file), the next run prints the same from it', async () => {
    const dir = join(tmp(), 'cache');
    const first = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    expect(first.code, first.stderr).toBe(0);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^main-[0-9a-f]{16}-generate-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    const written = statSync(join(dir, files[0]!)).mtimeMs;

    const second = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    const uncached = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_NO_COMPILE_CACHE: '1', KMS_WIZARD_CACHE_DIR: join(dir, 'never') } });
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
    const clean = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    const [file] = readdirSync(dir);
    const good = readFileSync(join(dir, file!));
    expect(good.subarray(0, 11).toString()).toBe('kms-wizard ');
    const bad = broken(good);
    writeFileSync(join(dir, file!), bad);
    const run = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    expect(run).toEqual(clean);
    const after = readFileSync(join(dir, file!));
    expect(after.equals(bad)).toBe(false);
    expect(after.subarray(0, 11).toString()).toBe('kms-wizard ');
    expect(readdirSync(dir)).toEqual([file]);
  });

  test('import() from a cached run still loads the modules kept apart (the YAML reader), and each command has its own file', async () => {
    const dir = join(tmp(), 'cache');
    const args = ['lint', 'test/fixtures/iac/cfn-clean.yaml'];
    const first = await runCli(args, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    const second = await runCli(args, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('no problems');
    expect(second).toEqual(first);
    await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    expect(readdirSync(dir).map((f) => f.split('-')[2]).sort()).toEqual(['generate', 'lint']);
  });

  test('no cache where none can be written: a file in the way of the directory, a read-only directory; same output, nothing on stderr', async () => {
    const base = tmp();
    const blocked = join(base, 'file-not-dir');
    writeFileSync(blocked, 'x');
    const readOnly = join(base, 'ro');
    const clean = await runCli(GENERATE, { env: { KMS_WIZARD_NO_COMPILE_CACHE: '1' } });
    const inTheWay = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: blocked } });
    expect(inTheWay).toEqual(clean);
    expect(readFileSync(blocked, 'utf8')).toBe('x');
    // A read-only directory (root writes anyway: checked only for other users).
    writeFileSync(join(base, 'marker'), '');
    chmodSync(base, 0o500);
    try {
      const ro = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: readOnly } });
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
      spawnSync(process.execPath, ['--require', preload, CLI_BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...ON, KMS_WIZARD_CACHE_DIR: dir } });
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
    const r = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
  });

  test('off by default: a run with a home and its ~/.cache writes nothing there', async () => {
    const home = tmp();
    mkdirSync(join(home, '.cache'), { mode: 0o700 });
    const r = await runCli(GENERATE, { env: { HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(home, '.cache'))).toEqual([]);
  });

  // What an attacker can put in a cache file: V8 code for a script of main.cjs's
  // length (V8 checks nothing else), under a header made like the tool's own
  // (the old constant one, and one with the SHA-256 of these very bytes).
  const main = readFileSync(join(dirname(CLI_BIN), 'main.cjs'));
  const mainHash = createHash('sha256').update(main).digest('hex').slice(0, 16);
  const cacheName = (command: string) => `main-${mainHash}-${command}-${process.version}-${process.arch}.v8`;
  const pad = (line: string) => Buffer.from(`${line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1)}\n`, 'latin1');
  const poisoned = (marker: string): Buffer[] => {
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
    // The payload runs with cli.cjs's require: vm scripts see the globals, and process.mainModule is cli.cjs.
    const source = `process.mainModule.${payload}`.padEnd(main.length, ' ');
    const made = spawnSync(process.execPath, ['-e', `const vm = require('node:vm'); process.stdout.write(new vm.Script(require('node:fs').readFileSync(0, 'latin1')).createCachedData().toString('base64'))`], { input: source, encoding: 'utf8' });
    const data = Buffer.from(made.stdout, 'base64');
    expect(data.length).toBeGreaterThan(0);
    return [Buffer.concat([pad(`kms-wizard ${mainHash}`), data]), Buffer.concat([pad(`kms-wizard ${mainHash} ${createHash('sha256').update(data).digest('hex')}`), data])];
  };

  test.each([
    ['a directory relative to where the tool runs (a cloned repository)', (base: string) => ({ dir: join(base, 'repo', '.cache'), setting: '.cache', cwd: join(base, 'repo'), mode: 0o700 })],
    ['a world-writable directory', (base: string) => ({ dir: join(base, 'shared'), setting: join(base, 'shared'), cwd: base, mode: 0o777 })],
    ['a group-writable directory', (base: string) => ({ dir: join(base, 'group'), setting: join(base, 'group'), cwd: base, mode: 0o770 })],
  ])('a cache file planted in %s is never run', async (_where, place) => {
    const base = tmp();
    const { dir, setting, cwd, mode } = place(base);
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, mode);
    const clean = await runCli(GENERATE, { env: { KMS_WIZARD_NO_COMPILE_CACHE: '1' } });
    for (const [i, file] of poisoned(join(base, `ran-${mode}`)).entries()) {
      writeFileSync(join(dir, cacheName('generate')), file);
      const run = await runCli(GENERATE, { cwd, env: { ...ON, KMS_WIZARD_CACHE_DIR: setting } });
      expect(existsSync(join(base, `ran-${mode}`)), `header form ${i}`).toBe(false);
      expect(run).toEqual(clean);
    }
  });

  test('one flipped byte in a cache (a disk error, a broken copy) is noticed: same output, no crash, the cache rewritten', async () => {
    const dir = join(tmp(), 'cache');
    const clean = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    const [file] = readdirSync(dir);
    const good = readFileSync(join(dir, file!));
    const start = good.indexOf(10) + 1;
    for (const at of [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => start + Math.floor((good.length - start) * f))) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x40;
      writeFileSync(join(dir, file!), bad);
      const run = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
      expect(run, `byte ${at}`).toEqual(clean);
      expect(readFileSync(join(dir, file!)).equals(bad)).toBe(false);
    }
  });

  test('a FIFO in place of the cache file does not hang start-up', async () => {
    const dir = join(tmp(), 'cache');
    mkdirSync(dir, { mode: 0o700 });
    expect(spawnSync('mkfifo', [join(dir, cacheName('generate'))]).status).toBe(0);
    const clean = await runCli(GENERATE, { env: { KMS_WIZARD_NO_COMPILE_CACHE: '1' } });
    const run = await runCli(GENERATE, { env: { ...ON, KMS_WIZARD_CACHE_DIR: dir } });
    expect(run).toEqual(clean);
  }, 20_000);

  test.runIf(process.getuid?.() === 0)("root with a user's HOME (sudo) creates nothing in that user's ~/.cache", async () => {
    const home = tmp();
    mkdirSync(join(home, '.cache'), { mode: 0o700 });
    chownSync(home, 1000, 1000);
    chownSync(join(home, '.cache'), 1000, 1000);
    const r = await runCli(GENERATE, { env: { ...ON, HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(home, '.cache'))).toEqual([]);
  });
});
