/**
 * The accessible lesson runner: the same state machine as the Ink runner
 * (runner/state.ts), driven by typed answers instead of keys and printed as
 * plain lines with no redraws, for screen readers and dumb terminals. Same
 * checks, same progress, same results.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandIo } from '../cli/io.js';
import { safeLines } from '../core/terminal-safe.js';
import { predictChoices } from './check.js';
import { engine as realEngine, type Engine } from './engine.js';
import type { LoadedProgress, ProgressStore } from './progress-store.js';
import { editInExternalEditor, editorCommand } from './runner/external-editor.js';
import type { KeyPress } from './runner/keys.js';
import { currentExercise, type RunnerDeps, type RunnerState } from './runner/model.js';
import { screenOf } from './runner/screen.js';
import { createReducer, initialState } from './runner/state.js';
import { lineText, type Line } from './styled-text.js';
import type { Lesson } from './types.js';
// A named static import: esbuild then bundles only the input prompt (a dynamic import of the
// whole package would also bundle its editor prompt and iconv-lite, ~500 KB). This module is
// itself loaded lazily, so nothing loads before the prompts are needed.
import { input } from '@inquirer/prompts';

/** Asks one question and resolves with the typed line (rejects with ExitPromptError on Ctrl-C). */
export type AskLine = (message: string) => Promise<string>;

export interface AccessibleOptions {
  readonly lessons: readonly Lesson[];
  readonly store: ProgressStore;
  readonly loaded: LoadedProgress;
  readonly lessonId?: string;
  readonly io: CommandIo;
  /** Injectable for tests; default: @inquirer/prompts' input on io's streams. */
  readonly ask?: AskLine;
  readonly engine?: Engine;
}

export async function runAccessibleLessons(opts: AccessibleOptions): Promise<'quit' | 'cancel'> {
  // What it says quotes the learner's answer: terminal-safe, line by line.
  const say = (text: string) => opts.io.stdout.write(`${safeLines(text)}\n`);
  const ask = opts.ask ?? inquirerAsk(opts.io);
  const editor = editorCommand(opts.io.env);
  const deps: RunnerDeps = { lessons: opts.lessons, engine: opts.engine ?? realEngine, now: () => new Date(), editorName: editor ?? 'an editor of your choice' };
  const reduce = createReducer(deps);
  // A tall, 80-column "screen": everything is printed, nothing is scrolled.
  let state: RunnerState = initialState(deps, {
    progress: opts.loaded.progress,
    ...(opts.loaded.notice ? { notices: [opts.loaded.notice] } : {}),
    ...(opts.lessonId ? { lessonId: opts.lessonId } : {}),
    cols: 80,
    rows: 100_000,
  });
  const press = (...keys: KeyPress[]) => {
    for (const key of keys) state = reduce(state, { type: 'key', key });
  };
  say('kms-wizard learn (accessible mode): type the number or letter shown and press Enter. Ctrl-C stops; progress is saved.');
  let lastPlace = '';
  let lastLines: string[] = [];
  let saved = state.progress;
  let noticesShown = 0;
  try {
    while (!state.exit) {
      if (state.editorRequest) {
        const { text, fileName } = state.editorRequest;
        const outcome = editor ? editInExternalEditor(editor, text, fileName) : await editInFile(text, fileName, ask, say);
        state = reduce(state, outcome.kind === 'edited' ? { type: 'edited', text: outcome.text } : { type: 'editor-cancelled', message: outcome.message });
      } else {
        const place = placeOf(state);
        const screen = screenOf(state, deps);
        const lines = [...screen.header, ...screen.context, ...screen.pinned].map(plainLine);
        // A new screen is printed in full; on the same screen, from the first line that changed
        // (the feedback after an answer), so nothing is repeated that the learner already heard.
        let from = 0;
        if (place === lastPlace) while (from < lines.length && lines[from] === lastLines[from]) from++;
        if (from < lines.length) say(lines.slice(from).join('\n'));
        lastPlace = place;
        lastLines = lines;
        if (state.flash) say(state.flash);
        for (const n of state.notices.slice(noticesShown)) say(`Note: ${n}`);
        noticesShown = state.notices.length;
        const answer = (await ask(promptFor(state, deps))).trim();
        applyAnswer(state, deps, answer, press, say);
      }
      if (state.progress !== saved) {
        saved = state.progress;
        const error = opts.store.save(saved);
        if (error) state = reduce(state, { type: 'notice', text: error });
      }
    }
  } catch (err) {
    if ((err as Error)?.name === 'ExitPromptError') return 'cancel';
    throw err;
  }
  return state.exit;
}

/** Identifies the screen (view + step) so a new one is printed in full. */
function placeOf(state: RunnerState): string {
  const v = state.view;
  return v.kind === 'menu' ? 'menu' : v.kind === 'done' ? `done:${v.lesson}` : `step:${v.lesson}:${v.step}`;
}

function plainLine(l: Line): string {
  // The pointer means nothing without a cursor.
  return lineText(l.filter((s) => s.tone !== 'cursor')).replace(/\s+$/, '');
}

function promptFor(state: RunnerState, deps: RunnerDeps): string {
  const v = state.view;
  if (v.kind === 'menu') return `Lesson number (1-${deps.lessons.length}), or q to quit`;
  if (v.kind === 'done') return 'Enter for the next lesson, m for the menu, q to quit';
  const current = currentExercise(state, deps);
  if (!current) return 'Enter to continue, b back, m menu, q quit';
  const { exercise: ex, ui } = current;
  if (ui.result?.passed) return 'Passed. Enter to continue, b back, m menu, q quit';
  const common = 'h hint, n skip, b back, q quit';
  switch (ex.kind) {
    case 'predict':
      return `Your answer (1-${predictChoices(ex).length}), ${common}`;
    case 'choose':
      return `Your answer (1-${ex.options.length}), ${common}`;
    case 'spot':
      return `Line numbers with an error, separated by commas, ${common}`;
    case 'fix':
      return `Enter to edit the policy, r to reset it, ${common}`;
  }
}

/** Turns a typed answer into the key presses the TUI user would make. */
function applyAnswer(state: RunnerState, deps: RunnerDeps, answer: string, press: (...k: KeyPress[]) => void, say: (t: string) => void): void {
  const letter: Record<string, KeyPress> = { q: { name: 'text', text: 'q' }, m: { name: 'text', text: 'm' }, h: { name: 'text', text: 'h' }, n: { name: 'text', text: 'n' }, r: { name: 'text', text: 'r' }, b: { name: 'escape' } };
  const lower = answer.toLowerCase();
  if (letter[lower]) return press(letter[lower]);
  const v = state.view;
  const number = /^\d+$/.test(answer) ? Number(answer) : undefined;
  const down = (n: number): KeyPress[] => Array.from({ length: n }, () => ({ name: 'down' }) as const);
  if (v.kind === 'menu') {
    if (number !== undefined && number >= 1 && number <= deps.lessons.length) return press({ name: 'home' }, ...down(number - 1), { name: 'enter' });
    return say(`Type a lesson number from 1 to ${deps.lessons.length}.`);
  }
  const current = currentExercise(state, deps);
  if (answer === '' && (!current || current.ui.result?.passed || current.exercise.kind === 'fix')) return press({ name: 'enter' });
  if (!current) return say('Press Enter to continue, or type b, m or q.');
  const { exercise: ex, ui } = current;
  if (ex.kind === 'predict' || ex.kind === 'choose') {
    const count = ex.kind === 'predict' ? predictChoices(ex).length : ex.options.length;
    if (number !== undefined && number >= 1 && number <= count) return press({ name: 'home' }, ...down(number - 1), { name: 'enter' });
    return say(`Type a number from 1 to ${count}.`);
  }
  if (ex.kind === 'spot') {
    const wanted = answer.split(/[\s,]+/).filter((p) => p !== '');
    if (wanted.length === 0 || !wanted.every((p) => /^\d+$/.test(p))) return say('Type line numbers such as 4, 9 (or h for a hint).');
    const want = new Set(wanted.map(Number));
    const toggle = [...new Set([...want, ...ui.marked])].filter((n) => want.has(n) !== ui.marked.includes(n));
    for (const n of toggle) press({ name: 'home' }, ...down(n - 1), { name: 'space' });
    return press({ name: 'enter' });
  }
  say('Press Enter to edit the policy, or type r, h, n, b or q.');
}

/** Without $VISUAL/$EDITOR: the policy goes to a file the learner edits with anything, then presses Enter. */
async function editInFile(text: string, fileName: string, ask: AskLine, say: (t: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'kms-wizard-'));
  const file = join(dir, fileName);
  try {
    writeFileSync(file, text);
    say(`The policy is in ${file}. Edit and save it with any editor (no $VISUAL or $EDITOR is set).`);
    await ask('Press Enter when the file is saved');
    return { kind: 'edited' as const, text: readFileSync(file, 'utf8') };
  } catch (err) {
    if ((err as Error)?.name === 'ExitPromptError') throw err;
    return { kind: 'cancelled' as const, message: `Could not read the edited file back (${(err as Error).message}).` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inquirerAsk(io: CommandIo): AskLine {
  return (message) => input({ message }, { input: io.stdin, output: io.stdout });
}
