/**
 * Splits a lesson file into front matter and `## ` sections, pulling out the
 * ```exercise blocks and the `<!-- why: step -->` markers. No YAML here:
 * the build's lesson compiler (compile.ts) reads the blocks with the yaml
 * package.
 */

/** A fenced ```exercise block, with the file line its content starts on. */
export interface ExerciseBlock {
  readonly text: string;
  readonly line: number;
}

export interface Section {
  /** The `## ` heading text; the intro before the first heading has none. */
  readonly title?: string;
  /** The file line of the heading (or of the intro's first line). */
  readonly line: number;
  /** The step named by a `<!-- why: step -->` line right under the heading. */
  readonly why?: string;
  /** The section's markdown without its heading, marker and exercise blocks, trimmed. */
  readonly markdown: string;
  readonly exercises: readonly ExerciseBlock[];
}

export interface SplitFile {
  readonly frontMatter: string;
  /** File line of the front matter's first line. */
  readonly frontMatterLine: number;
  readonly sections: readonly Section[];
}

const WHY_MARKER = /^<!--\s*why:\s*([a-z-]+)\s*-->\s*$/;
const FENCE = /^(```|~~~)/;

/** Splits a lesson file; undefined when it does not start with a `---` front matter block. */
export function splitLessonFile(text: string): SplitFile | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '---') return undefined;
  const end = lines.indexOf('---', 1);
  if (end < 0) return undefined;
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    frontMatterLine: 2,
    sections: splitSections(lines.slice(end + 1), end + 2),
  };
}

function splitSections(lines: string[], firstLine: number): Section[] {
  const sections: Section[] = [];
  let current: { title?: string; line: number; why?: string; body: string[]; exercises: ExerciseBlock[] } = {
    line: firstLine,
    body: [],
    exercises: [],
  };
  const flush = () => {
    const markdown = current.body.join('\n').trim();
    if (current.title !== undefined || markdown !== '' || current.exercises.length > 0) {
      sections.push({
        ...(current.title !== undefined ? { title: current.title } : {}),
        line: current.line,
        ...(current.why ? { why: current.why } : {}),
        markdown,
        exercises: current.exercises,
      });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fileLine = firstLine + i;
    if (line.startsWith('```exercise')) {
      const start = i + 1;
      let j = start;
      while (j < lines.length && !FENCE.test(lines[j]!)) j++;
      current.exercises.push({ text: lines.slice(start, j).join('\n'), line: firstLine + start });
      i = j;
      continue;
    }
    if (FENCE.test(line)) {
      // Copy a whole code block at once so a "## " inside it is not a heading.
      let j = i + 1;
      while (j < lines.length && !FENCE.test(lines[j]!)) j++;
      current.body.push(...lines.slice(i, j + 1));
      i = j;
      continue;
    }
    if (line.startsWith('## ')) {
      flush();
      const marker = WHY_MARKER.exec(lines[i + 1] ?? '');
      current = { title: line.slice(3).trim(), line: fileLine, body: [], exercises: [], ...(marker ? { why: marker[1]! } : {}) };
      if (marker) i++;
      continue;
    }
    current.body.push(line);
  }
  flush();
  return sections;
}
