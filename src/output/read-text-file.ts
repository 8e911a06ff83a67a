// Reading a policy file the user named: one clear message for each way it
// can fail (no such file, a directory, permission, far too large), naming
// the file as the user gave it.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { safeText } from '../core/terminal-safe.js';

/** How much a command reads, and what it says about a directory given as a file. */
export interface ReadLimits {
  /** Files (and standard input) larger than this are not read at all; it guards memory. */
  readonly maxBytes: number;
  /** Added to "it is a directory", e.g. " (give the policy files inside it)". */
  readonly directoryHint?: string;
}

/** No policy is anywhere near this size (key policies stop at 32 KB). */
export const POLICY_READ_LIMITS: ReadLimits = { maxBytes: 16 * 1024 * 1024 };

/** Reads `path` (relative to `cwd`) as UTF-8; rejects with "cannot read PATH: why". */
export async function readTextFile(path: string, cwd: string, limits: ReadLimits = POLICY_READ_LIMITS): Promise<string> {
  const full = resolve(cwd, path);
  try {
    // Synchronous: a policy is small, and fs/promises would be one more module to load at start.
    const info = statSync(full);
    if (info.isDirectory()) throw new Error(`cannot read ${safeText(path)}: it is a directory${limits.directoryHint ?? ''}`);
    if (info.size > limits.maxBytes) throw new Error(`cannot read ${safeText(path)}: it is ${info.size.toLocaleString('en-US')} bytes, far too large to be a policy`);
    return readFileSync(full, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (!e.code) throw e;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EISDIR' ? 'it is a directory' : e.message;
    throw new Error(`cannot read ${safeText(path)}: ${why}`);
  }
}
