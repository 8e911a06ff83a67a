/** The lessons at a glance: what `learn --list` and the lesson-name lookup show. */
import type { Lesson, LessonHeader } from './types.js';

export interface LessonSummary extends LessonHeader {
  /** The exercises' ids, in order (what progress counts). */
  readonly exerciseIds: readonly string[];
  /** Pages + exercises. */
  readonly stepCount: number;
}

export function lessonSummaries(lessons: readonly Lesson[]): LessonSummary[] {
  return lessons.map(({ steps, exercises, ...header }) => ({ ...header, exerciseIds: exercises.map((e) => e.id), stepCount: steps.length }));
}
