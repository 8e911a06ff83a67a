import { splitLessonFile, type SplitFile } from './markdown-sections.js';
import { LessonFormatError } from './lesson-format-error.js';
import { parseLessonYaml } from './lesson-yaml.js';
import { ID_PATTERN, parseExercise } from './parse-exercise.js';
import type { Exercise, Lesson, LessonHeader, Step } from './types.js';

/** `03-via-service.md`: the order, then the lesson id. */
export const LESSON_FILE_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const FRONT_MATTER_FIELDS = ['id', 'title', 'summary', 'minutes', 'sources'];

/** A lesson file's front matter, checked, and the file split into sections. */
export function parseLessonHeader(text: string, fileName: string): { header: LessonHeader; split: SplitFile } {
  const nameMatch = LESSON_FILE_PATTERN.exec(fileName);
  if (!nameMatch) throw new LessonFormatError(fileName, 1, 'lesson files are named NN-<id>.md, e.g. 03-via-service.md');
  const split = splitLessonFile(text);
  if (!split) throw new LessonFormatError(fileName, 1, 'a lesson starts with front matter between two "---" lines');
  const fail = (problem: string): never => {
    throw new LessonFormatError(fileName, split.frontMatterLine, problem);
  };

  const fm = parseLessonYaml(split.frontMatter, fileName, split.frontMatterLine, 'front matter') as Record<string, unknown> | null;
  if (typeof fm !== 'object' || fm === null || Array.isArray(fm)) return fail('front matter must be key: value lines');
  for (const key of Object.keys(fm)) if (!FRONT_MATTER_FIELDS.includes(key)) fail(`unknown front matter field "${key}" (allowed: ${FRONT_MATTER_FIELDS.join(', ')})`);
  const text_ = (field: string): string => {
    const v = fm[field];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : fail(`front matter needs "${field}" (text)`);
  };
  const id = text_('id');
  if (!ID_PATTERN.test(id)) fail(`id "${id}" must be lower-case words joined by dashes`);
  if (id !== nameMatch[2]) fail(`id "${id}" does not match the file name (expected "${nameMatch[2]}")`);
  const minutes = fm.minutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes <= 0) fail('front matter needs "minutes" (a whole number)');
  const sources = fm.sources;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string' && /^https:\/\//.test(s))) {
    fail('front matter needs "sources": a list of https:// documentation pages the lesson rests on');
  }
  const header: LessonHeader = {
    id,
    order: Number(nameMatch[1]),
    title: text_('title'),
    summary: text_('summary'),
    minutes: minutes as number,
    sources: sources as string[],
    file: fileName,
  };
  return { header, split };
}

/** Parses one lesson file's text; throws LessonFormatError naming the file and line of any mistake. */
export function parseLesson(text: string, fileName: string): Lesson {
  const { header, split } = parseLessonHeader(text, fileName);
  const fail = (problem: string, line: number): never => {
    throw new LessonFormatError(fileName, line, problem);
  };
  const steps: Step[] = [];
  const exercises: Exercise[] = [];
  for (const section of split.sections) {
    if (section.markdown !== '') steps.push({ kind: 'page', title: section.title ?? header.title, markdown: section.markdown });
    for (const block of section.exercises) {
      const exercise = parseExercise(block.text, fileName, block.line);
      if (exercises.some((e) => e.id === exercise.id)) fail(`two exercises have the id "${exercise.id}"`, block.line);
      exercises.push(exercise);
      steps.push({ kind: 'exercise', exercise });
    }
  }
  if (exercises.length < 2) fail('a lesson needs at least two exercises', 1);

  return { ...header, steps, exercises };
}
