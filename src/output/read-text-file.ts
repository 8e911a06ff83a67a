// Reading a policy file the user named: one clear message for each way it
// can fail (no such file, a directory, permission, over the size limit), naming
// the file as the user gave it.
import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { safeText } from '../core/terminal-safe.js';

/** How much a command reads, and what it says about a directory given as a file. */
export interface ReadLimits {
  /** Files (and standard input) larger than this are not read at all; it guards memory. */
  readonly maxBytes: number;
  /** Added to "it is a directory", e.g. " (give the policy files inside it)". */
  readonly directoryHint?: string;
  /** How the user raises maxBytes, e.g. "KMS_WIZARD_MAX_INPUT_BYTES=BYTES". */
  readonly raise?: string;
}

/**
 * The one limit of every reader. Policies stop at 32 KB, but a Terraform plan
 * or a template holds many (a 10,000-key plan is about 23 MB); the limit
 * guards memory.
 */
export const INPUT_READ_LIMITS: ReadLimits = { maxBytes: 64 * 1024 * 1024 };

/** "it is N bytes, over the M-byte input limit (raise it with ...)", for a file or standard input. */
export function tooLargeReason(size: number, limits: ReadLimits): string {
  return `it is ${size.toLocaleString('en-US')} bytes, over the ${limits.maxBytes.toLocaleString('en-US')}-byte input limit${limits.raise ? ` (raise it with ${limits.raise})` : ''}`;
}

/**
 * The UTF-8 text of `bytes`. An ASCII text (a Terraform plan nearly always
 * is: Go escapes what JSON must) is decoded as Latin-1, the same characters,
 * because Node keeps a large Latin-1 string outside the V8 heap: a 24 MB plan
 * then adds nothing to the heap the garbage collector lets grow to a multiple
 * of what is live, which lint's peak memory would otherwise follow.
 */
export function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Reads `path` (relative to `cwd`) as UTF-8; rejects with "cannot read PATH: why". */
export async function readTextFile(path: string, cwd: string, limits: ReadLimits = INPUT_READ_LIMITS): Promise<string> {
  const full = resolve(cwd, path);
  try {
    // Synchronous: a policy is small, and fs/promises would be one more module to load at start.
    const info = statSync(full);
    if (info.isDirectory()) throw new Error(`cannot read ${safeText(path)}: it is a directory${limits.directoryHint ?? ''}`);
    if (info.size > limits.maxBytes) throw new Error(`cannot read ${safeText(path)}: ${tooLargeReason(info.size, limits)}`);
    return textOf(readFileSync(full));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (!e.code) throw e;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EISDIR' ? 'it is a directory' : e.message;
    throw new Error(`cannot read ${safeText(path)}: ${why}`);
  }
}
