/**
 * The wizard's reducer and its starting state. Keys arrive as a list (one
 * Ink callback may hold several) and are applied one after another to the
 * newest state; while an effect runs, keys wait in the queue and are applied
 * once its result is in, so nothing typed ahead is lost or misapplied.
 */
import type { PolicySpec } from '../core/spec.js';
import { ACCESS_MODES } from '../core/spec.js';
import { analysis } from './analysis-loader.js';
import { EMPTY_ANSWERS } from './answers.js';
import type { CurrentPolicyFile, StartChoice } from './answer-types.js';
import type { KeyEvent } from '../terminal/keys.js';
import { SIDE_BY_SIDE_COLUMNS } from './layout.js';
import { advance, back, firstStep } from './navigation.js';
import { currentPolicyIssue, withCurrentPolicy } from './current-policy.js';
import { START_OPTIONS } from './choices.js';
import { pickState } from './pick-list.js';
import type { OutputPreset, StepId, WizardAction, WizardExports, WizardState } from './state.js';
import { SCREENS } from './steps/index.js';
import { textField } from '../terminal/text-field.js';

/** What the wizard starts from: the answers flags gave, output flags, the terminal size. */
export interface WizardInit {
  readonly answers: Partial<PolicySpec>;
  /** `--from FILE`: the key's current policy, read (and checked) before the wizard starts. */
  readonly current?: CurrentPolicyFile;
  /** `--account-details`, `--grants`, ...: read (and checked) before the wizard starts. */
  readonly exports?: WizardExports;
  readonly output: OutputPreset;
  readonly size: { readonly columns: number; readonly rows: number };
}

export function initialState(init: WizardInit): WizardState {
  const a = init.answers;
  // A flag that names the key answers the first question too: --key-arn alone is an existing key
  // without its current policy, as for `generate` (the output step then says what that means).
  const start: StartChoice | undefined = init.current ? 'current' : a.newKey ? 'new' : a.keyArn !== undefined ? 'existing' : undefined;
  const given: [StepId, unknown][] = [
    ['start', start],
    ['key', a.newKey ?? a.keyArn],
    ['current', init.current],
    ['admins', a.admins],
    ['access', a.access],
    ['consumers', a.consumers],
    ['services', a.services],
    ['regions', a.regions],
    ['actions', a.actions],
    ['output', init.output.choice],
  ];
  const flagged = {
    ...EMPTY_ANSWERS,
    ...(start ? { start } : {}),
    ...(a.newKey ? { newKey: { ...a.newKey } } : {}),
    ...(a.keyArn !== undefined ? { keyArn: a.keyArn } : {}),
    ...(a.admins ? { admins: a.admins } : {}),
    ...(a.consumers ? { consumers: a.consumers } : {}),
    ...(a.access ? { access: a.access } : {}),
    ...(a.services ? { services: a.services } : {}),
    ...(a.regions ? { regions: a.regions } : {}),
    ...(a.actions && a.actions.length > 0 ? { actions: a.actions } : {}),
    ...(a.sourceArns && a.sourceArns.length > 0 ? { sourceArns: a.sourceArns } : {}),
  };
  const preAnswered = given.filter(([, v]) => v !== undefined).map(([id]) => id);
  const answers = init.current ? withCurrentPolicy(flagged, init.current, preAnswered) : flagged;
  const state: WizardState = {
    screen: 'start',
    answers,
    ...(init.exports ? { exports: init.exports } : {}),
    preAnswered,
    fields: { key: textField(answers.keyArn), account: textField(answers.newKey.account), current: textField(init.current?.file ?? ''), admins: textField(), consumers: textField(), sourceArns: textField() },
    lists: {
      start: Math.max(0, START_OPTIONS.findIndex((o) => o.choice === answers.start)),
      keyRegion: pickState(),
      multiRegion: answers.newKey.multiRegion ? 1 : 0,
      access: Math.max(0, ACCESS_MODES.indexOf(answers.access)),
      services: pickState(),
      regions: pickState(),
      actions: pickState(),
    },
    newKeyPhase: 'account',
    ...(init.current ? { currentReadFor: answers.keyArn } : {}),
    review: { tab: 0, scroll: 0 },
    output: {
      cursor: init.output.choice === 'print' ? 2 : 0,
      format: init.output.format,
      phase: 'choose',
      dir: textField(init.output.dir ?? '.'),
      existing: [],
      preset: init.output,
    },
    doneScroll: 0,
    issues: [],
    // Opened on wide terminals once mounted: the first frame stays small and plain.
    whyOpen: false,
    queue: [],
    size: init.size,
    checked: analysis() !== undefined,
  };
  return firstStep(state);
}

export function reducer(s: WizardState, a: WizardAction): WizardState {
  switch (a.type) {
    case 'keys':
      return a.events.reduce(onKey, s);
    case 'resize':
      return { ...s, size: { columns: a.columns, rows: a.rows } };
    case 'analysis-loaded':
      return { ...s, checked: true };
    case 'mounted':
      return s.size.columns >= SIDE_BY_SIDE_COLUMNS ? { ...s, whyOpen: true } : s;
    case 'cancel':
      return s.exit === undefined ? { ...s, exit: 130 } : s;
    case 'read': {
      const file = { file: a.file, text: a.text };
      const issue = currentPolicyIssue({ ...s.answers, current: file });
      if (issue) return replay({ ...s, busy: undefined, currentError: issue });
      return replay(advance({ ...s, busy: undefined, currentError: undefined, currentReadFor: s.answers.keyArn, answers: withCurrentPolicy(s.answers, file, s.preAnswered) }));
    }
    case 'read-failed':
      return replay({ ...s, busy: undefined, currentError: a.message });
    case 'planned': {
      const dir = s.busy?.kind === 'plan' ? s.busy.dir : '.';
      if (a.existing.length === 0 || s.output.preset.force) return { ...s, busy: { kind: 'write', dir, force: s.output.preset.force } };
      return replay({ ...s, busy: undefined, screen: 'output', output: { ...s.output, phase: 'confirm', existing: a.existing, dir: textField(dir) } });
    }
    case 'written': {
      const dir = s.busy?.kind === 'write' ? s.busy.dir : '.';
      return replay({ ...s, busy: undefined, screen: 'done', finished: { kind: 'written', dir, paths: a.paths } });
    }
    case 'write-failed':
      return replay({ ...s, busy: undefined, screen: 'output', output: { ...s.output, phase: 'dir', error: a.message } });
    case 'copied':
      return replay({ ...s, busy: undefined, screen: 'done', finished: { kind: 'copied', how: a.how } });
    case 'copy-failed':
      return replay({ ...s, busy: undefined, screen: 'done', finished: { kind: 'printed', reason: a.reason } });
  }
}

/** Applies the keys typed while an effect ran. */
function replay(s: WizardState): WizardState {
  const queued = s.queue;
  return queued.reduce(onKey, { ...s, queue: [] });
}

function onKey(s: WizardState, ev: KeyEvent): WizardState {
  if (s.exit !== undefined) return s;
  const ctrlC = ev.kind === 'ctrl' && ev.letter === 'c';
  // Ctrl-C cancels at once, except while files are being written: then it
  // waits, so the write finishes whole (it is atomic) instead of being cut.
  if (ctrlC && s.busy?.kind !== 'write') return { ...s, exit: 130 };
  if (s.busy) return { ...s, queue: [...s.queue, ev] };
  if (ev.kind === 'text' && ev.text === '?' && !(s.screen === 'output' && s.output.phase === 'dir')) return { ...s, whyOpen: !s.whyOpen };
  const screen = SCREENS[s.screen];
  const handled = screen.onKey({ ...s, issues: [] }, ev);
  if (handled) return handled;
  if (ev.kind === 'escape') return back(s);
  return s;
}
