/** The lessons at a glance: what `learn --list` and the lesson-name lookup show. */
import type { Lesson, LessonHeader } from './types.js';

export interface LessonSummary extends Pick<LessonHeader, 'id' | 'order' | 'title' | 'summary' | 'minutes'> {
  /** The exercises' ids, in order (what progress counts). */
  readonly exerciseIds: readonly string[];
  /** Pages + exercises. */
  readonly stepCount: number;
}

export function lessonSummaries(lessons: readonly Lesson[]): LessonSummary[] {
  return lessons.map(({ id, order, title, summary, minutes, steps, exercises }) => ({ id, order, title, summary, minutes, exerciseIds: exercises.map((e) => e.id), stepCount: steps.length }));
}

/**
 * The summaries as the build compiled them (scripts/build.mjs and
 * vitest.config.ts define them): `learn --list`, `--reset` and a lesson
 * name's lookup need no lesson's text, so they never load dist/lessons.cjs.
 */
declare const __KMS_WIZARD_LESSON_INDEX__: string;

let cache: readonly LessonSummary[] | undefined;

export function compiledLessonIndex(): readonly LessonSummary[] {
  cache ??= JSON.parse(__KMS_WIZARD_LESSON_INDEX__) as LessonSummary[];
  return cache;
}
