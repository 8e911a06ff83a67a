// V8's compiled code for dist/main.cjs, kept between runs on Node 20 (which
// has no module.enableCompileCache(); Node 22+ gets the same from Node itself,
// and there loadWithCompileCache only requires the file). Compiling the
// bundle (over 450 kB) is the largest part of a command's start-up; with the
// cache, V8 reads back the bytecode of the functions the same command ran.
//
// Off unless KMS_WIZARD_COMPILE_CACHE=1: V8 release builds check only a
// cache's source length, so the bytes handed to it are code that runs, and a
// damaged cache crashes V8 natively (SIGSEGV, "unreachable code") at every
// start. When on:
// - The file's header carries the build's hash of main.cjs and a SHA-256 of
//   the cache bytes, checked before V8 sees them: a copied header with other
//   bytes, or one flipped bit, is ignored and the cache rewritten.
// - The directory must be absolute (never relative to where the tool runs),
//   a real directory owned by the user, neither group- nor world-writable,
//   in a parent that is the same; only the cache's own folder is ever
//   created (0700), nothing above it (a root run with a user's HOME makes
//   nothing in that home).
// - A cache file is opened without following links or blocking (a FIFO),
//   must be a regular file the user owns and at most MAX_CACHE_BYTES.
// - It is written once, at exit, to a temp file renamed into place; any
//   failure (read-only home, full disk) only means the next run compiles.
//   Writing one also removes other builds' caches a month old.
// - KMS_WIZARD_NO_COMPILE_CACHE=1 or Node's NODE_DISABLE_COMPILE_CACHE=1
//   wins over KMS_WIZARD_COMPILE_CACHE; KMS_WIZARD_CACHE_DIR moves it.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';

/** What the build knows of dist/main.cjs: its SHA-256 (hex prefix) and its length in characters (it is ASCII). */
export interface MainId {
  readonly hash: string;
  readonly length: number;
}

/**
 * The platform's cache directory for kms-wizard, or undefined when there is
 * no home to put it in or the place named is not absolute.
 * KMS_WIZARD_CACHE_DIR overrides it.
 */
export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const dir = platformCacheDir(env, platform);
  // A relative directory would be read from wherever the tool runs: a cloned repository could bring its own cache.
  return dir !== undefined && (platform === 'win32' ? win32 : posix).isAbsolute(dir) ? dir : undefined;
}

function platformCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (env.KMS_WIZARD_CACHE_DIR) return env.KMS_WIZARD_CACHE_DIR;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'kms-wizard', 'Cache') : undefined;
  const home = env.HOME;
  if (!home) return undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'kms-wizard');
  // XDG Base Directory: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'kms-wizard');
}

/** Where main.cjs finds the import() of the code that loaded it (see CJS_BANNER in scripts/build/tui-boundary.mjs). */
export const IMPORT_HOOK = Symbol.for('kms-wizard.import');

/** The commands that get a cache file of their own (a test keeps this in step with the command table). */
export const CACHED_COMMANDS: readonly string[] = ['generate', 'lint', 'simulate', 'explain', 'diff', 'who-can', 'learn', 'completion', 'wizard'];

/** A cache larger than this is not read (a sparse or runaway file): the bundle's largest command cache is well under 4 MB. */
export const MAX_CACHE_BYTES = 16 * 1024 * 1024;

const TRUTHY = /^(1|true|yes)$/i;

/** The cache file for `main` run as `command`, or undefined when caching is off (the default) or impossible. */
export function cacheFile(main: MainId, command: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  if (!TRUTHY.test(env.KMS_WIZARD_COMPILE_CACHE ?? '')) return undefined;
  if (TRUTHY.test(env.KMS_WIZARD_NO_COMPILE_CACHE ?? '') || TRUTHY.test(env.NODE_DISABLE_COMPILE_CACHE ?? '')) return undefined;
  if (!/^[0-9a-f]{8,64}$/.test(main.hash)) return undefined;
  const dir = cacheDir(env, platform);
  // One file per command: each holds the functions that command runs.
  return dir && join(dir, `main-${main.hash}-${command}-${process.version}-${process.arch}.v8`);
}

/**
 * True when `dir` is a directory (not a link) owned by this user that no
 * one else can write to: nobody else can put a file in it or rename one.
 * Windows has no such modes; there the user's own profile holds the cache.
 */
export function privateDirectory(dir: string): boolean {
  try {
    const info = lstatSync(dir);
    if (!info.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return info.uid === process.getuid() && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The first bytes of a cache file: the build's hash (the file is used only
 * with the main.cjs it was made from, whatever its name says) and the
 * SHA-256 of the bytes after the header (V8 itself checks only the source's
 * length, and runs whatever else it is given).
 */
const header = (hash: string, payload: Buffer) => {
  // Padded to a multiple of 8 bytes: V8 copies cache data that does not start
  // on a pointer boundary (AlignedCachedData), 400 kB of new memory per run.
  const line = `kms-wizard ${hash} ${sha256(payload)}`;
  return Buffer.from(`${line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1)}\n`, 'latin1');
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * V8's part of the cache, if the file exists, is a regular file (not a
 * symbolic link, not a FIFO: it is opened without blocking), belongs to this
 * user, is at most MAX_CACHE_BYTES, starts with this build's header and its
 * bytes have the SHA-256 the header names. `scratch`, when it is large
 * enough, receives the bytes (the loader passes the buffer it read main.cjs
 * into: memory already in use costs less than new memory).
 */
export function readCache(path: string, hash: string, scratch?: Buffer): Buffer | undefined {
  if (!privateDirectory(dirname(path))) return undefined;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_CACHE_BYTES) return undefined;
    if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return undefined;
    const bytes = readWhole(fd, info.size, scratch);
    const prefix = `kms-wizard ${hash} `;
    if (bytes.subarray(0, prefix.length).toString('latin1') !== prefix) return undefined;
    const end = bytes.indexOf(10);
    if (end < 0) return undefined;
    const payload = bytes.subarray(end + 1);
    return bytes.subarray(0, end + 1).equals(header(hash, payload)) ? payload : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The `size` bytes of the open file `fd` (in `scratch` when it is large enough). */
function readWhole(fd: number, size: number, scratch?: Buffer): Buffer {
  const bytes = scratch && scratch.length >= size ? scratch.subarray(0, size) : Buffer.allocUnsafeSlow(size);
  let at = 0;
  while (at < size) {
    const got = readSync(fd, bytes, at, size - at, at);
    if (got === 0) break;
    at += got;
  }
  return bytes.subarray(0, at);
}

/**
 * The cache's folder, made (0700) when its parent is a private directory of
 * this user; nothing above it is ever created. Undefined when it cannot be
 * used.
 */
function ensureCacheFolder(dir: string): string | undefined {
  if (privateDirectory(dir)) return dir;
  if (!privateDirectory(dirname(dir))) return undefined;
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    return undefined;
  }
  return privateDirectory(dir) ? dir : undefined;
}

/**
 * Writes the cache atomically; gives up quietly (the cache is only an
 * optimisation). The temp file is opened before V8 serialises anything, so
 * where nothing can be written (a read-only home) a run pays no more than a
 * failed open.
 */
export function writeCache(path: string, data: () => Buffer, hash: string): void {
  const dir = ensureCacheFolder(dirname(path));
  if (dir === undefined) return;
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    const payload = data();
    writeFileSync(fd, Buffer.concat([header(hash, payload), payload]));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(tmp);
    } catch {
      // never created
    }
    return;
  }
  pruneStale(dir, hash, Date.now());
}

/** Caches are never touched again once written, so a file this old is from a build no longer run (or rarely). */
export const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes the cache files of other builds (another version, another Node)
 * written more than STALE_AFTER_MS ago: upgrades do not pile up caches, and
 * two versions in use side by side do not keep replacing each other's.
 */
export function pruneStale(dir: string, hash: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const found = /^main-[0-9a-f]+-[a-z]+-v[\d.]+-\w+\.v8(\.\d+\.[a-z0-9]+\.tmp)?$/.exec(name);
    // A temp file left by a process killed mid-write goes too, whatever its build.
    if (!found || (name.startsWith(`main-${hash}-`) && !found[1])) continue;
    const file = join(dir, name);
    try {
      if (now - lstatSync(file).mtimeMs > STALE_AFTER_MS) unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/**
 * Loads the CommonJS file `file` (dist/main.cjs) like require() does, with
 * V8's code cache when it is turned on and there is one, and writes the cache at exit when there
 * was none (or V8 refused it). Falls back to require() whenever the file is
 * not the one the build hashed or caching is off.
 *
 * The build writes main.cjs as its own module wrapper (scripts/build.mjs):
 * run as a script, its value is the function require() would call, so the
 * text goes to V8 as read, with no wrapped copy.
 */
export function loadWithCompileCache<T>(file: string, main: MainId, command: string, env: NodeJS.ProcessEnv, enabled = true): T {
  const require = createRequire(file);
  const path = enabled ? cacheFile(main, command, env) : undefined;
  if (!path) return require(file) as T;
  let bytes: Buffer;
  try {
    const fd = openSync(file, constants.O_RDONLY);
    try {
      bytes = readWhole(fd, fstatSync(fd).size);
    } finally {
      closeSync(fd);
    }
  } catch {
    return require(file) as T;
  }
  if (bytes.length !== main.length) return require(file) as T;
  // main.cjs is ASCII (the build checks), so latin1 gives the same string as UTF-8, faster.
  const source = bytes.toString('latin1');
  // The string is a copy: the bytes can take the cache now.
  const cachedData = readCache(path, main.hash, bytes);
  // Code compiled by vm.Script cannot run import() without an experimental
  // loader; the bundle's import() calls (the Ink bundle, clipboardy, the YAML
  // reader) go through this one instead (scripts/build.mjs rewrites them).
  // Its specifiers are absolute, bare, or relative to dist/, where this file is too.
  (globalThis as Record<symbol, unknown>)[IMPORT_HOOK] = (specifier: string) => import(specifier);
  const script = new Script(source, { filename: file, cachedData });
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') return require(file) as T;
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(path, () => script.createCachedData(), main.hash));
  const module = { exports: {} as T };
  (wrapper as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, join(file, '..'));
  return module.exports;
}
