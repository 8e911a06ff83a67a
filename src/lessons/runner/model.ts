/**
 * The lesson runner's state, as data: shared by the reducer (state.ts), the
 * layout (screen.ts) and the Ink view.
 */
import type { CheckResult } from '../check.js';
import type { Engine } from '../engine.js';
import type { Progress } from '../progress.js';
import type { Exercise, Lesson } from '../types.js';
import type { EditorState } from './inline-editor.js';
import type { KeyPress } from './keys.js';

/** What the runner needs from outside: the lessons, the engine, a clock, the editor choice. */
export interface RunnerDeps {
  readonly lessons: readonly Lesson[];
  readonly engine: Engine;
  readonly now: () => Date;
  /** The external editor command ($VISUAL/$EDITOR); undefined means the inline editor. */
  readonly editorName?: string;
}

/** Per-exercise interaction state; reset when the learner leaves the step. */
export interface ExerciseUi {
  /** Selected choice (predict/choose) or policy line index (spot). */
  readonly cursor: number;
  /** Spot: the marked line numbers (1-based). */
  readonly marked: readonly number[];
  /** How many hints have been shown (the last one is on screen). */
  readonly hints: number;
  readonly result?: CheckResult;
  /** The choice the result is for. */
  readonly answered?: number;
  /** Fix: the inline editor, while it is open. */
  readonly editor?: EditorState;
}

export type View =
  | { readonly kind: 'menu'; readonly cursor: number }
  | { readonly kind: 'step'; readonly lesson: number; readonly step: number; readonly ex: ExerciseUi }
  | { readonly kind: 'done'; readonly lesson: number };

export interface RunnerState {
  readonly view: View;
  readonly progress: Progress;
  /** Fix exercises: the learner's edited text, by "lesson/exercise". */
  readonly drafts: Readonly<Record<string, string>>;
  /** First visible line of the scrollable part of the screen. */
  readonly scroll: number;
  readonly cols: number;
  readonly rows: number;
  /** Lasting messages (a corrupt progress file, a failed save). */
  readonly notices: readonly string[];
  /** A one-keypress message ("no hints on reading pages"). */
  readonly flash?: string;
  /** Set when the host must open the external editor on this text. */
  readonly editorRequest?: { readonly text: string; readonly fileName: string };
  /** Set when the runner should end: `quit` exits 0, `cancel` (Ctrl-C) exits 130. */
  readonly exit?: 'quit' | 'cancel';
}

export type RunnerAction =
  | { readonly type: 'key'; readonly key: KeyPress }
  | { readonly type: 'edited'; readonly text: string }
  /** The external editor could not start: fall back to the inline editor. */
  | { readonly type: 'editor-failed'; readonly message: string }
  /** The external editor exited with an error: nothing to check. */
  | { readonly type: 'editor-cancelled'; readonly message: string }
  | { readonly type: 'resize'; readonly cols: number; readonly rows: number }
  | { readonly type: 'notice'; readonly text: string };

/** Where a fix exercise's draft is kept in `RunnerState.drafts`. */
export function draftKey(lesson: Lesson, exercise: Exercise): string {
  return `${lesson.id}/${exercise.id}`;
}

/** The lesson and exercise of the current step, when it is an exercise. */
export function currentExercise(state: RunnerState, deps: RunnerDeps): { lesson: Lesson; exercise: Exercise; ui: ExerciseUi } | undefined {
  if (state.view.kind !== 'step') return undefined;
  const lesson = deps.lessons[state.view.lesson]!;
  const step = lesson.steps[state.view.step]!;
  return step.kind === 'exercise' ? { lesson, exercise: step.exercise, ui: state.view.ex } : undefined;
}
