/**
 * The lesson runner as a pure state machine: every key press is an action,
 * the reducer computes the next state (including answer checking, which is
 * pure). Ink only draws it; selection state never lives in a render closure,
 * so fast key bursts cannot be lost (see ENGINEERING.md, Ink traps).
 */
import { checkAnswer, policyText, predictChoices, type CheckResult } from '../check.js';
import { markCompleted, resumeStep, setPosition, type Progress } from '../progress.js';
import type { Exercise, Lesson } from '../types.js';
import { createEditor, editKey, editorText, type EditorState } from './inline-editor.js';
import type { KeyPress } from './keys.js';
import { currentExercise, draftKey, type ExerciseUi, type RunnerAction, type RunnerDeps, type RunnerState, type View } from './model.js';
import { normalizeScroll, screenOf } from './screen.js';

const NEW_EXERCISE: ExerciseUi = { cursor: 0, marked: [], hints: 0 };

export interface InitialOptions {
  readonly progress: Progress;
  readonly notices?: readonly string[];
  /** Open this lesson (at its saved step) instead of the menu. */
  readonly lessonId?: string;
  readonly cols: number;
  readonly rows: number;
}

export function initialState(deps: RunnerDeps, opts: InitialOptions): RunnerState {
  const base: RunnerState = {
    view: { kind: 'menu', cursor: Math.max(0, deps.lessons.findIndex((l) => l.id === opts.progress.lastLesson)) },
    progress: opts.progress,
    drafts: {},
    scroll: 0,
    cols: opts.cols,
    rows: opts.rows,
    notices: opts.notices ?? [],
  };
  const index = opts.lessonId === undefined ? -1 : deps.lessons.findIndex((l) => l.id === opts.lessonId);
  const state = index >= 0 ? openLesson(base, deps, index) : base;
  return normalizeScroll(state, screenOf(state, deps), true);
}

/** Makes the reducer for one set of lessons. */
export function createReducer(deps: RunnerDeps) {
  return function reduce(state: RunnerState, action: RunnerAction): RunnerState {
    let follow = true;
    let next: RunnerState;
    switch (action.type) {
      case 'editor-cancelled':
        next = { ...state, editorRequest: undefined, flash: action.message };
        break;
      case 'resize':
        next = { ...state, cols: action.cols, rows: action.rows };
        break;
      case 'notice':
        // A failing save reports on every save: show each message once.
        next = state.notices.includes(action.text) ? state : { ...state, notices: [...state.notices, action.text] };
        break;
      case 'edited':
        next = afterEdit(state, deps, action.text);
        break;
      case 'editor-failed':
        next = openInlineEditor({ ...state, editorRequest: undefined, flash: `${action.message} Using the built-in editor instead.` }, deps);
        break;
      case 'key': {
        if (state.exit) return state;
        const key = action.key;
        if (key.name === 'ctrl' && key.char === 'c') return { ...state, exit: 'cancel' };
        // Several characters at once outside the editor: replay them one by one.
        if (key.name === 'text' && key.text.length > 1 && !editorOpen(state)) {
          return [...key.text].reduce((s, c) => reduce(s, { type: 'key', key: c === ' ' ? { name: 'space' } : { name: 'text', text: c } }), state);
        }
        if (key.name === 'pageup' || key.name === 'pagedown') {
          if (!editorOpen(state)) {
            const page = Math.max(1, state.rows - 6);
            return normalizeScroll({ ...state, flash: undefined, scroll: state.scroll + (key.name === 'pageup' ? -page : page) }, screenOf(state, deps), false);
          }
        }
        const cleared = state.flash ? { ...state, flash: undefined } : state;
        const r = onKey(cleared, deps, key);
        next = r.state;
        follow = r.follow;
        break;
      }
    }
    return normalizeScroll(next, screenOf(next, deps), follow);
  };
}

function editorOpen(state: RunnerState): boolean {
  return state.view.kind === 'step' && state.view.ex.editor !== undefined;
}



type KeyResult = { state: RunnerState; follow: boolean };
const moved = (state: RunnerState): KeyResult => ({ state, follow: true });
const scrolled = (state: RunnerState): KeyResult => ({ state, follow: false });

function onKey(state: RunnerState, deps: RunnerDeps, key: KeyPress): KeyResult {
  const view = state.view;
  if (view.kind === 'step' && view.ex.editor) return moved(onEditorKey(state, deps, key, view.ex.editor));
  const char = key.name === 'text' ? key.text : '';
  if (char === 'q') return moved({ ...state, exit: 'quit' });
  switch (view.kind) {
    case 'menu':
      return moved(onMenuKey(state, deps, key, view.cursor));
    case 'done':
      if (key.name === 'enter' || key.name === 'right') {
        return moved(view.lesson + 1 < deps.lessons.length ? openLesson(state, deps, view.lesson + 1) : toMenu(state, view.lesson));
      }
      if (key.name === 'escape' || key.name === 'left' || char === 'm') return moved(toMenu(state, view.lesson));
      return moved(state);
    case 'step':
      if (char === 'm') return moved(toMenu(state, view.lesson));
      return onStepKey(state, deps, key, view);
  }
}

function onMenuKey(state: RunnerState, deps: RunnerDeps, key: KeyPress, cursor: number): RunnerState {
  const char = key.name === 'text' ? key.text : '';
  const last = deps.lessons.length - 1;
  if (key.name === 'up' || char === 'k') return { ...state, view: { kind: 'menu', cursor: Math.max(0, cursor - 1) } };
  if (key.name === 'down' || char === 'j') return { ...state, view: { kind: 'menu', cursor: Math.min(last, cursor + 1) } };
  if (key.name === 'home') return { ...state, view: { kind: 'menu', cursor: 0 } };
  if (key.name === 'end') return { ...state, view: { kind: 'menu', cursor: last } };
  if (/^[1-9]$/.test(char) && Number(char) - 1 <= last) return { ...state, view: { kind: 'menu', cursor: Number(char) - 1 } };
  if (key.name === 'enter' || key.name === 'right' || key.name === 'space') return openLesson(state, deps, cursor);
  if (key.name === 'escape') return { ...state, exit: 'quit' };
  if (char === 'h' || char === '?') return { ...state, flash: 'Choose a lesson with ↑/↓ (or its number) and press Enter. Progress is saved as you go.' };
  return state;
}

function onStepKey(state: RunnerState, deps: RunnerDeps, key: KeyPress, view: Extract<View, { kind: 'step' }>): KeyResult {
  const lesson = deps.lessons[view.lesson]!;
  const step = lesson.steps[view.step]!;
  const char = key.name === 'text' ? key.text : '';
  const back = () => moved(view.step === 0 ? toMenu(state, view.lesson) : goToStep(state, deps, view.lesson, view.step - 1));
  const forward = () => moved(goToStep(state, deps, view.lesson, view.step + 1));

  if (step.kind === 'page') {
    if (key.name === 'enter' || key.name === 'right' || key.name === 'space' || char === 'n') return forward();
    if (key.name === 'escape' || key.name === 'left' || char === 'b') return back();
    if (key.name === 'up' || char === 'k') return scrolled({ ...state, scroll: state.scroll - 1 });
    if (key.name === 'down' || char === 'j') return scrolled({ ...state, scroll: state.scroll + 1 });
    if (key.name === 'home') return scrolled({ ...state, scroll: 0 });
    if (key.name === 'end') return scrolled({ ...state, scroll: Number.MAX_SAFE_INTEGER });
    if (char === 'h') return moved({ ...state, flash: 'Hints are for exercises; press Enter to read on.' });
    return moved(state);
  }

  const ex = step.exercise;
  const ui = view.ex;
  const setUi = (patch: Partial<ExerciseUi>): RunnerState => ({ ...state, view: { ...view, ex: { ...ui, ...patch } } });
  const passed = ui.result?.passed === true;

  if (key.name === 'escape' || char === 'b') return back();
  if (char === 'n') return forward();
  if (char === 'h') return moved(setUi({ hints: (ui.hints % ex.hints.length) + 1 }));

  if (ex.kind === 'predict' || ex.kind === 'choose') {
    const count = ex.kind === 'predict' ? predictChoices(ex).length : ex.options.length;
    // The choices are pinned (always visible): moving among them leaves the scroll alone.
    if (key.name === 'up' || char === 'k') return scrolled(setUi({ cursor: Math.max(0, ui.cursor - 1) }));
    if (key.name === 'down' || char === 'j') return scrolled(setUi({ cursor: Math.min(count - 1, ui.cursor + 1) }));
    if (/^[1-9]$/.test(char) && Number(char) <= count) return scrolled(setUi({ cursor: Number(char) - 1 }));
    if (key.name === 'home' || key.name === 'end') return scrolled(setUi({ cursor: key.name === 'home' ? 0 : count - 1 }));
    if (key.name === 'enter' || key.name === 'space') {
      if (passed && ui.answered === ui.cursor) return forward();
      const answer = ex.kind === 'predict' ? { kind: 'predict' as const, choice: predictChoices(ex)[ui.cursor]! } : { kind: 'choose' as const, option: ui.cursor };
      return moved(recordResult(state, deps, lesson, ex, setUi, checkAnswer(ex, answer, deps.engine), ui, { answered: ui.cursor }));
    }
    return moved(state);
  }

  if (ex.kind === 'spot') {
    const lines = policyText(ex, ex.target)!.replace(/\n$/, '').split('\n').length;
    if (key.name === 'up' || char === 'k') return moved(setUi({ cursor: Math.max(0, ui.cursor - 1) }));
    if (key.name === 'down' || char === 'j') return moved(setUi({ cursor: Math.min(lines - 1, ui.cursor + 1) }));
    if (key.name === 'home' || key.name === 'end') return moved(setUi({ cursor: key.name === 'home' ? 0 : lines - 1 }));
    if (key.name === 'space' || char === 'x') {
      const n = ui.cursor + 1;
      const marked = ui.marked.includes(n) ? ui.marked.filter((m) => m !== n) : [...ui.marked, n].sort((a, b) => a - b);
      return moved(setUi({ marked, result: undefined }));
    }
    if (key.name === 'enter') {
      if (passed) return forward();
      return moved(recordResult(state, deps, lesson, ex, setUi, checkAnswer(ex, { kind: 'spot', lines: ui.marked }, deps.engine), ui, {}));
    }
    return moved(state);
  }

  // fix
  if (key.name === 'enter' && passed) return forward();
  if (key.name === 'enter' || char === 'e') return moved(startEditing(state, deps));
  if (char === 'r') {
    const { [draftKey(lesson, ex)]: _dropped, ...drafts } = state.drafts;
    return moved({ ...setUi({ result: undefined }), drafts, flash: 'The policy is back to how the exercise started.' });
  }
  if (key.name === 'up' || char === 'k') return scrolled({ ...state, scroll: state.scroll - 1 });
  if (key.name === 'down' || char === 'j') return scrolled({ ...state, scroll: state.scroll + 1 });
  return moved(state);
}

/** Stores a check result; a pass is saved in progress, a miss shows the next hint. */
function recordResult(
  state: RunnerState,
  deps: RunnerDeps,
  lesson: Lesson,
  ex: Exercise,
  setUi: (patch: Partial<ExerciseUi>) => RunnerState,
  result: CheckResult,
  ui: ExerciseUi,
  extra: Partial<ExerciseUi>,
): RunnerState {
  const hints = result.passed ? ui.hints : Math.min(ex.hints.length, ui.hints + 1);
  const next = setUi({ ...extra, result, hints });
  return result.passed ? { ...next, progress: markCompleted(next.progress, lesson.id, ex.id, deps.now()) } : next;
}

function startEditing(state: RunnerState, deps: RunnerDeps): RunnerState {
  const current = currentExercise(state, deps);
  if (!current || current.exercise.kind !== 'fix') return state;
  const text = state.drafts[draftKey(current.lesson, current.exercise)] ?? policyText(current.exercise, current.exercise.edit)!;
  if (deps.editorName) {
    const fileName = current.exercise.edit === 'key' ? 'key-policy.json' : 'iam-policy.json';
    return { ...state, editorRequest: { text, fileName } };
  }
  return openInlineEditor(state, deps);
}

function openInlineEditor(state: RunnerState, deps: RunnerDeps): RunnerState {
  const current = currentExercise(state, deps);
  if (!current || current.exercise.kind !== 'fix' || state.view.kind !== 'step') return state;
  const text = state.drafts[draftKey(current.lesson, current.exercise)] ?? policyText(current.exercise, current.exercise.edit)!;
  return { ...state, view: { ...state.view, ex: { ...current.ui, editor: createEditor(text) } } };
}

function onEditorKey(state: RunnerState, deps: RunnerDeps, key: KeyPress, editor: EditorState): RunnerState {
  const view = state.view as Extract<View, { kind: 'step' }>;
  if (key.name === 'ctrl' && (key.char === 's' || key.char === 'd')) {
    return afterEdit({ ...state, view: { ...view, ex: { ...view.ex, editor: undefined } } }, deps, editorText(editor));
  }
  if (key.name === 'escape') {
    return { ...state, view: { ...view, ex: { ...view.ex, editor: undefined } }, flash: 'Edit discarded.' };
  }
  return { ...state, view: { ...view, ex: { ...view.ex, editor: editKey(editor, key) } } };
}

/** The learner finished editing: keep the draft and check it right away. */
function afterEdit(state: RunnerState, deps: RunnerDeps, text: string): RunnerState {
  const cleared = { ...state, editorRequest: undefined };
  const current = currentExercise(cleared, deps);
  if (!current || current.exercise.kind !== 'fix' || cleared.view.kind !== 'step') return cleared;
  const { lesson, exercise, ui } = current;
  const view = cleared.view;
  const withDraft = { ...cleared, drafts: { ...cleared.drafts, [draftKey(lesson, exercise)]: text } };
  const setUi = (patch: Partial<ExerciseUi>): RunnerState => ({ ...withDraft, view: { ...view, ex: { ...ui, ...patch } } });
  return recordResult(withDraft, deps, lesson, exercise, setUi, checkAnswer(exercise, { kind: 'fix', text }, deps.engine), ui, {});
}

function openLesson(state: RunnerState, deps: RunnerDeps, index: number): RunnerState {
  const lesson = deps.lessons[index]!;
  return goToStep({ ...state, scroll: 0 }, deps, index, resumeStep(state.progress, lesson.id, lesson.steps.length));
}

function goToStep(state: RunnerState, deps: RunnerDeps, lessonIndex: number, step: number): RunnerState {
  const lesson = deps.lessons[lessonIndex]!;
  if (step >= lesson.steps.length) {
    // Finished: the next visit starts from the top.
    return { ...state, scroll: 0, view: { kind: 'done', lesson: lessonIndex }, progress: setPosition(state.progress, lesson.id, 0, deps.now()) };
  }
  return {
    ...state,
    scroll: 0,
    view: { kind: 'step', lesson: lessonIndex, step, ex: NEW_EXERCISE },
    progress: setPosition(state.progress, lesson.id, step, deps.now()),
  };
}

function toMenu(state: RunnerState, lessonIndex: number): RunnerState {
  return { ...state, scroll: 0, view: { kind: 'menu', cursor: lessonIndex } };
}
