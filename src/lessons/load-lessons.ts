import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSON_FILE_PATTERN, parseLesson } from './parse-lesson.js';
import type { Lesson } from './types.js';

/** The lesson file names in a directory, in lesson order. */
export function lessonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => LESSON_FILE_PATTERN.test(f))
    .sort();
}

/** Reads and parses every lesson in `dir`, in order; throws LessonFormatError on the first bad file. */
export function loadLessons(dir: string): Lesson[] {
  const lessons = lessonFiles(dir).map((f) => parseLesson(readFileSync(join(dir, f), 'utf8'), f));
  const seen = new Set<number>();
  for (const l of lessons) {
    if (seen.has(l.order)) throw new Error(`two lessons have the number ${String(l.order).padStart(2, '0')} in ${dir}`);
    seen.add(l.order);
  }
  return lessons;
}
