/**
 * The lessons as `npm run build` compiled them from lessons/*.md (see
 * src/lessons/compile.ts): already parsed and checked, so the CLI needs no
 * YAML reader and no lessons/ folder at run time.
 */
import type { Lesson } from './types.js';

/** The compiled lessons, as a JSON string (scripts/build.mjs and vitest.config.ts define it). */
declare const __KMS_WIZARD_LESSONS__: string;

let cache: readonly Lesson[] | undefined;

/** Every lesson, in order (parsed on the first call, then cached). */
export function compiledLessons(): readonly Lesson[] {
  cache ??= (JSON.parse(__KMS_WIZARD_LESSONS__) as Lesson[]).map(relinkExercises);
  return cache;
}

/**
 * JSON has no shared references: make each exercise step hold the very
 * object `exercises` holds, as the parser made it (the runner numbers an
 * exercise by its place in `exercises`).
 */
function relinkExercises(lesson: Lesson): Lesson {
  const byId = new Map(lesson.exercises.map((e) => [e.id, e]));
  const steps = lesson.steps.map((s) => (s.kind === 'exercise' ? { kind: s.kind, exercise: byId.get(s.exercise.id)! } : s));
  return { ...lesson, steps };
}
