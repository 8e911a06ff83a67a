// Reading a policy file the user named: one clear message for each way it
// can fail (no such file, a directory, permission, far too large), naming
// the file as the user gave it.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { safeText } from '../core/terminal-safe.js';

/** No policy is anywhere near this size (key policies stop at 32 KB); it guards memory. */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/** Reads `path` (relative to `cwd`) as UTF-8; rejects with "cannot read PATH: why". */
export async function readTextFile(path: string, cwd: string): Promise<string> {
  const full = resolve(cwd, path);
  try {
    // Synchronous: a policy is small, and fs/promises would be one more module to load at start.
    const info = statSync(full);
    if (info.isDirectory()) throw new Error(`cannot read ${safeText(path)}: it is a directory`);
    if (info.size > MAX_READ_BYTES) throw new Error(`cannot read ${safeText(path)}: ${info.size.toLocaleString('en-US')} bytes is far too large for a policy`);
    return readFileSync(full, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (!e.code) throw e;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EISDIR' ? 'it is a directory' : e.message;
    throw new Error(`cannot read ${safeText(path)}: ${why}`);
  }
}
