/**
 * What the runner shows for a state, as styled lines: a header, a scrollable
 * context (the lesson text, the policies), a pinned part that stays in view
 * (choices, feedback, hints) and a footer of keys. Pure, so the reducer can
 * use the layout to keep the cursor visible, and tests can read the screen.
 */
import { CHOICE_LABELS, policyName, policyText, predictChoices } from '../check.js';
import { inlineSpans, markdownLines } from '../markdown-lines.js';
import { completedCount, isExerciseDone } from '../progress.js';
import { describeRequest, principalLabel, resolveRequest } from '../request.js';
import { BLANK, codeChunks, continuationColumn, line, span, wrapCode, wrapSpans, type Line, type Span } from '../styled-text.js';
import type { Exercise, Lesson } from '../types.js';
import type { EditorState } from './inline-editor.js';
import { currentExercise, draftKey, type ExerciseUi, type RunnerDeps, type RunnerState } from './model.js';

export interface Screen {
  readonly header: readonly Line[];
  readonly context: readonly Line[];
  readonly pinned: readonly Line[];
  readonly footer: readonly Line[];
  /** Context lines that must stay visible (the cursor), first and last. */
  readonly focus?: readonly [number, number];
}

/** How the rows are shared: the pinned part gets what it needs, up to 60% of the body. */
export function viewport(screen: Screen, rows: number): { contextHeight: number; pinnedHeight: number } {
  // One row spare: Ink clears the whole terminal when a frame is as tall as it.
  const body = Math.max(4, rows - 1 - screen.header.length - screen.footer.length);
  const pinnedHeight = Math.min(screen.pinned.length, Math.max(3, Math.floor(body * 0.6)));
  return { contextHeight: Math.max(1, body - pinnedHeight), pinnedHeight };
}

/** Clamps the scroll position; with `follow`, moves it so the focus is visible. */
export function normalizeScroll<S extends { scroll: number; rows: number }>(state: S, screen: Screen, follow: boolean): S {
  const { contextHeight } = viewport(screen, state.rows);
  const max = Math.max(0, screen.context.length - contextHeight);
  let scroll = state.scroll;
  if (follow && screen.focus) {
    const [first, last] = screen.focus;
    if (last >= scroll + contextHeight) scroll = last - contextHeight + 1;
    if (first < scroll) scroll = first;
  }
  scroll = Math.min(Math.max(0, scroll), max);
  return scroll === state.scroll ? state : { ...state, scroll };
}

export function screenOf(state: RunnerState, deps: RunnerDeps): Screen {
  const width = Math.max(40, state.cols - 1);
  const footerExtra: Line[] = [
    ...(state.flash ? wrapSpans([span(state.flash, 'accent')], width) : []),
    ...state.notices.flatMap((n) => wrapSpans([span(n, 'bad')], width)),
  ];
  const view = state.view;
  if (view.kind === 'menu') {
    const s = menuScreen(state, deps, view.cursor, width);
    return { ...s, footer: [...footerExtra, keys('↑↓ choose · Enter open · q quit')] };
  }
  const lesson = deps.lessons[view.lesson]!;
  if (view.kind === 'done') {
    return { ...doneScreen(state, deps, view.lesson, width), footer: [...footerExtra, keys('Enter next lesson · Esc menu · q quit')] };
  }
  const step = lesson.steps[view.step]!;
  const header = [
    [
      span(`Lesson ${lesson.order}/${deps.lessons.length} `, 'dim'),
      span(lesson.title, 'heading'),
      span(`  step ${view.step + 1}/${lesson.steps.length}`, 'dim'),
    ],
  ];
  if (step.kind === 'page') {
    return {
      header,
      context: [line(step.title, 'heading'), BLANK, ...markdownLines(step.markdown, width)],
      pinned: [],
      footer: [...footerExtra, keys('Enter next · Esc back · ↑↓ scroll · m menu · q quit')],
    };
  }
  const current = currentExercise(state, deps)!;
  const s = exerciseScreen(state, deps, current.lesson, current.exercise, current.ui, width);
  return { header, ...s, footer: [...footerExtra, keys(exerciseKeys(current.exercise, current.ui))] };
}

const keys = (text: string): Line => line(text, 'dim');

function exerciseKeys(ex: Exercise, ui: ExerciseUi): string {
  // At most ~69 columns, so the keys line and a scroll hint fit 80 columns.
  if (ui.editor) return 'Ctrl-S (or Ctrl-D) check · Esc discard changes · arrows move';
  if (ui.result?.passed) return 'Enter continue · h hint · Esc back · m menu · q quit';
  switch (ex.kind) {
    case 'predict':
    case 'choose':
      return '↑↓ choose · Enter answer · h hint · n skip · Esc back · q quit';
    case 'spot':
      return '↑↓ move · space mark · Enter check · h hint · Esc back · q quit';
    case 'fix':
      return 'Enter edit · r reset · h hint · n skip · Esc back · q quit';
  }
}

function menuScreen(state: RunnerState, deps: RunnerDeps, cursor: number, width: number): Omit<Screen, 'footer'> {
  const done = deps.lessons.filter((l) => completedCount(state.progress, l.id, l.exercises.map((e) => e.id)) === l.exercises.length).length;
  const header = [[span('kms-wizard learn', 'heading'), span(`  ${done} of ${deps.lessons.length} lessons done`, 'dim')]];
  const context: Line[] = [];
  deps.lessons.forEach((l, i) => {
    const total = l.exercises.length;
    const passed = completedCount(state.progress, l.id, l.exercises.map((e) => e.id));
    const mark = passed === total ? span('✓', 'ok') : passed > 0 ? span('◐', 'accent') : span('·', 'dim');
    const selected = i === cursor;
    const count = `${passed}/${total}`;
    const title = `${String(l.order).padStart(2)}. ${l.title}`;
    const room = Math.max(10, width - 6 - count.length - 1);
    const shown = title.length > room ? `${title.slice(0, room - 1)}…` : title.padEnd(room);
    context.push([span(selected ? '› ' : '  ', 'cursor'), mark, span(' '), span(shown, selected ? 'bold' : 'plain'), span(` ${count}`, 'dim')]);
  });
  const l = deps.lessons[cursor]!;
  const saved = state.progress.lessons[l.id]?.step ?? 0;
  const pinned = [
    BLANK,
    ...wrapSpans([span(l.summary)], width),
    line(`about ${l.minutes} min · ${l.exercises.length} exercises${saved > 0 ? ` · resumes at step ${saved + 1} of ${l.steps.length}` : ''}`, 'dim'),
  ];
  return { header, context, pinned, focus: [cursor, cursor] };
}

function doneScreen(state: RunnerState, deps: RunnerDeps, index: number, width: number): Omit<Screen, 'footer'> {
  const lesson = deps.lessons[index]!;
  const passed = completedCount(state.progress, lesson.id, lesson.exercises.map((e) => e.id));
  const next = deps.lessons[index + 1];
  const context: Line[] = [
    line(`Lesson complete: ${lesson.title}`, 'heading'),
    BLANK,
    line(`You passed ${passed} of ${lesson.exercises.length} exercises.`, passed === lesson.exercises.length ? 'ok' : 'plain'),
    ...lesson.exercises.map((e) => [isExerciseDone(state.progress, lesson.id, e.id) ? span('  ✓ ', 'ok') : span('  · ', 'dim'), span(e.title)]),
    BLANK,
    ...wrapSpans([span(next ? `Enter starts lesson ${next.order}: ${next.title}.` : 'That was the last lesson. Enter goes back to the menu.')], width),
  ];
  return { header: [[span('kms-wizard learn', 'heading')]], context, pinned: [] };
}

function exerciseScreen(state: RunnerState, deps: RunnerDeps, lesson: Lesson, ex: Exercise, ui: ExerciseUi, width: number): Omit<Screen, 'header' | 'footer'> {
  const number = lesson.exercises.indexOf(ex) + 1;
  const done = isExerciseDone(state.progress, lesson.id, ex.id);
  const title: Line = [span(`Exercise ${number}/${lesson.exercises.length}: `, 'dim'), span(ex.title, 'heading'), ...(done ? [span('  ✓ passed', 'ok')] : [])];
  const intro = [title, BLANK, ...markdownLines(ex.prompt, width), BLANK];
  const draft = ex.kind === 'fix' ? state.drafts[draftKey(lesson, ex)] : undefined;

  if (ex.kind === 'fix' && ui.editor) {
    const { lines, focus } = editorLines(ui.editor, width, intro.length + 1);
    return {
      context: [...intro, line(`Editing ${policyName(ex.edit)}:`, 'bold'), ...lines],
      pinned: [...hintLines(ex, ui, width)],
      focus,
    };
  }

  if (ex.kind === 'spot') {
    const { lines, focus } = spotLines(policyText(ex, ex.target)!, ui, width, intro.length + 1);
    const marked = ui.marked.length > 0 ? `Marked: line${ui.marked.length === 1 ? '' : 's'} ${ui.marked.join(', ')}` : 'No line marked yet.';
    return {
      context: [...intro, line(`${capitalize(policyName(ex.target))}:`, 'bold'), ...lines],
      pinned: [line(marked, 'dim'), ...feedbackLines(ex, ui, width)],
      focus,
    };
  }

  const context: Line[] = [...intro];
  if (ex.kind === 'fix') {
    context.push(line('Goals:', 'bold'));
    for (const g of ex.goals) context.push(...wrapSpans([span(`• ${g.label} `), span(g.expect === 'Allow' ? '(should be allowed)' : '(should be denied)', 'dim')], width, '  '));
    context.push(BLANK);
  }
  context.push(...policyBlocks(ex, width, ex.kind === 'fix' ? ex.edit : undefined, draft));
  if (ex.kind === 'predict') {
    const request = resolveRequest(ex.request, ex.keyArn);
    context.push(line('The request:', 'bold'), ...wrapSpans([span(describeRequest(request))], width, '  '));
  }
  // Feedback ends the scrollable part and is scrolled into view; the choices stay pinned below it.
  const feedback = feedbackLines(ex, ui, width);
  const focus: [number, number] | undefined = feedback.length > 0 ? [context.length, context.length + feedback.length - 1] : undefined;
  context.push(...feedback);

  const pinned: Line[] = [BLANK];
  if (ex.kind === 'predict' || ex.kind === 'choose') {
    const labels = ex.kind === 'predict' ? predictChoices(ex).map((c) => CHOICE_LABELS[c]) : ex.options;
    labels.forEach((label, i) => {
      const mark = ui.result && ui.answered === i ? (ui.result.passed ? span('  ✓', 'ok') : span('  ✗', 'bad')) : span('');
      const selected = ui.cursor === i;
      pinned.push(...wrapSpans([span(selected ? '› ' : '  ', 'cursor'), span(`${i + 1}. `, 'dim'), span(label, selected ? 'bold' : 'plain'), mark], width, '     '));
    });
  } else if (!ui.result?.passed) {
    const where = deps.editorName ? ` in ${deps.editorName}` : ' in the built-in editor';
    pinned.push(...wrapSpans([span(`Press Enter to edit ${policyName(ex.edit)}${draft === undefined ? '' : ' again'}${where}; it is checked when you finish.`, 'accent')], width));
  }
  return { context, pinned, ...(focus ? { focus } : {}) };
}

/** Every policy of the exercise, the one being edited (or holding {{value}}) marked. */
function policyBlocks(ex: Exercise, width: number, edited?: string, draft?: string): Line[] {
  const out: Line[] = [];
  const block = (label: string, text: string) => {
    out.push(line(label, 'bold'));
    for (const l of text.replace(/\n$/, '').split('\n')) out.push(...wrapCode(`  ${l}`, width));
    out.push(BLANK);
  };
  const mark = (ref: string) => (ref === edited ? ' (you edit this one)' : '');
  if (ex.keyPolicy !== undefined) block(`Key policy${mark('key')}:`, edited === 'key' && draft !== undefined ? draft : ex.keyPolicy);
  for (const [principal, text] of Object.entries(ex.iam)) {
    block(`IAM policy of ${principalLabel(principal)}${mark(principal)}:`, edited === principal && draft !== undefined ? draft : text);
  }
  if (ex.kind === 'predict' && ex.iam[ex.request.principal] === undefined) {
    out.push(line(`${principalLabel(ex.request.principal)} has no IAM policy.`, 'dim'), BLANK);
  }
  return out;
}

function feedbackLines(ex: Exercise, ui: ExerciseUi, width: number): Line[] {
  const out: Line[] = [];
  if (ui.result) {
    out.push(BLANK, ...wrapSpans([span(ui.result.passed ? '✓ ' : '✗ ', ui.result.passed ? 'ok' : 'bad'), span(ui.result.headline, ui.result.passed ? 'ok' : 'bad')], width, '  '));
    for (const d of ui.result.details) {
      const icon = d.tone === 'ok' ? '✓ ' : d.tone === 'bad' ? '✗ ' : '· ';
      out.push(...wrapSpans([span(`  ${icon}`, d.tone === 'info' ? 'dim' : d.tone), span(d.text, d.tone === 'info' ? 'plain' : d.tone)], width, '    '));
    }
    if (ui.result.passed) out.push(BLANK, ...markdownLines(ex.explain, width));
  }
  if (!ui.result?.passed) out.push(...hintLines(ex, ui, width));
  return out;
}

function hintLines(ex: Exercise, ui: ExerciseUi, width: number): Line[] {
  if (ui.hints === 0) return [];
  const text = ex.hints[ui.hints - 1]!;
  return [BLANK, ...wrapSpans([span(`Hint ${ui.hints}/${ex.hints.length}: `, 'hint'), ...inlineSpans(text)], width, '  ')];
}

/** Numbered policy lines for a spot exercise; long lines wrap under their number. */
function spotLines(text: string, ui: ExerciseUi, width: number, offset: number): { lines: Line[]; focus: [number, number] } {
  const out: Line[] = [];
  let focus: [number, number] = [offset, offset];
  text.replace(/\n$/, '').split('\n').forEach((l, i) => {
    const n = i + 1;
    const selected = i === ui.cursor;
    const marked = ui.marked.includes(n);
    const prefix: Span[] = [span(selected ? '› ' : '  ', 'cursor'), span(marked ? '[x] ' : '[ ] ', marked ? 'bad' : 'dim'), span(`${String(n).padStart(3)} `, 'dim')];
    const room = Math.max(10, width - 10);
    const start = offset + out.length;
    // Continuation chunks line up with the source's own next line (under the list they continue).
    const [first, ...rest] = codeChunks(l, room);
    const column = continuationColumn(l, room);
    const chunks = rest.length === 0 ? [] : codeChunks(rest.join(' '), Math.max(10, room - column));
    out.push([...prefix, span(first!, selected ? 'bold' : 'code')]);
    for (const c of chunks) out.push([span(' '.repeat(10 + column)), span(c, selected ? 'bold' : 'code')]);
    if (selected) focus = [start, offset + out.length - 1];
  });
  return { lines: out, focus };
}

/** The inline editor: numbered lines, the cursor shown as an inverse cell; long lines scroll sideways. */
function editorLines(editor: EditorState, width: number, offset: number): { lines: Line[]; focus: [number, number] } {
  const room = Math.max(10, width - 5);
  const lines = editor.lines.map((text, i): Line => {
    const number = span(`${String(i + 1).padStart(3)} `, 'dim');
    if (i !== editor.row) return [number, span(text.length > room ? `${text.slice(0, room - 1)}…` : text, 'code')];
    const start = Math.max(0, editor.col - room + 1);
    const visible = text.slice(start, start + room);
    const at = editor.col - start;
    return [number, span(visible.slice(0, at), 'code'), span(visible[at] ?? ' ', 'caret'), span(visible.slice(at + 1), 'code')];
  });
  return { lines, focus: [offset + editor.row, offset + editor.row] };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
