/**
 * Lesson progress as data, and the pure updates the runners make to it.
 * Reading and writing the file is progress-store.ts's job.
 */

/** What one lesson's learner has done so far. */
export interface LessonProgress {
  /** Ids of the exercises passed, in the order they were passed. */
  readonly completed: readonly string[];
  /** The step (page or exercise) the learner was last on, to resume there. */
  readonly step: number;
  readonly updatedAt: string;
}

/** The whole progress file. */
export interface Progress {
  readonly version: 1;
  readonly lessons: Readonly<Record<string, LessonProgress>>;
  /** The lesson opened last: the menu starts with it selected. */
  readonly lastLesson?: string;
}

export const EMPTY_PROGRESS: Progress = { version: 1, lessons: {} };

/** The result of validating parsed JSON as a progress file: the progress, or why it is not one. */
export type ProgressParse = { ok: true; progress: Progress } | { ok: false; reason: string; newerVersion?: boolean };

/** Checks the shape of a parsed progress file; lessons that no longer exist are kept as they are. */
export function parseProgress(data: unknown): ProgressParse {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'it is not a JSON object' };
  const obj = data as Record<string, unknown>;
  if (typeof obj.version === 'number' && obj.version > 1) {
    return { ok: false, newerVersion: true, reason: `it was written by a newer kms-wizard (format version ${obj.version})` };
  }
  if (obj.version !== 1) return { ok: false, reason: '"version" is not 1' };
  if (typeof obj.lessons !== 'object' || obj.lessons === null || Array.isArray(obj.lessons)) {
    return { ok: false, reason: '"lessons" is not an object' };
  }
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, value] of Object.entries(obj.lessons as Record<string, unknown>)) {
    const v = value as Record<string, unknown> | null;
    if (typeof v !== 'object' || v === null) return { ok: false, reason: `lesson "${id}" is not an object` };
    if (!Array.isArray(v.completed) || !v.completed.every((c) => typeof c === 'string')) {
      return { ok: false, reason: `lesson "${id}": "completed" is not a list of exercise ids` };
    }
    if (!Number.isInteger(v.step) || (v.step as number) < 0) return { ok: false, reason: `lesson "${id}": "step" is not a step number` };
    lessons[id] = { completed: v.completed as string[], step: v.step as number, updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : '' };
  }
  const lastLesson = typeof obj.lastLesson === 'string' ? obj.lastLesson : undefined;
  return { ok: true, progress: { version: 1, lessons, ...(lastLesson ? { lastLesson } : {}) } };
}

function lessonEntry(progress: Progress, lessonId: string): LessonProgress {
  return progress.lessons[lessonId] ?? { completed: [], step: 0, updatedAt: '' };
}

/** Records a passed exercise (idempotent). */
export function markCompleted(progress: Progress, lessonId: string, exerciseId: string, now: Date): Progress {
  const entry = lessonEntry(progress, lessonId);
  if (entry.completed.includes(exerciseId)) return progress;
  return withEntry(progress, lessonId, { ...entry, completed: [...entry.completed, exerciseId], updatedAt: now.toISOString() });
}

/** Records where the learner is, so a restart resumes there. */
export function setPosition(progress: Progress, lessonId: string, step: number, now: Date): Progress {
  const entry = lessonEntry(progress, lessonId);
  if (entry.step === step && progress.lastLesson === lessonId) return progress;
  return { ...withEntry(progress, lessonId, { ...entry, step, updatedAt: now.toISOString() }), lastLesson: lessonId };
}

function withEntry(progress: Progress, lessonId: string, entry: LessonProgress): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: entry } };
}

/** How many of a lesson's exercises are passed (ids no longer in the lesson do not count). */
export function completedCount(progress: Progress, lessonId: string, exerciseIds: readonly string[]): number {
  const done = new Set(progress.lessons[lessonId]?.completed ?? []);
  return exerciseIds.filter((id) => done.has(id)).length;
}

export function isExerciseDone(progress: Progress, lessonId: string, exerciseId: string): boolean {
  return progress.lessons[lessonId]?.completed.includes(exerciseId) ?? false;
}

/** The step to resume a lesson at (0 when never opened). */
export function resumeStep(progress: Progress, lessonId: string, stepCount: number): number {
  const step = progress.lessons[lessonId]?.step ?? 0;
  return Math.min(Math.max(0, step), Math.max(0, stepCount - 1));
}
