/**
 * Starts the Ink lesson runner. Only `learn` (interactive) imports this, and
 * only dynamically, so `learn --list` and the other commands never load Ink.
 */
import { render } from 'ink';
import type { CommandIo } from '../../cli/io.js';
import { engine } from '../engine.js';
import type { LoadedProgress, ProgressStore } from '../progress-store.js';
import type { Lesson } from '../types.js';
import { editInExternalEditor, editorCommand } from './external-editor.js';
import { LearnApp } from './LearnApp.js';
import type { RunnerDeps } from './model.js';
import { initialState } from './state.js';

export interface TuiOptions {
  readonly lessons: readonly Lesson[];
  readonly store: ProgressStore;
  readonly loaded: LoadedProgress;
  readonly lessonId?: string;
  readonly io: CommandIo;
}

/** Runs until the learner quits (resolves 'quit') or presses Ctrl-C ('cancel'). */
export async function runTui(opts: TuiOptions): Promise<'quit' | 'cancel'> {
  const editor = editorCommand(opts.io.env);
  const deps: RunnerDeps = { lessons: opts.lessons, engine, now: () => new Date(), ...(editor ? { editorName: editor } : {}) };
  const stdout = opts.io.stdout as NodeJS.WriteStream;
  const initial = initialState(deps, {
    progress: opts.loaded.progress,
    ...(opts.loaded.notice ? { notices: [opts.loaded.notice] } : {}),
    ...(opts.lessonId ? { lessonId: opts.lessonId } : {}),
    cols: stdout.columns ?? 80,
    rows: stdout.rows ?? 24,
  });
  let how: 'quit' | 'cancel' = 'quit';
  const instance = render(
    <LearnApp
      deps={deps}
      initial={initial}
      save={(p) => opts.store.save(p)}
      openEditor={(text, fileName) => editInExternalEditor(editor!, text, fileName)}
      onExit={(h) => {
        how = h;
      }}
      plain={opts.io.env.FORCE_COLOR === '0'}
    />,
    {
      stdin: opts.io.stdin as NodeJS.ReadStream,
      stdout,
      stderr: opts.io.stderr as NodeJS.WriteStream,
      // Ctrl-C is a key like any other: the runner decides (exit 130, progress kept).
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await instance.waitUntilExit();
  return how;
}
