/**
 * Drives a command in a real pseudo-terminal and reads the screen as a user
 * sees it: @lydell/node-pty runs the process, @xterm/headless interprets its
 * output (cursor moves, erases, colours) into a screen buffer.
 *
 *   const t = spawnPty(['--key-arn', ARN], { cwd });
 *   await t.waitFor('Administrators');
 *   t.write(KEYS.enter);
 *   const { exitCode } = await t.exited;
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { CLI_BIN } from './cli.js';

export { KEYS } from './keys.js';

export interface PtyRun {
  /** Sends keys (or text) to the program, as typed. */
  write(data: string): void;
  /** The visible screen, one string per row, right-trimmed. */
  screen(): string[];
  /** The visible screen as one string. */
  text(): string;
  /** Everything the program wrote, raw (escape sequences included). */
  raw(): string;
  /**
   * Resolves when the screen shows `what` and the frame that showed it has
   * finished arriving (no output for 50 ms, or 500 ms at most): a pty hands a
   * frame over in pieces, so the line matched may arrive before the rest of
   * its frame. Rejects after `timeoutMs` with the screen in the message.
   */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<void>;
  /**
   * Resolves when the raw output contains `text` at or after `from` (an
   * earlier result), with the index just past it: for prompts that repeat.
   */
  waitForOutput(text: string, from?: number, timeoutMs?: number): Promise<number>;
  /** Resolves once the program has written nothing for `quietMs` (counted from the call at the earliest). */
  settle(quietMs?: number): Promise<void>;
  resize(cols: number, rows: number): void;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  kill(signal?: string): void;
  readonly pid: number;
  /** Milliseconds since spawn when output last arrived. */
  lastOutputAt(): number;
}

export interface PtyOptions {
  cwd?: string;
  cols?: number;
  rows?: number;
  /** Added to a clean environment (no CI: Ink would render only the last frame). */
  env?: NodeJS.ProcessEnv;
  /** The program; default: node running the built CLI. */
  file?: string;
  /** Arguments for `file` instead of [CLI_BIN, ...args]. */
  rawArgs?: string[];
}

/** Runs the built CLI (KMS_WIZARD_BIN or dist/cli.cjs) with `args` in a pty. */
export function spawnPty(args: string[], opts: PtyOptions = {}): PtyRun {
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 24;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', TERM: 'xterm-256color' };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  delete env.CI;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const started = performance.now();
  let last = started;
  let raw = '';
  const child = pty.spawn(opts.file ?? process.execPath, opts.rawArgs ?? [CLI_BIN, ...args], { name: env.TERM ?? 'xterm-256color', cols, rows, cwd: opts.cwd ?? process.cwd(), env });
  const listeners = new Set<() => void>();
  child.onData((d) => {
    raw += d;
    last = performance.now();
    term.write(d, () => {
      for (const l of listeners) l();
    });
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => {
    child.onExit((e) => {
      // Let xterm finish parsing what arrived last.
      term.write('', () => resolve(e));
    });
  });

  const screen = () => {
    const b = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < rows; i++) out.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
    return out;
  };
  const text = () => screen().join('\n');
  const matches = (what: string | RegExp) => (typeof what === 'string' ? text().includes(what) : what.test(text()));
  // The rest of a frame whose first piece has arrived: quiet for 50 ms, or 500 ms at most.
  const frameDone = () =>
    new Promise<void>((resolve) => {
      const since = performance.now();
      const tick = () => {
        const now = performance.now();
        if (now - Math.max(last, since) >= 50 || now - since >= 500) resolve();
        else setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    });

  return {
    pid: child.pid,
    write: (data) => child.write(data),
    screen,
    text,
    raw: () => raw,
    exited,
    kill: (signal) => child.kill(signal),
    resize: (c, r) => {
      child.resize(c, r);
      term.resize(c, r);
    },
    lastOutputAt: () => last - started,
    waitFor(what, timeoutMs = 10_000) {
      if (matches(what)) return frameDone();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matches(what)) {
            cleanup();
            resolve(frameDone());
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(what)}; the screen shows:\n${text()}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => setTimeout(check, 0));
      });
    },
    async waitForOutput(needle, from = 0, timeoutMs = 10_000) {
      const end = performance.now() + timeoutMs;
      for (;;) {
        const at = raw.indexOf(needle, from);
        if (at >= 0) return at + needle.length;
        if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for output ${JSON.stringify(needle)}; the screen shows:\n${text()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    settle(quietMs = 150) {
      const since = performance.now();
      return new Promise((resolve) => {
        const tick = () => (performance.now() - Math.max(last, since) >= quietMs ? resolve() : setTimeout(tick, quietMs / 3));
        setTimeout(tick, quietMs / 3);
      });
    },
  };
}
