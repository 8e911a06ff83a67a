/** Exit codes, as the README documents them. */
export const EXIT = { ok: 0, findings: 1, failure: 1, usage: 2, cancelled: 130 } as const;

/** Bad command-line input: printed as one paragraph, exit 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the user can act on (a file in the way, an unreadable input): exit 1 by default. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(message: string, readonly exitCode: number = EXIT.failure) {
    super(message);
  }
}
