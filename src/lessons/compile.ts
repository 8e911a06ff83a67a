/**
 * Build time only (scripts/build.mjs, and vitest.config.ts for the tests):
 * reads lessons/*.md with the yaml package and the markdown splitter, checks
 * every lesson and exercise, and returns what the CLI carries in its bundle:
 * the parsed lessons and the wizard's "why" sections. A mistake is a
 * LessonFormatError naming the file and line, and the build stops on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LessonFormatError } from './lesson-format-error.js';
import { lessonSummaries } from './lesson-index.js';
import { splitLessonFile } from './markdown-sections.js';
import { LESSON_FILE_PATTERN, parseLesson } from './parse-lesson.js';
import type { Lesson } from './types.js';
import { WHY_STEPS, type WhyPage, type WhyStep, type WhyText } from './why-steps.js';

/** One lesson file: its name (NN-<id>.md) and text. */
export interface LessonFile {
  readonly name: string;
  readonly text: string;
}

export interface CompiledLessons {
  readonly lessons: readonly Lesson[];
  readonly why: Readonly<Record<WhyStep, WhyText>>;
}

/** The lesson files of a directory (NN-<id>.md; README.md and others are not lessons), in lesson order. */
export function readLessonFiles(dir: string): LessonFile[] {
  return readdirSync(dir)
    .filter((f) => LESSON_FILE_PATTERN.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Parses and checks every lesson; throws LessonFormatError on the first mistake. */
export function compileLessons(files: readonly LessonFile[]): CompiledLessons {
  const lessons = files.map((f) => parseLesson(f.text, f.name));
  const byNumber = new Map<number, string>();
  files.forEach((f, i) => {
    const { order } = lessons[i]!;
    const other = byNumber.get(order);
    if (other) throw new LessonFormatError(f.name, 1, `lesson number ${String(order).padStart(2, '0')} is also used by ${other}`);
    byNumber.set(order, f.name);
  });
  if (lessons.length === 0) throw new Error('no lessons found (files named NN-<id>.md)');
  return { lessons, why: whySections(files) };
}

/**
 * The wizard's "why" panels: the `## ` section marked `<!-- why: <step> -->`
 * right under its heading, for every step in WHY_STEPS, each exactly once.
 */
export function whySections(files: readonly LessonFile[]): Record<WhyStep, WhyText> {
  const found = new Map<string, WhyText & { at: string }>();
  for (const f of files) {
    const lessonId = f.name.slice(3, -3);
    for (const section of splitLessonFile(f.text)?.sections ?? []) {
      if (!section.why) continue;
      const fail = (problem: string): never => {
        throw new LessonFormatError(f.name, section.line + 1, problem);
      };
      if (!(WHY_STEPS as readonly string[]).includes(section.why)) fail(`"why: ${section.why}" names no wizard step (steps: ${WHY_STEPS.join(', ')})`);
      const earlier = found.get(section.why);
      if (earlier) fail(`"why: ${section.why}" is already marked in ${earlier.at}; mark each wizard step once`);
      found.set(section.why, { title: section.title!, body: section.markdown, lessonId, at: `${f.name}:${section.line + 1}` });
    }
  }
  const missing = WHY_STEPS.filter((s) => !found.has(s));
  if (missing.length > 0) {
    throw new Error(`no lesson explains the wizard step${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: mark a section with <!-- why: ${missing[0]} --> on the line under its ## heading`);
  }
  return Object.fromEntries(WHY_STEPS.map((s) => [s, panel(found.get(s)!)])) as Record<WhyStep, WhyText>;
}

const panel = ({ title, body, lessonId }: WhyText): WhyText => ({ title, body, lessonId });

/** The build's `define` entries that carry the compiled lessons into the code (read by compiled-lessons.ts and why.ts). */
export function lessonDefines(compiled: CompiledLessons): Record<string, string> {
  return {
    // An exercise step names its exercise by id (compiled-lessons.ts links it
    // back): written out twice it would only make the package bigger.
    __KMS_WIZARD_LESSONS__: JSON.stringify(
      JSON.stringify(compiled.lessons.map(({ file: _file, ...l }) => ({
        ...l,
        exercises: l.exercises.map(({ line: _line, ...e }) => e),
        steps: l.steps.map((s) => (s.kind === 'exercise' ? { kind: s.kind, exercise: { id: s.exercise.id } } : s)),
      }))),
    ),
    __KMS_WIZARD_LESSON_INDEX__: JSON.stringify(JSON.stringify(lessonSummaries(compiled.lessons))),
    // Each panel is one page of a lesson: the bundle carries where it is,
    // and why.ts reads the text from the compiled lessons.
    __KMS_WIZARD_WHY__: JSON.stringify(JSON.stringify(whyPages(compiled))),
  };
}

/** Where each "why" panel is among the compiled lessons: its lesson and the index of the page that is its section. */
export function whyPages(compiled: CompiledLessons): Record<WhyStep, WhyPage> {
  return Object.fromEntries(
    WHY_STEPS.map((s) => {
      const { title, body, lessonId } = compiled.why[s];
      const lesson = compiled.lessons.find((l) => l.id === lessonId);
      const step = lesson?.steps.findIndex((p) => p.kind === 'page' && p.title === title && p.markdown === body) ?? -1;
      if (step < 0) throw new Error(`the "why: ${s}" section "${title}" is not one page of lesson ${lessonId}: mark a whole ## section (a page) for it`);
      return [s, { lessonId, step }];
    }),
  ) as Record<WhyStep, WhyPage>;
}
