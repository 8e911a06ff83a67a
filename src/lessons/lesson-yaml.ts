// Build time only: the lessons' front matter and exercise blocks are read
// with the yaml package when `npm run build` compiles them, so the CLI itself
// carries no YAML reader.
import { parseDocument } from 'yaml';
import { LessonFormatError } from './lesson-format-error.js';

/**
 * Parses one YAML block of a lesson file (YAML 1.2, duplicate keys refused).
 * `firstLine` is the file line the block starts on, so an error names the
 * file line of the mistake. Warnings count as errors: a lesson is either
 * read exactly as written or refused.
 */
export function parseLessonYaml(text: string, file: string, firstLine: number, what: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = firstLine + (problem.linePos?.[0].line ?? 1) - 1;
    throw new LessonFormatError(file, line, `${what} YAML: ${problem.message.split('\n')[0]}`);
  }
  try {
    // No anchors or aliases: a lesson spells every value out where it is used.
    return doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    throw new LessonFormatError(file, firstLine, `${what} YAML: ${(err as Error).message}`);
  }
}
