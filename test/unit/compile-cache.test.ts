import { mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cacheDir, cacheFile, pruneStale, readCache, STALE_AFTER_MS, writeCache } from '../../src/compile-cache.js';

const MAIN = { hash: '0123456789abcdef', length: 1000 };

describe('cacheDir: the platform cache directory', () => {
  test('Linux: XDG_CACHE_HOME when absolute, else ~/.cache', () => {
    expect(cacheDir({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.cache/kms-wizard');
    expect(cacheDir({ HOME: '/home/a', XDG_CACHE_HOME: '/var/c' }, 'linux')).toBe('/var/c/kms-wizard');
    // A relative XDG_CACHE_HOME is invalid (XDG Base Directory spec) and ignored.
    expect(cacheDir({ HOME: '/home/a', XDG_CACHE_HOME: 'rel' }, 'linux')).toBe('/home/a/.cache/kms-wizard');
  });

  test('macOS: ~/Library/Caches; Windows: %LOCALAPPDATA%', () => {
    expect(cacheDir({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Caches/kms-wizard');
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toMatch(/kms-wizard[\\/]Cache$/);
  });

  test('no home, no cache; KMS_WIZARD_CACHE_DIR overrides', () => {
    expect(cacheDir({}, 'linux')).toBeUndefined();
    expect(cacheDir({}, 'win32')).toBeUndefined();
    expect(cacheDir({ KMS_WIZARD_CACHE_DIR: '/x' }, 'linux')).toBe('/x');
  });
});

describe('cacheFile', () => {
  test("names the build's hash, the command, Node's version and the architecture", () => {
    expect(cacheFile(MAIN, 'lint', { HOME: '/h' }, 'linux')).toBe(`/h/.cache/kms-wizard/main-0123456789abcdef-lint-${process.version}-${process.arch}.v8`);
  });

  test.each([['KMS_WIZARD_NO_COMPILE_CACHE', '1'], ['KMS_WIZARD_NO_COMPILE_CACHE', 'true'], ['NODE_DISABLE_COMPILE_CACHE', '1']])('%s=%s turns it off', (name, value) => {
    expect(cacheFile(MAIN, 'lint', { HOME: '/h', [name]: value }, 'linux')).toBeUndefined();
  });

  test('KMS_WIZARD_NO_COMPILE_CACHE=0 leaves it on; a hash that is not hex (no build) turns it off', () => {
    expect(cacheFile(MAIN, 'lint', { HOME: '/h', KMS_WIZARD_NO_COMPILE_CACHE: '0' }, 'linux')).toBeDefined();
    expect(cacheFile({ hash: '../../x', length: 1 }, 'lint', { HOME: '/h' }, 'linux')).toBeUndefined();
  });
});

describe('pruneStale: caches of other builds go once they are a month old', () => {
  test("removes other builds' month-old caches and month-old temp files; keeps this build's, recent ones, and files that are not caches", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-prune-'));
    const now = Date.now();
    const old = new Date(now - STALE_AFTER_MS - 60_000);
    const files = {
      current: `main-0123456789abcdef-lint-${process.version}-${process.arch}.v8`,
      currentOld: `main-0123456789abcdef-generate-${process.version}-${process.arch}.v8`,
      otherOld: `main-fedcba9876543210-lint-v20.19.0-x64.v8`,
      otherRecent: `main-fedcba9876543210-generate-v20.19.0-x64.v8`,
      notOurs: 'notes.txt',
      leftTemp: `main-0123456789abcdef-lint-${process.version}-${process.arch}.v8.4242.k3j2h1g0.tmp`,
    };
    for (const name of Object.values(files)) writeFileSync(join(dir, name), 'x');
    for (const name of [files.currentOld, files.otherOld, files.notOurs, files.leftTemp]) utimesSync(join(dir, name), old, old);
    pruneStale(dir, MAIN.hash, now);
    expect(readdirSync(dir).sort()).toEqual([files.current, files.currentOld, files.otherRecent, files.notOurs].sort());
  });

  test('a directory that cannot be read is left alone', () => {
    expect(() => pruneStale(join(tmpdir(), 'kmsw-no-such-dir', String(Date.now())), MAIN.hash, Date.now())).not.toThrow();
  });
});

describe('readCache: only this build\'s file, as written', () => {
  const V8 = Buffer.from('v8 bytes');
  test('reads back what writeCache wrote, for the same build only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-read-'));
    const file = join(dir, 'c.v8');
    writeCache(file, () => V8, MAIN.hash);
    expect(readCache(file, MAIN.hash)?.equals(V8)).toBe(true);
    // The same file under another build's hash (renamed, or its name made up) is not used.
    expect(readCache(file, 'fedcba9876543210')).toBeUndefined();
  });

  test("reads into the caller's buffer when it is large enough, into a new one when it is not", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-read-'));
    const file = join(dir, 'c.v8');
    writeCache(file, () => V8, MAIN.hash);
    const roomy = Buffer.alloc(4096, 0x2a);
    const inRoomy = readCache(file, MAIN.hash, roomy);
    expect(inRoomy?.equals(V8)).toBe(true);
    expect(inRoomy?.buffer).toBe(roomy.buffer);
    // V8 copies cache data that does not start on a pointer boundary: the header keeps it aligned.
    expect((inRoomy?.byteOffset ?? 1) % 8).toBe(0);
    const small = Buffer.alloc(4, 0x2a);
    const inNew = readCache(file, MAIN.hash, small);
    expect(inNew?.equals(V8)).toBe(true);
    expect(inNew?.buffer).not.toBe(small.buffer);
    expect(small.equals(Buffer.alloc(4, 0x2a))).toBe(true);
  });

  test('where the temp file cannot be made, V8 is never asked to serialise', () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'kmsw-read-')), 'file');
    writeFileSync(blocked, 'x');
    let asked = false;
    writeCache(join(blocked, 'c.v8'), () => ((asked = true), V8), MAIN.hash);
    expect(asked).toBe(false);
  });

  test('a symbolic link to a cache is not followed; a missing file is no cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-read-'));
    writeCache(join(dir, 'real.v8'), () => V8, MAIN.hash);
    symlinkSync(join(dir, 'real.v8'), join(dir, 'link.v8'));
    expect(readCache(join(dir, 'link.v8'), MAIN.hash)).toBeUndefined();
    expect(readCache(join(dir, 'none.v8'), MAIN.hash)).toBeUndefined();
  });
});
