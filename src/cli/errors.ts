import { safeText } from '../core/terminal-safe.js';

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

/**
 * `message` with every command-line value it echoes shown through safeText:
 * a flag value with a line break in it (`--format $'x\nkms-wizard: ok'`)
 * would otherwise print a forged line of its own, since messages keep their
 * own line breaks. The boundary for all flags at once: each argument (and
 * the value of `--flag=value`) that holds a control or invisible character
 * (or its trimmed form) is replaced wherever the message quotes it, longest
 * first.
 */
export function escapeEchoedArgs(message: string, argv: readonly string[]): string {
  // Commands may echo a value trimmed, so its trimmed form is looked for too.
  const values = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a, a.slice(a.indexOf('=') + 1)] : [a])).flatMap((v) => [v, v.trim()]);
  const unsafe = [...new Set(values)].filter((v) => v !== '' && safeText(v) !== v).sort((a, b) => b.length - a.length);
  return unsafe.reduce((text, v) => text.split(v).join(safeText(v)), message);
}
