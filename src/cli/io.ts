import { standardError, standardOutput } from './std-streams.js';

/** The streams and environment a command runs with; injectable so tests need no terminal. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** A subcommand: parses its own argv, returns the exit code. */
export type Command = (argv: string[], io: CommandIo) => Promise<number>;

/**
 * The process's streams, each made when first used: Node builds
 * process.stdin on first access, and for a file or /dev/null that loads its
 * file-stream and fs/promises modules, which only commands that read
 * standard input need. Output to a pipe or a file is written directly
 * (./std-streams.ts).
 */
export function processIo(): CommandIo {
  return {
    get stdout() {
      return standardOutput();
    },
    get stderr() {
      return standardError();
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

export function print(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
