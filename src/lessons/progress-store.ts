import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EMPTY_PROGRESS, parseProgress, type Progress } from './progress.js';

export const PROGRESS_FILE = 'progress.json';

/** The progress read from disk, and anything the learner must be told about it. */
export interface LoadedProgress {
  readonly progress: Progress;
  /** Set when the file could not be used (corrupt, newer format, unreadable): say it to the user. */
  readonly notice?: string;
  /**
   * False when saving would destroy data the user still has (a newer format,
   * or a corrupt file that could not be moved aside).
   */
  readonly writable: boolean;
}

/** Reads and writes the progress file; never throws for a bad file, reports it instead. */
export class ProgressStore {
  readonly path: string;
  private writable = true;

  constructor(
    dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(dir, PROGRESS_FILE);
  }

  /** Loads the file; a corrupt one is renamed aside (progress.json.corrupt-<time>) and reported. */
  load(): LoadedProgress {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') return this.result(EMPTY_PROGRESS);
      this.writable = false;
      return this.result(EMPTY_PROGRESS, `Could not read lesson progress from ${this.path} (${e.code ?? e.message}); progress will not be saved this time.`);
    }
    let data: unknown;
    let reason: string | undefined;
    try {
      data = JSON.parse(text);
    } catch (err) {
      reason = `invalid JSON: ${(err as Error).message}`;
    }
    if (reason === undefined) {
      const parsed = parseProgress(data);
      if (parsed.ok) return this.result(parsed.progress);
      if (parsed.newerVersion) {
        this.writable = false;
        return this.result(EMPTY_PROGRESS, `Lesson progress in ${this.path} ${parsed.reason}; it is left untouched and progress will not be saved this time.`);
      }
      reason = parsed.reason;
    }
    const aside = `${this.path}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(this.path, aside);
    } catch (err) {
      this.writable = false;
      return this.result(
        EMPTY_PROGRESS,
        `Lesson progress in ${this.path} is corrupt (${reason}) and could not be moved aside (${(err as NodeJS.ErrnoException).code ?? ''}); it is left untouched and progress will not be saved this time.`,
      );
    }
    return this.result(EMPTY_PROGRESS, `Lesson progress in ${this.path} was corrupt (${reason}); it was moved to ${aside} and progress starts fresh.`);
  }

  /** Writes atomically (temp file + rename). Returns an error message instead of throwing. */
  save(progress: Progress): string | undefined {
    if (!this.writable) return undefined;
    const tmp = `${this.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(tmp, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, this.path);
      return undefined;
    } catch (err) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // The temp file was never created (e.g. the directory could not be).
      }
      const e = err as NodeJS.ErrnoException;
      return `Could not save lesson progress to ${this.path} (${e.code ?? e.message}).`;
    }
  }

  /** Deletes the progress file; true when there was one. */
  reset(): boolean {
    try {
      rmSync(this.path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  private result(progress: Progress, notice?: string): LoadedProgress {
    return { progress, writable: this.writable, ...(notice ? { notice } : {}) };
  }
}
