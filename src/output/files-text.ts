import type { OutputFile } from './formats/types.js';

/**
 * Several files as one text, for the clipboard or the terminal: one file as
 * it is, several each under a `// ==> name <==` line (the `generate
 * --stdout` layout), so the text pastes back into separate files easily.
 */
export function filesAsText(files: readonly OutputFile[]): string {
  if (files.length === 1) return files[0]!.content;
  return files.map((f) => `// ==> ${f.name} <==\n${f.content}`).join('');
}
