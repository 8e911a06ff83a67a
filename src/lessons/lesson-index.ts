/**
 * The lessons at a glance, without parsing their exercises: what `learn
 * --list` and the lesson-name lookup need. Parsing every exercise's YAML
 * costs most of a second; this reads front matter and counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonFiles } from './load-lessons.js';
import { parseLessonHeader } from './parse-lesson.js';
import type { LessonHeader } from './types.js';

export interface LessonSummary extends LessonHeader {
  /** The exercises' ids, in order (what progress counts). */
  readonly exerciseIds: readonly string[];
  /** Pages + exercises. */
  readonly stepCount: number;
}

const EXERCISE_ID = /^id:\s*['"]?([^'"\s]+)/m;

export function readLessonIndex(dir: string): LessonSummary[] {
  return lessonFiles(dir).map((file) => {
    const { header, split } = parseLessonHeader(readFileSync(join(dir, file), 'utf8'), file);
    let stepCount = 0;
    const exerciseIds: string[] = [];
    for (const section of split.sections) {
      if (section.markdown !== '') stepCount++;
      for (const block of section.exercises) {
        stepCount++;
        exerciseIds.push(EXERCISE_ID.exec(block.text)?.[1] ?? '');
      }
    }
    return { ...header, exerciseIds, stepCount };
  });
}
