// Writes the set of generated files all or nothing: a key policy without its
// IAM policy (or the new one beside the old) is a half-changed key.
// node:fs's `promises` is read where it is used, so the commands that write
// nothing (generate --stdout, lint...) never load it; node:crypto is not
// needed for a temp name, which is opened with O_EXCL ('wx') anyway.
import { constants, copyFileSync, linkSync, mkdirSync, promises as fs, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { OutputFile } from './formats/types.js';

/** Some target files exist and `force` was not given: nothing was written. */
export class FilesExistError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`${paths.length === 1 ? 'a file is' : 'files are'} in the way: ${paths.join(', ')}`);
  }
}

/**
 * A write failed and could not be undone entirely: `written` are the files
 * that now hold the new content, `restored` those put back as they were.
 * The message says exactly which, so nobody deploys half of a pair unaware.
 */
export class PartialWriteError extends Error {
  constructor(
    readonly reason: unknown,
    readonly written: readonly string[],
  ) {
    super(`only part was written: ${written.join(', ')} ${written.length === 1 ? 'holds' : 'hold'} the new content, the other files do not (${(reason as Error).message})`);
  }
}

export interface WritePlan {
  readonly path: string;
  readonly exists: boolean;
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw err;
  }
}

/** Where each file would go and whether something is there already. */
export async function planWrites(dir: string, files: readonly OutputFile[]): Promise<WritePlan[]> {
  return Promise.all(files.map(async (f) => {
    const path = resolve(dir, f.name);
    return { path, exists: await exists(path) };
  }));
}

/**
 * Makes `dir` and its missing parents one at a time. Node's recursive mkdir
 * loops forever where mkdir answers ENOENT for a parent that exists
 * (`--out /proc/x`); one level at a time, that is an error.
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, ${at}`), { code: 'ENOTDIR', path: at });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw err;
      missing.push(at);
    }
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Temp and backup files are named for the process that made them, so a later run can tell a dead one's. */
const TEMP_NAME = /^\..+\.kms-wizard-(\d+)-[a-z0-9]+\.tmp$/;
const tempName = (dir: string, name: string, kind: 'tmp' | 'old') => join(dir, `.${basename(name)}.kms-wizard-${process.pid}-${Math.random().toString(36).slice(2, 10)}.${kind}`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Temp files of runs that were killed (SIGKILL cannot be caught) are removed by the next write into the same directory. */
function removeDeadTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // gone already
    }
  }
}

/** What a write has done so far, for undoing it. */
interface WriteState {
  readonly temps: string[];
  /** Targets now holding new content: `old` is where the previous file was kept, none when the target is new. */
  readonly done: { path: string; old?: string }[];
}

const unlinkQuietly = (path: string) => {
  try {
    unlinkSync(path);
  } catch {
    // already renamed or removed
  }
};

/** Undoes `state`, newest first; returns the targets that could not be put back. */
function rollBack(state: WriteState): string[] {
  const stuck: string[] = [];
  for (const d of [...state.done].reverse()) {
    try {
      if (d.old) renameSync(d.old, d.path);
      else unlinkSync(d.path);
    } catch {
      stuck.push(d.path);
    }
  }
  state.done.length = 0;
  for (const t of state.temps) unlinkQuietly(t);
  return stuck;
}

/**
 * Puts each temp file in place, synchronously (no signal handler runs in
 * between). Without `force` the target is made with link(), which fails if
 * a file appeared meanwhile (another run): never overwritten unasked. With
 * `force` an existing target is first linked to a backup, so it can be put
 * back if a later file fails.
 */
function commit(plan: readonly WritePlan[], state: WriteState, force: boolean): void {
  for (const [i, p] of plan.entries()) {
    const tmp = state.temps[i]!;
    if (!force) {
      try {
        linkSync(tmp, p.path);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new FilesExistError([p.path]);
        // A file system without hard links: an exclusive copy, still never over a file.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
        try {
          copyFileSync(tmp, p.path, constants.COPYFILE_EXCL);
        } catch (copyErr) {
          if ((copyErr as NodeJS.ErrnoException).code === 'EEXIST') throw new FilesExistError([p.path]);
          throw copyErr;
        }
      }
      state.done.push({ path: p.path });
      unlinkQuietly(tmp);
      continue;
    }
    let old: string | undefined = tempName(dirname(p.path), basename(p.path), 'old');
    try {
      linkSync(p.path, old);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      old = undefined;
    }
    try {
      renameSync(tmp, p.path);
    } catch (err) {
      if (old) unlinkQuietly(old);
      throw err;
    }
    state.done.push(old ? { path: p.path, old } : { path: p.path });
  }
}

/**
 * While temp files exist, a signal undoes the write before the process
 * exits (Ctrl-C = 130), so an interrupted run leaves what was there before.
 */
function undoOnSignal(state: WriteState): () => void {
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const handler = (sig: keyof typeof signals) => {
    rollBack(state);
    process.exit(signals[sig]);
  };
  for (const sig of Object.keys(signals) as (keyof typeof signals)[]) process.on(sig, handler);
  return () => {
    for (const sig of Object.keys(signals) as (keyof typeof signals)[]) process.off(sig, handler);
  };
}

/**
 * Writes all files or none: refuses when any target exists (unless `force`),
 * writes every file to a temp file beside its target and fsyncs it, then
 * puts them all in place. If anything fails (or a signal comes), what was
 * put in place is undone, so a failed run leaves what was there before and
 * throws the error; if even that fails, PartialWriteError names the files
 * that hold new content.
 */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[], opts: { force: boolean }): Promise<string[]> {
  makeDirectory(dir);
  removeDeadTemps(dir);
  const plan = await planWrites(dir, files);
  const inTheWay = plan.filter((p) => p.exists).map((p) => p.path);
  if (inTheWay.length > 0 && !opts.force) throw new FilesExistError(inTheWay);

  const state: WriteState = { temps: [], done: [] };
  const unhook = undoOnSignal(state);
  try {
    for (const [i, f] of files.entries()) {
      const tmp = tempName(dirname(plan[i]!.path), f.name, 'tmp');
      state.temps.push(tmp);
      const handle = await fs.open(tmp, 'wx', 0o644);
      try {
        await handle.writeFile(f.content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    commit(plan, state, opts.force);
    for (const d of state.done) if (d.old) unlinkQuietly(d.old);
    return plan.map((p) => p.path);
  } catch (err) {
    const written = state.done.map((d) => d.path);
    const stuck = rollBack(state);
    if (stuck.length > 0) throw new PartialWriteError(err, written.filter((w) => stuck.includes(w)));
    throw err;
  } finally {
    unhook();
  }
}
