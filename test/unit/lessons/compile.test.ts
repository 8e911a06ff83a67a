// The build's lesson compiler (src/lessons/compile.ts): the yaml package reads
// the blocks, every mistake names its file and line, and the wizard's "why"
// sections are checked for every step.
import { describe, expect, it } from 'vitest';
import { compileLessons, readLessonFiles, whySections, type LessonFile } from '../../../src/lessons/compile.js';
import { compiledLessons } from '../../../src/lessons/compiled-lessons.js';
import { LessonFormatError } from '../../../src/lessons/lesson-format-error.js';
import { WHY_STEPS } from '../../../src/lessons/why-steps.js';

const real = readLessonFiles('lessons');

/** The real lesson files with one of them edited. */
function withEdit(name: string, edit: (text: string) => string): LessonFile[] {
  expect(real.map((f) => f.name)).toContain(name);
  return real.map((f) => (f.name === name ? { name, text: edit(f.text) } : f));
}

function failure(files: readonly LessonFile[]): LessonFormatError {
  try {
    compileLessons(files);
  } catch (err) {
    if (err instanceof LessonFormatError) return err;
    throw err;
  }
  throw new Error('expected a LessonFormatError');
}

/** The file line (1-based) of the first line of `name` that contains `text`. */
const lineOf = (name: string, text: string) => real.find((f) => f.name === name)!.text.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('compileLessons on lessons/', () => {
  it('gives exactly what the CLI carries (the tests see the same define the build makes)', () => {
    const compiled = compileLessons(real);
    // Less the file name and the exercises' line numbers, which only the build's error messages use.
    const carried = JSON.stringify(compiled.lessons, function (this: object, key, value: unknown) {
      if (key === 'file' && 'steps' in this) return undefined;
      if (key === 'line' && 'prompt' in this) return undefined;
      return value;
    });
    expect(JSON.parse(carried)).toEqual(JSON.parse(JSON.stringify(compiledLessons())));
    expect(compiledLessons().every((l) => l.file === undefined && l.exercises.every((e) => e.line === undefined))).toBe(true);
    expect(compiled.lessons.length).toBe(real.length);
    expect(Object.keys(compiled.why)).toEqual([...WHY_STEPS]);
  });

  it('reads only NN-<id>.md files, in order (README.md is not a lesson)', () => {
    expect(real.map((f) => f.name)).toEqual([...real.map((f) => f.name)].sort());
    expect(real.every((f) => /^\d{2}-[a-z0-9-]+\.md$/.test(f.name))).toBe(true);
  });
});

describe('a broken lesson names its file and line', () => {
  it('a YAML syntax error in an exercise block', () => {
    const err = failure(withEdit('03-via-service.md', (t) => t.replace('kind: predict', 'kind: [predict')));
    expect(err.file).toBe('03-via-service.md');
    expect(err.message).toMatch(/^03-via-service\.md:\d+: exercise YAML: /);
    expect(err.line).toBeGreaterThanOrEqual(lineOf('03-via-service.md', 'kind: predict'));
  });

  it('a key given twice', () => {
    const at = lineOf('02-account-root.md', 'kind: ');
    const err = failure(withEdit('02-account-root.md', (t) => t.replace(/^kind: (\w+)$/m, 'kind: $1\nkind: $1')));
    expect(err.message).toMatch(/^02-account-root\.md:\d+: exercise YAML: .*(unique|duplicate)/i);
    expect(err.line).toBe(at + 1);
  });

  it('an anchor and alias (a lesson spells every value out)', () => {
    const err = failure(withEdit('01-two-policies.md', (t) => t.replace(/^title: (.*)$/m, 'title: &t $1\nsummary2: *t')));
    expect(err.message).toMatch(/^01-two-policies\.md:\d+: front matter YAML: /);
  });

  it('a front matter field the format does not have', () => {
    const err = failure(withEdit('01-two-policies.md', (t) => t.replace('minutes:', 'minute:')));
    expect(err.message).toMatch(/^01-two-policies\.md:2: unknown front matter field "minute"/);
  });

  it('two lessons with one number', () => {
    const files = [...real, { name: '03-another.md', text: real.find((f) => f.name === '03-via-service.md')!.text.replace('id: via-service', 'id: another') }];
    expect(failure(files.sort((a, b) => a.name.localeCompare(b.name))).message).toMatch(/lesson number 03 is also used by/);
  });
});

describe('the "why" sections', () => {
  const marked = real.find((f) => f.text.includes('<!-- why: regions -->'))!;

  it('a marker must sit right under its heading: one a line further down marks nothing', () => {
    const files = withEdit(marked.name, (t) => t.replace('<!-- why: regions -->', '\n<!-- why: regions -->'));
    expect(() => whySections(files)).toThrow(/no lesson explains the wizard step regions: mark a section with <!-- why: regions -->/);
  });

  it('each step is marked once', () => {
    const files = withEdit(marked.name, (t) => t.replace('<!-- why: regions -->', '<!-- why: services -->'));
    const err = (() => {
      try {
        whySections(files);
      } catch (e) {
        return e as LessonFormatError;
      }
    })();
    expect(err?.message).toMatch(/"why: services" is already marked in \d{2}-[a-z-]+\.md:\d+; mark each wizard step once/);
  });

  it('a marker names a wizard step', () => {
    const files = withEdit(marked.name, (t) => t.replace('<!-- why: regions -->', '<!-- why: region -->'));
    expect(() => whySections(files)).toThrow(/"why: region" names no wizard step/);
  });

  it('a section keeps its markdown, without heading, marker or exercise blocks', () => {
    const why = whySections(real).regions;
    expect(why.lessonId).toBe(marked.name.slice(3, -3));
    expect(why.body).not.toContain('<!--');
    expect(why.body).not.toContain('```exercise');
    expect(marked.text).toContain(`## ${why.title}\n<!-- why: regions -->`);
  });
});

describe('compiledLessons (what the CLI reads)', () => {
  it('each exercise step holds the same object as the lesson\'s exercises, as the parser made it', () => {
    for (const lesson of compiledLessons()) {
      const fromSteps = lesson.steps.flatMap((s) => (s.kind === 'exercise' ? [s.exercise] : []));
      expect(fromSteps).toHaveLength(lesson.exercises.length);
      fromSteps.forEach((e, i) => expect(e).toBe(lesson.exercises[i]));
    }
  });
});
