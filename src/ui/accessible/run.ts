/**
 * The accessible wizard: the full-screen wizard's questions as linear
 * prompts (@inquirer/prompts), for screen readers and dumb terminals. Same
 * answers, same checks, same files and the same exit codes.
 */
import { relative, resolve } from 'node:path';
import { EXIT } from '../../cli/errors.js';
import type { CommandIo } from '../../cli/io.js';
import type { Style } from '../../cli/style.js';
import type { PolicySpec } from '../../core/spec.js';
import { safeLines, safeText } from '../../core/terminal-safe.js';
import { copyToClipboard } from '../../output/clipboard.js';
import { filesAsText } from '../../output/files-text.js';
import { FORMATS, FORMAT_NAMES } from '../../output/formats/index.js';
import { formatExplanation, formatNextSteps } from '../../output/summary.js';
import { FilesExistError, planWrites, writeFilesAtomically } from '../../output/write-files.js';
import { build, buildFromAnswers, EMPTY_ANSWERS, errorsFor } from '../answers.js';
import type { Answers, CurrentPolicyFile, StartChoice } from '../answer-types.js';
import { OUTPUT_OPTIONS } from '../choices.js';
import { STEP_FIELDS } from '../navigation.js';
import { nextStepsFor } from '../next-steps-for.js';
import { meetsExpectation, reviewFindings, reviewMatrix, whoCanChange } from '../review-analysis.js';
import type { OutputPreset, StepId, WizardExports } from '../state.js';
import { NO_CURRENT_NOTE, reviewWhoCan } from '../who-can-lines.js';
import { whoCanChangeLines } from '../../output/who-can-change-text.js';
import { GoBack, QUESTIONS, askCurrent, choiceWords, choose, heading, withBack, withHint, type Ask, type ReadText, type Say } from './questions.js';

/** A question of the linear wizard: a step's, or the current policy's file after the key. */
type QuestionId = keyof typeof QUESTIONS | 'current';
import { currentPolicySummary, mergedWithCurrent, withCurrentPolicy } from '../current-policy.js';
import { readTextFile } from '../../output/read-text-file.js';
import { replaceNotice } from '../replace-warning.js';
import { fromText } from '../../output/current-policy-text.js';
// A named static import: esbuild then bundles only the input prompt (a dynamic import of the
// whole package would also bundle its editor prompt and iconv-lite, ~500 KB). This module is
// itself loaded lazily, so nothing loads before the prompts are needed.
import { input } from '@inquirer/prompts';

export interface AccessibleInit {
  readonly answers: Partial<PolicySpec>;
  /** `--from FILE`: the key's current policy, read and checked by the command. */
  readonly current?: CurrentPolicyFile;
  /** `--account-details`, `--grants`, ...: the review then says who gains and loses access. */
  readonly exports?: WizardExports;
  readonly output: OutputPreset;
  /** `--format` was given: the format question is answered. */
  readonly formatGiven?: boolean;
}

const startFlag = (a: Answers) => (a.start === 'new' ? '--new-key' : a.start === 'current' ? '--from' : '--key-arn');

const FLAG: Record<keyof typeof QUESTIONS, string> = {
  start: '--key-arn',
  key: '--key-arn',
  admins: '--admin',
  access: '--access',
  consumers: '--consumer',
  services: '--service',
  regions: '--region',
  actions: '--actions',
};

/** Runs the linear wizard; `ask` is injectable for tests (default: @inquirer/prompts' input on io's streams). */
export async function runAccessible(init: AccessibleInit, io: CommandIo, style: Style, askImpl?: Ask): Promise<number> {
  // An effect the flow needs (the current policy's file) goes through the same reader the full-screen wizard uses.
  const say: Say = (text) => io.stdout.write(`${text}\n`);
  const ask = askImpl ?? inquirerAsk(io, style);
  try {
    return await flow(init, io, style, ask, say, (file) => readTextFile(file, io.cwd));
  } catch (err) {
    if ((err as Error)?.name === 'ExitPromptError') {
      say('Cancelled: nothing was written.');
      return EXIT.cancelled;
    }
    throw err;
  }
}

function inquirerAsk(io: CommandIo, style: Style): Ask {
  // The prompt library prints the default and the validation message as they are: a flag value with
  // control characters is never a valid answer, so it is not offered as the default (the refusal that
  // follows shows it escaped), and messages pass through safeLines.
  return (q) => {
    const validate = q.validate;
    const unsafe = q.default !== undefined && safeText(q.default) !== q.default;
    if (unsafe) {
      const why = validate?.(q.default!);
      io.stdout.write(`Not offered as the answer: "${safeText(q.default!)}"${typeof why === 'string' ? ` (${safeLines(why)})` : ''}\n`);
    }
    const safeDefault = q.default !== undefined && !unsafe ? { default: q.default } : {};
    // A numbered choice, once answered, is said in words: the screen reader reads "an existing key", not "2".
    const answerText = q.answerText;
    const transformer = answerText ? { transformer: (v: string, { isFinal }: { isFinal: boolean }) => (isFinal ? safeLines(answerText(v)) : v) } : {};
    // The hint is said while the question waits, and dropped from the answered line ("✔ Choose 1 to 3: an existing key").
    const waiting = safeLines(withHint(q.message, q.hint));
    const theme = { style: { message: (text: string, status: string) => style.bold(status === 'done' ? text : waiting) } };
    return input(
      { message: safeLines(q.message), theme, ...safeDefault, ...transformer, ...(validate ? { validate: (v: string) => { const r = validate(v); return r === true ? r : safeLines(r); } } : {}) },
      { input: io.stdin, output: io.stdout },
    );
  };
}

async function flow(init: AccessibleInit, io: CommandIo, style: Style, ask: Ask, say: Say, read: ReadText): Promise<number> {
  const given = init.answers;
  const start: StartChoice | undefined = init.current ? 'current' : given.newKey ? 'new' : given.keyArn !== undefined ? 'existing' : undefined;
  let a: Answers = {
    ...EMPTY_ANSWERS,
    ...(start ? { start } : {}),
    ...(given.newKey ? { newKey: { ...given.newKey } } : {}),
    ...(given.keyArn !== undefined ? { keyArn: given.keyArn } : {}),
    ...(given.admins ? { admins: given.admins } : {}),
    ...(given.consumers ? { consumers: given.consumers } : {}),
    ...(given.access ? { access: given.access } : {}),
    ...(given.services ? { services: given.services } : {}),
    ...(given.regions ? { regions: given.regions } : {}),
    ...(given.actions?.length ? { actions: given.actions } : {}),
  };
  const fromFlags: Record<keyof typeof QUESTIONS, boolean> = {
    start: start !== undefined,
    key: given.keyArn !== undefined || given.newKey !== undefined,
    admins: given.admins !== undefined,
    access: given.access !== undefined,
    consumers: given.consumers !== undefined,
    services: given.services !== undefined,
    regions: given.regions !== undefined,
    actions: given.actions !== undefined,
  };
  say(style.bold('kms-wizard: a KMS key policy and the matching IAM policy, one question at a time; nothing is written until the end.'));
  const flagged = (Object.keys(fromFlags) as (keyof typeof QUESTIONS)[]).filter((id) => fromFlags[id]);
  if (init.current) a = withCurrentPolicy(a, init.current, flagged);
  const back = withBack(ask);
  // The questions of this run in order: the current policy's file follows the key when the run starts from it.
  const order = (x: Answers): QuestionId[] => (Object.keys(QUESTIONS) as (keyof typeof QUESTIONS)[]).flatMap((id): QuestionId[] => (id === 'key' && x.start === 'current' ? ['key', 'current'] : [id]));
  const asked: QuestionId[] = [];
  // Back from the first prompt after the review returns to the last question asked, then the review is said again.
  for (let i = 0; ; ) {
    for (; i < order(a).length; ) {
      const id = order(a)[i]!;
      try {
        if (id === 'current') {
          if (init.current) {
            say(`current policy: answered by --from (${safeText(currentPolicySummary(init.current))}).`);
            a = withCurrentPolicy(a, init.current, flagged); // now that the key is known, the file can pre-answer
          } else {
            a = await askCurrent(a, back, say, read, flagged);
            asked.push(id);
          }
        } else if (fromFlags[id] && errorsFor(a, STEP_FIELDS[id as StepId]).length === 0) {
          say(`${id}: answered by ${id === 'start' ? startFlag(a) : id === 'key' && a.start === 'new' ? '--account, --region' : FLAG[id]}.`);
        } else {
          a = await QUESTIONS[id](a, back, say);
          asked.push(id);
        }
        i++;
      } catch (err) {
        if (!(err instanceof GoBack)) throw err;
        const previous = backTo(a, asked, say);
        if (previous !== undefined) i = order(a).indexOf(previous);
      }
    }
    const result = build(a);
    if (!result) throw new Error('the answers did not validate after every question was checked');
    sayReview(a, result, init, style, say);
    const code = await deliver(a, result, init, io, style, back, say, asked.length > 0);
    if (code !== BACK_TO_QUESTIONS) return code;
    const previous = backTo(a, asked, say)!;
    i = order(a).indexOf(previous);
  }
}

/** Pops the question to return to and says so; undefined (and says so) at the first question. */
function backTo(a: Answers, asked: QuestionId[], say: Say): QuestionId | undefined {
  const previous = asked.pop();
  say(previous === undefined ? 'This is the first question.' : `Back to ${heading(a, previous)}.`);
  return previous;
}

function sayReview(a: Answers, result: NonNullable<ReturnType<typeof build>>, init: AccessibleInit, style: Style, say: Say): void {
  say('');
  say(`${heading(a, 'review')}.\n${formatExplanation(result, style)}`);
  const plain = buildFromAnswers(a);
  const merged = a.start === 'current' && plain ? mergedWithCurrent(a, plain) : undefined;
  if (merged?.ok) say(`Changes. ${fromText(merged.value, style)}`);
  if (init.exports) {
    const who = reviewWhoCan(a, result, init.exports, whoCanChange);
    say(`Who can. ${who.kind === 'other-key' ? who.message : [...(who.noCurrent ? [NO_CURRENT_NOTE] : []), ...whoCanChangeLines(who.change, style)].join('\n')}`);
  }
  const findings = reviewFindings(result);
  say(findings.length === 0 ? 'Lint: no findings.' : `Lint: ${findings.length} finding${findings.length === 1 ? '' : 's'}:`);
  for (const f of findings) say(`  ${f.severity} ${f.code} ${safeText(f.file ?? '')} line ${f.line}: ${safeText(f.message)}${f.hint ? ` Fix: ${safeText(f.hint)}` : ''}`);
  say('Access, as the simulator decides it:');
  for (const r of reviewMatrix(result)) {
    const unexpected = meetsExpectation(r) ? '' : ` (NOT the intended decision: ${r.expected === 'Allow' ? 'allowed' : 'denied'})`;
    say(`  ${r.decision === 'Allow' ? 'allowed' : 'denied'}: ${safeText(r.scenario)}${unexpected}. ${safeText(r.reason)}`);
  }
}

/** Returned by {@link deliver} when "back" is typed at its first prompt: the questions resume at the last one asked. */
const BACK_TO_QUESTIONS = -1;

/** The prompts after the review, in order; "back" at one returns to the one before, its answer offered again. */
type OutputPrompt = 'output' | 'format' | 'directory';

/**
 * The output step: how to deliver (write, copy, print), the format, the directory. Returns the exit code,
 * or {@link BACK_TO_QUESTIONS} for "back" at its first prompt when a question was asked before the review.
 */
async function deliver(a: Answers, result: NonNullable<ReturnType<typeof build>>, init: AccessibleInit, io: CommandIo, style: Style, ask: Ask, say: Say, questionsAsked: boolean): Promise<number> {
  const outputHeading = heading(a, 'output');
  say(`\n${outputHeading}.`);
  const notice = replaceNotice(a);
  if (notice) say(notice.warning ? `Warning: ${notice.text}` : notice.text);
  const preset = init.output;
  let choice: string = preset.choice ?? '';
  let format = preset.format;
  let dir = preset.dir ?? '.';
  const askedPrompts: OutputPrompt[] = [];
  let at: OutputPrompt = 'output';
  for (;;) {
    try {
      if (at === 'output') {
        if (!preset.choice) {
          choice = await askOutputChoice(ask, say, choice);
          askedPrompts.push(at);
        }
        at = 'format';
        continue;
      }
      if (at === 'format') {
        if (!init.formatGiven && FORMAT_NAMES.length > 1) {
          say(`Formats: ${FORMAT_NAMES.map((f, i) => `${i + 1}. ${f}`).join(', ')}.`);
          const pick = await ask({ message: `Format, 1 to ${FORMAT_NAMES.length}:`, default: String(FORMAT_NAMES.indexOf(format) + 1), validate: (v) => (choose(v, FORMAT_NAMES) ? true : `type a number from 1 to ${FORMAT_NAMES.length}`), answerText: choiceWords(FORMAT_NAMES, FORMAT_NAMES) });
          format = choose(pick, FORMAT_NAMES)!;
          askedPrompts.push(at);
        }
        at = 'directory';
        continue;
      }
      const files = FORMATS[format]!(result);
      if (choice !== 'write') return await printOrCopy(choice, files, format, result, a, io, style, say);
      if (preset.dir === undefined) dir = (await ask({ message: 'Directory to write into (Enter for the current directory):', default: dir })).trim() || '.';
      const code = await writeInto(dir, files, format, result, a, preset, io, style, ask, say);
      if (code !== undefined) return code;
    } catch (err) {
      if (!(err instanceof GoBack)) throw err;
      const previous = askedPrompts.pop();
      if (previous === undefined) {
        if (questionsAsked) return BACK_TO_QUESTIONS;
        say('This is the first question.');
        continue;
      }
      say(`Back to ${previous === 'output' ? outputHeading : 'the format'}.`);
      at = previous;
    }
  }
}

async function askOutputChoice(ask: Ask, say: Say, previous: string): Promise<string> {
  OUTPUT_OPTIONS.forEach((o, i) => say(`  ${i + 1}. ${o.label}`));
  const options = OUTPUT_OPTIONS.map((o) => o.choice);
  const offered = String(Math.max(options.findIndex((o) => o === previous), 0) + 1);
  const pick = await ask({ message: `Choose 1 to ${options.length}:`, default: offered, validate: (v) => (choose(v, options) ? true : `type a number from 1 to ${options.length}`), answerText: choiceWords(OUTPUT_OPTIONS.map((o) => o.label), options) });
  return choose(pick, options)!;
}

type Files = ReturnType<(typeof FORMATS)[string]>;

async function printOrCopy(choice: string, files: Files, format: string, result: NonNullable<ReturnType<typeof build>>, a: Answers, io: CommandIo, style: Style, say: Say): Promise<number> {
  if (choice === 'copy') {
    const copied = await copyToClipboard(filesAsText(files), { env: io.env, writeTerminal: (d) => io.stdout.write(d) });
    if (copied.ok) say(`Copied ${files.map((f) => f.name).join(' and ')} to the clipboard ${copied.how}.`);
    else {
      say(`Could not copy to the clipboard: ${safeText(copied.reason)}. Here are the policies instead:`);
      io.stdout.write(filesAsText(files));
    }
  } else io.stdout.write(filesAsText(files));
  say(`\n${formatNextSteps(nextStepsFor(format, result, '.', a, false), style)}`);
  return EXIT.ok;
}

/** Writes the files into `dir`, asking before overwriting; undefined when the directory is to be asked again. */
async function writeInto(dir: string, files: Files, format: string, result: NonNullable<ReturnType<typeof build>>, a: Answers, preset: OutputPreset, io: CommandIo, style: Style, ask: Ask, say: Say): Promise<number | undefined> {
  const abs = resolve(io.cwd, dir);
  const shown = relative(io.cwd, abs) || '.';
  const existing = (await planWrites(abs, files)).filter((p) => p.exists).map((p) => relative(io.cwd, p.path) || p.path);
  let force = preset.force;
  if (existing.length > 0 && !force) {
    say(`These files exist and would be overwritten: ${safeText(existing.join(', '))}.`);
    let yes: string;
    try {
      yes = await ask({ message: 'Overwrite them? Type yes to overwrite, or press Enter to choose another directory:', default: 'no' });
    } catch (err) {
      // Back from the overwrite question is back to the directory; with --out there is none to ask.
      if (!(err instanceof GoBack)) throw err;
      yes = 'no';
    }
    if (!/^y(es)?$/i.test(yes.trim())) {
      if (preset.dir !== undefined) {
        say('Nothing written.');
        return EXIT.failure;
      }
      return undefined;
    }
    force = true;
  }
  try {
    await writeFilesAtomically(abs, files, { force });
  } catch (err) {
    const reason = err instanceof FilesExistError ? `${err.paths.join(', ')} appeared meanwhile` : (err as Error).message;
    say(`Nothing written: ${safeText(reason)}.`);
    return preset.dir !== undefined ? EXIT.failure : undefined;
  }
  say(`Wrote into ${safeText(shown)}: ${files.map((f) => f.name).join(', ')}.`);
  say(`\n${formatNextSteps(nextStepsFor(format, result, shown, a), style)}`);
  return EXIT.ok;
}
