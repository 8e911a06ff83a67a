import { safeLines } from '../core/terminal-safe.js';
import type { OutputFile } from './formats/types.js';

/**
 * Several files as one text, for the clipboard or the terminal: one file as
 * it is, several each under a `// ==> name <==` line (the `generate
 * --stdout` layout), so the text pastes back into separate files easily.
 *
 * Every printed or copied copy of the files goes through here, so it is the
 * boundary for the statements kept from a current policy (`--from`): a Sid
 * with an escape sequence in it reaches no terminal or clipboard raw. Each
 * control or invisible character becomes `\uXXXX`, which in the JSON, HCL,
 * YAML (double-quoted) and TypeScript strings the formats write means the
 * same character: the text stays the same policy.
 */
export function filesAsText(files: readonly OutputFile[]): string {
  if (files.length === 1) return safeLines(files[0]!.content);
  return files.map((f) => `// ==> ${safeLines(f.name)} <==\n${safeLines(f.content)}`).join('');
}
