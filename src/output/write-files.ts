// node:fs's `promises` is read where it is used, so the commands that write
// nothing (generate --stdout, lint...) never load it; node:crypto is not
// needed for a temp name, which is opened with O_EXCL ('wx') anyway.
import { promises as fs, unlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { OutputFile } from './formats/types.js';

/** Some target files exist and `force` was not given: nothing was written. */
export class FilesExistError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`${paths.length === 1 ? 'a file is' : 'files are'} in the way: ${paths.join(', ')}`);
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
 * While temp files exist, a signal removes them before the process exits
 * (Ctrl-C = 130), so an interrupted run leaves nothing half-written.
 */
function cleanupOnSignal(temps: readonly string[]): () => void {
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  const handler = (sig: keyof typeof signals) => {
    for (const t of temps) {
      try {
        unlinkSync(t);
      } catch {
        // already renamed or removed
      }
    }
    process.exit(signals[sig]);
  };
  for (const sig of Object.keys(signals) as (keyof typeof signals)[]) process.on(sig, handler);
  return () => {
    for (const sig of Object.keys(signals) as (keyof typeof signals)[]) process.off(sig, handler);
  };
}

/**
 * Writes all files or none: refuses when any target exists (unless `force`),
 * writes each to a temp file beside its target, fsyncs, then renames. If a
 * write fails, the temp files are removed and files this call created are
 * removed again, so a failed run leaves what was there before.
 */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[], opts: { force: boolean }): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const plan = await planWrites(dir, files);
  const inTheWay = plan.filter((p) => p.exists).map((p) => p.path);
  if (inTheWay.length > 0 && !opts.force) throw new FilesExistError(inTheWay);

  const temps: string[] = [];
  const created: string[] = [];
  const unhook = cleanupOnSignal(temps);
  try {
    for (const f of files) {
      const tmp = join(dir, `.${basename(f.name)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
      temps.push(tmp);
      const handle = await fs.open(tmp, 'wx', 0o644);
      try {
        await handle.writeFile(f.content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const [i, p] of plan.entries()) {
      await fs.rename(temps[i]!, p.path);
      if (!p.exists) created.push(p.path);
    }
    return plan.map((p) => p.path);
  } catch (err) {
    await Promise.all([...temps, ...created].map((t) => fs.unlink(t).catch(() => undefined)));
    throw err;
  } finally {
    unhook();
  }
}
