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

export function processIo(): CommandIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

export function print(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
