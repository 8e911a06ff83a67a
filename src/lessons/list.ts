/** `learn --list`: the lessons and the learner's progress, as text or JSON (no TUI). */
import type { Style } from '../cli/style.js';
import { completedCount } from './progress.js';
import type { Progress } from './progress.js';
import type { LessonSummary } from './lesson-index.js';

/** One lesson in `learn --list --json`. */
export interface LessonListEntry {
  id: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  exercises: number;
  completed: number;
  done: boolean;
  /** The step a restart resumes at (1-based), and how many there are. */
  resumeStep: number;
  steps: number;
}

export interface LessonList {
  progressFile: string;
  done: number;
  total: number;
  lessons: LessonListEntry[];
  /** Set when the progress file could not be used (reported on stderr in text mode). */
  notice?: string;
}

export function lessonList(lessons: readonly LessonSummary[], progress: Progress, progressFile: string, notice?: string): LessonList {
  const entries = lessons.map((l): LessonListEntry => {
    const completed = completedCount(progress, l.id, l.exerciseIds);
    return {
      id: l.id,
      number: l.order,
      title: l.title,
      summary: l.summary,
      minutes: l.minutes,
      exercises: l.exerciseIds.length,
      completed,
      done: completed === l.exerciseIds.length,
      resumeStep: Math.min(progress.lessons[l.id]?.step ?? 0, l.stepCount - 1) + 1,
      steps: l.stepCount,
    };
  });
  return { progressFile, done: entries.filter((e) => e.done).length, total: entries.length, lessons: entries, ...(notice ? { notice } : {}) };
}

/** The list as text; `program` is how the user runs kms-wizard (`npx kms-wizard` under npx). */
export function formatLessonList(list: LessonList, style: Style, program = 'kms-wizard'): string {
  const idWidth = Math.max(...list.lessons.map((l) => l.id.length));
  const titleWidth = Math.max(...list.lessons.map((l) => l.title.length));
  const rows = list.lessons.map((l) => {
    const mark = l.done ? style.green('✓') : l.completed > 0 ? style.yellow('◐') : style.dim('·');
    return `  ${mark} ${String(l.number).padStart(2)}  ${style.cyan(l.id.padEnd(idWidth))}  ${l.title.padEnd(titleWidth)}  ${style.dim(`${l.completed}/${l.exercises}`)}`;
  });
  return [
    `${style.bold('kms-wizard lessons')}: ${list.done} of ${list.total} done (progress: ${list.progressFile})`,
    '',
    ...rows,
    '',
    `Open one with ${style.bold(`${program} learn <id or number>`)}, or pick from the menu with ${style.bold(`${program} learn`)}.`,
  ].join('\n');
}
