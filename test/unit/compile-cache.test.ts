import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cacheDir, cacheFile, MAX_CACHE_BYTES, privateDirectory, pruneStale, readCache, STALE_AFTER_MS, writeCache } from '../../src/compile-cache.js';

const MAIN = { hash: '0123456789abcdef', length: 1000 };
/** The cache is opt-in. */
const ON = { KMS_WIZARD_COMPILE_CACHE: '1' };

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

  test('a relative directory is no cache: it would be read from wherever the tool runs (a cloned repository could bring one)', () => {
    expect(cacheDir({ KMS_WIZARD_CACHE_DIR: '.kms-cache' }, 'linux')).toBeUndefined();
    expect(cacheDir({ KMS_WIZARD_CACHE_DIR: 'a/b' }, 'linux')).toBeUndefined();
    expect(cacheDir({ HOME: 'relative-home' }, 'linux')).toBeUndefined();
  });
});

describe('cacheFile', () => {
  test('off unless KMS_WIZARD_COMPILE_CACHE asks for it', () => {
    expect(cacheFile(MAIN, 'lint', { HOME: '/h' }, 'linux')).toBeUndefined();
    expect(cacheFile(MAIN, 'lint', { HOME: '/h', KMS_WIZARD_COMPILE_CACHE: '0' }, 'linux')).toBeUndefined();
    expect(cacheFile(MAIN, 'lint', { HOME: '/h', ...ON }, 'linux')).toBeDefined();
  });

  test("names the build's hash, the command, Node's version and the architecture", () => {
    expect(cacheFile(MAIN, 'lint', { HOME: '/h', ...ON }, 'linux')).toBe(`/h/.cache/kms-wizard/main-0123456789abcdef-lint-${process.version}-${process.arch}.v8`);
  });

  test.each([['KMS_WIZARD_NO_COMPILE_CACHE', '1'], ['KMS_WIZARD_NO_COMPILE_CACHE', 'true'], ['NODE_DISABLE_COMPILE_CACHE', '1']])('%s=%s turns it off', (name, value) => {
    expect(cacheFile(MAIN, 'lint', { HOME: '/h', ...ON, [name]: value }, 'linux')).toBeUndefined();
  });

  test('KMS_WIZARD_NO_COMPILE_CACHE=0 leaves it on; a hash that is not hex (no build) turns it off', () => {
    expect(cacheFile(MAIN, 'lint', { HOME: '/h', ...ON, KMS_WIZARD_NO_COMPILE_CACHE: '0' }, 'linux')).toBeDefined();
    expect(cacheFile({ hash: '../../x', length: 1 }, 'lint', { HOME: '/h', ...ON }, 'linux')).toBeUndefined();
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

  test('a flipped byte anywhere after the header, or bytes under a copied header, are refused before V8 sees them (the SHA-256 in the header)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-read-'));
    const file = join(dir, 'c.v8');
    const payload = Buffer.from('v8 bytes, a few more of them to flip');
    writeCache(file, () => payload, MAIN.hash);
    const good = readFileSync(file);
    const start = good.indexOf(10) + 1;
    for (let at = start; at < good.length; at += 5) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x01;
      writeFileSync(file, bad);
      expect(readCache(file, MAIN.hash), `byte ${at}`).toBeUndefined();
    }
    // The header of a good file with other bytes after it (the same length, so V8 would take them).
    const other = Buffer.from(payload.toString().replace('few', 'FEW'));
    writeFileSync(file, Buffer.concat([good.subarray(0, start), other]));
    expect(readCache(file, MAIN.hash)).toBeUndefined();
    writeFileSync(file, good);
    expect(readCache(file, MAIN.hash)?.equals(payload)).toBe(true);
  });

  test('a file larger than MAX_CACHE_BYTES is not read, even with a valid header (a sparse 1.5 GB file was read whole)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-read-'));
    const file = join(dir, 'c.v8');
    const size = MAX_CACHE_BYTES + 8;
    const line = `kms-wizard ${MAIN.hash} `;
    // A header line of 96 bytes, then zeros to `size`: its SHA-256 is that of the zeros.
    const headLength = 96;
    const zeros = Buffer.alloc(size - headLength);
    const head = Buffer.from(`${line}${createHash('sha256').update(zeros).digest('hex')}`.padEnd(headLength - 1) + '\n', 'latin1');
    const fd = openSync(file, 'w', 0o600);
    writeSync(fd, head);
    ftruncateSync(fd, size);
    closeSync(fd);
    expect(readCache(file, MAIN.hash)).toBeUndefined();
    // The same file within the limit is read: the limit, not the header, refused it.
    const small = Buffer.alloc(1024);
    writeFileSync(file, Buffer.concat([Buffer.from(`${line}${createHash('sha256').update(small).digest('hex')}`.padEnd(headLength - 1) + '\n', 'latin1'), small]));
    expect(readCache(file, MAIN.hash)?.length).toBe(1024);
  });
});

describe('the cache directory must be private to the user', () => {
  const V8 = Buffer.from('v8 bytes');
  test.runIf(typeof process.getuid === 'function')('a group- or world-writable directory is neither read nor written', () => {
    for (const mode of [0o777, 0o770, 0o720, 0o702]) {
      const dir = mkdtempSync(join(tmpdir(), 'kmsw-priv-'));
      const file = join(dir, 'c.v8');
      writeCache(file, () => V8, MAIN.hash);
      expect(readCache(file, MAIN.hash)?.equals(V8)).toBe(true);
      chmodSync(dir, mode);
      expect(privateDirectory(dir)).toBe(false);
      expect(readCache(file, MAIN.hash), mode.toString(8)).toBeUndefined();
      writeCache(join(dir, 'd.v8'), () => V8, MAIN.hash);
      expect(readdirSync(dir)).toEqual(['c.v8']);
      chmodSync(dir, 0o700);
    }
  });

  test('only its own folder is ever created: a missing parent, or a parent that is not private, gets nothing', () => {
    const base = mkdtempSync(join(tmpdir(), 'kmsw-priv-'));
    writeCache(join(base, 'missing', 'kms-wizard', 'c.v8'), () => V8, MAIN.hash);
    expect(readdirSync(base)).toEqual([]);
    writeCache(join(base, 'kms-wizard', 'c.v8'), () => V8, MAIN.hash);
    expect(readdirSync(base)).toEqual(['kms-wizard']);
    expect(readCache(join(base, 'kms-wizard', 'c.v8'), MAIN.hash)?.equals(V8)).toBe(true);
    if (typeof process.getuid === 'function') {
      const open = join(base, 'open');
      mkdirSync(open, { mode: 0o700 });
      chmodSync(open, 0o777);
      writeCache(join(open, 'kms-wizard', 'c.v8'), () => V8, MAIN.hash);
      expect(readdirSync(open)).toEqual([]);
    }
  });

  test('a symbolic link as the cache folder is not used', () => {
    const base = mkdtempSync(join(tmpdir(), 'kmsw-priv-'));
    mkdirSync(join(base, 'real'), { mode: 0o700 });
    symlinkSync(join(base, 'real'), join(base, 'link'));
    writeCache(join(base, 'link', 'c.v8'), () => V8, MAIN.hash);
    expect(readdirSync(join(base, 'real'))).toEqual([]);
  });
});
