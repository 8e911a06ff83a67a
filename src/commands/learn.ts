// `kms-wizard learn`: the lessons. --list and --reset stay light (no Ink, no
// prompts library); the menu and lessons load Ink (or @inquirer/prompts in
// accessible mode) through dynamic imports only.
import { parseFlags } from '../cli/args.js';
import { CliError, EXIT, UsageError } from '../cli/errors.js';
import { whyNotInteractive } from '../cli/interactive.js';
import { print, type Command, type CommandIo } from '../cli/io.js';
import { colorEnabled, makeStyle } from '../cli/style.js';
import { programName } from '../core/invoked-as.js';
import { didYouMean } from '../core/suggest.js';
import { jsonText, safeLines } from '../core/terminal-safe.js';
import { configDir } from '../lessons/config-dir.js';
import { compiledLessons } from '../lessons/compiled-lessons.js';
import { compiledLessonIndex } from '../lessons/lesson-index.js';
import { formatLessonList, lessonList } from '../lessons/list.js';
import { ProgressStore } from '../lessons/progress-store.js';
import type { LessonHeader } from '../lessons/types.js';

export const help = `kms-wizard learn: short lessons on KMS key policies and IAM policies, with
exercises checked by the same linter and evaluator as kms-wizard lint and simulate.

Usage:
  kms-wizard learn                 menu of lessons with your progress
  kms-wizard learn <id|number>     open one lesson where you left it (e.g. via-service, 3)
  kms-wizard learn --list          print the lessons and your progress (no prompts)
  kms-wizard learn --reset         forget all progress (asks first)

Options:
  --list          print the lessons and progress and exit; works without a terminal
  --json          with --list: print them as JSON
  --reset         delete the progress file after a confirmation
  -y, --yes       with --reset: do not ask
  --accessible    plain one-question-at-a-time prompts with numbered answers and no
                  screen redraws (screen readers, dumb terminals). Also: ACCESSIBLE=1,
                  or TERM=dumb.

Keys: Enter continue · Esc back · ↑/↓ and space to choose and mark · h hint ·
n skip · m menu · PgUp/PgDn scroll · q quit · Ctrl-C cancel (exit 130).
Progress is saved after every step, so quitting or cancelling loses nothing.

Exercises: predict what KMS decides, choose the right value, spot the bugs, and
fix a policy. A fix opens the policy in $VISUAL or $EDITOR (a temporary file),
or in a built-in editor when neither is set; it passes when lint finds no
errors and the evaluator shows every goal met.

Progress is kept in progress.json in kms-wizard's config directory:
$XDG_CONFIG_HOME/kms-wizard or ~/.config/kms-wizard (Linux),
~/Library/Preferences/kms-wizard (macOS), %APPDATA%\\kms-wizard (Windows);
KMS_WIZARD_CONFIG_DIR overrides it. A corrupt file is moved aside, never lost.

Without a terminal (piped, redirected, CI=true) only --list and --reset --yes run.

Exit codes: 0 ok, 1 progress unreadable, 2 usage or no terminal,
130 cancelled.`;

const OPTIONS = {
  list: { type: 'boolean' },
  json: { type: 'boolean' },
  reset: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  accessible: { type: 'boolean' },
} as const;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseFlags(argv, OPTIONS, true);
  if (positionals.length > 1) throw new UsageError(`give one lesson at a time, not ${positionals.length} (${positionals.join(', ')})`);
  const target = positionals[0];
  if (values.json && !values.list) throw new UsageError('--json goes with --list: kms-wizard learn --list --json');
  if (values.yes && !values.reset) throw new UsageError('--yes goes with --reset: kms-wizard learn --reset --yes');
  if (values.list && values.reset) throw new UsageError('give --list or --reset, not both');
  if ((values.list || values.reset) && target !== undefined) {
    throw new UsageError(`--${values.list ? 'list' : 'reset'} covers every lesson; drop "${target}"`);
  }

  const store = new ProgressStore(configDir(io.env));
  if (values.reset) return reset(store, Boolean(values.yes), io);

  const index = compiledLessonIndex();
  const lessonId = target === undefined ? undefined : findLesson(index, target);

  if (values.list) {
    const loaded = store.load();
    const list = lessonList(index, loaded.progress, store.path, loaded.notice);
    if (values.json) print(io.stdout, jsonText(list));
    else {
      if (loaded.notice) print(io.stderr, `kms-wizard learn: ${safeLines(loaded.notice)}`);
      print(io.stdout, formatLessonList(list, makeStyle(colorEnabled(io.env, io.stdout)), programName(io.env)));
    }
    return EXIT.ok;
  }

  const reason = whyNotInteractive(io);
  if (reason) {
    throw new UsageError(
      `the lessons need a terminal, and ${reason}.\n` +
        'To see the lessons and your progress without one, run: kms-wizard learn --list (or --list --json)',
    );
  }
  const loaded = store.load();
  const lessons = compiledLessons();
  const accessible = Boolean(values.accessible) || isSet(io.env.ACCESSIBLE) || io.env.TERM === 'dumb';
  let how: 'quit' | 'cancel';
  if (accessible) {
    const { runAccessibleLessons } = await import('../lessons/accessible.js');
    how = await runAccessibleLessons({ lessons, store, loaded, ...(lessonId ? { lessonId } : {}), io });
  } else {
    const { runTui } = await import('../lessons/runner/run-tui.js');
    how = await runTui({ lessons, store, loaded, ...(lessonId ? { lessonId } : {}), io });
  }
  if (how === 'cancel') {
    print(io.stderr, 'Cancelled. Progress up to here is saved.');
    return EXIT.cancelled;
  }
  print(io.stdout, `Progress is saved in ${store.path}. Continue any time with: ${programName(io.env)} learn`);
  return EXIT.ok;
};

/** A lesson by id or number; an unknown one is a usage error naming the closest id. */
function findLesson(lessons: readonly Pick<LessonHeader, 'id' | 'order'>[], target: string): string {
  const byNumber = /^\d+$/.test(target) ? lessons.find((l) => l.order === Number(target)) : undefined;
  const found = byNumber ?? lessons.find((l) => l.id === target.toLowerCase());
  if (found) return found.id;
  const guess = didYouMean(target, lessons.map((l) => l.id));
  throw new UsageError(
    `no lesson "${target}"${guess ? ` (did you mean ${guess}?)` : ''}. Lessons: ${lessons.map((l) => `${l.order} ${l.id}`).join(', ')}. ` +
      'kms-wizard learn --list shows them with your progress.',
  );
}

async function reset(store: ProgressStore, yes: boolean, io: CommandIo): Promise<number> {
  if (!yes) {
    const reason = whyNotInteractive(io);
    if (reason) {
      throw new UsageError(`--reset asks for confirmation, and ${reason}. To clear your progress without being asked: kms-wizard learn --reset --yes`);
    }
    // Loaded here: only --reset without --yes asks a question.
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: io.stdin, output: io.stdout });
    let answer: string;
    try {
      answer = await rl.question(`Forget your progress in every lesson (${store.path})? [y/N] `);
    } finally {
      rl.close();
    }
    if (!/^y(es)?$/i.test(answer.trim())) {
      print(io.stdout, 'Nothing changed.');
      return EXIT.ok;
    }
  }
  let removed: boolean;
  try {
    removed = store.reset();
  } catch (err) {
    throw new CliError(`could not delete ${store.path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  print(io.stdout, removed ? `Progress cleared (${store.path} deleted).` : `Nothing to clear: no progress saved yet (${store.path}).`);
  return EXIT.ok;
}

const isSet = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v !== 'false';
