/** Moving between steps: forward over steps answered by flags, back with answers kept. */
import { FIELD_FLAGS } from '../core/spec.js';
import type { SpecField } from '../core/spec-types.js';
import { errorsFor } from './answers.js';
import { currentPolicyIssue } from './current-policy.js';
import { pickState, type PickState } from './pick-list.js';
import { STEP_ORDER, type StepId, type WizardState } from './state.js';

/** The spec fields each step answers. */
export const STEP_FIELDS: Record<StepId, readonly SpecField[]> = {
  start: [],
  key: ['keyArn', 'account', 'keyRegion'],
  current: [],
  admins: ['admins'],
  access: ['access'],
  consumers: ['consumers'],
  services: ['services'],
  regions: ['regions'],
  actions: ['actions'],
  review: [],
  output: [],
};

/** The flag that answers a step, as the answered list names it. */
export function answeringFlag(s: WizardState, id: StepId): string | undefined {
  if (id === 'start') return s.answers.start === 'new' ? '--new-key' : s.answers.start === 'current' ? '--from' : '--key-arn';
  if (id === 'current') return '--from';
  if (id === 'key' && s.answers.start === 'new') return '--account, --region';
  const field = STEP_FIELDS[id][0];
  return field ? FIELD_FLAGS[field] : undefined;
}

/** Whether a step is part of this run: the current policy's file is asked only when starting from it. */
export const applies = (s: WizardState, id: StepId): boolean => id !== 'current' || s.answers.start === 'current';

/** Whether a step's answer is complete and valid (the current policy step: a file was read and is a key policy). */
export function stepDone(s: WizardState, id: StepId): boolean {
  if (id === 'current') return s.answers.current !== undefined && currentPolicyIssue(s.answers) === undefined;
  return errorsFor(s.answers, STEP_FIELDS[id]).length === 0;
}

/** A step is skipped when it does not apply, or a flag answered it and that answer is valid. */
export function isSkipped(s: WizardState, id: StepId): boolean {
  return !applies(s, id) || (s.preAnswered.includes(id) && stepDone(s, id));
}

/** The steps of this run, for "Step N of M". */
export const stepsOfRun = (s: WizardState): StepId[] => STEP_ORDER.filter((id) => applies(s, id));

/** The first step to ask. */
export function firstStep(s: WizardState): WizardState {
  const first = STEP_ORDER.find((id) => !isSkipped(s, id)) ?? 'review';
  return { ...s, screen: first };
}

/** Goes to the next step that needs asking; past the last one, runs the output the flags chose. */
export function advance(s: WizardState): WizardState {
  if (s.screen === 'done') return s;
  const i = STEP_ORDER.indexOf(s.screen);
  const next = STEP_ORDER.slice(i + 1).find((id) => !isSkipped(s, id));
  if (next) return { ...leave(s), screen: next };
  return runPresetOutput(leave(s));
}

/** Goes back to the previous asked step; the answers stay as they are. */
export function back(s: WizardState): WizardState {
  if (s.screen === 'done') return s;
  const i = STEP_ORDER.indexOf(s.screen);
  const prev = STEP_ORDER.slice(0, i).reverse().find((id) => !isSkipped(s, id));
  return prev ? { ...leave(s), screen: prev } : s;
}

/** Leaving a step: its problems and list filters are left behind (the answers stay). */
function leave(s: WizardState): WizardState {
  const clear = (p: PickState) => (p.filter ? pickState() : p);
  return { ...s, issues: [], lists: { ...s.lists, services: clear(s.lists.services), regions: clear(s.lists.regions), actions: clear(s.lists.actions) } };
}

/** The first step whose answer has an error (review sends the user there). */
export function firstStepWithErrors(s: WizardState): StepId | undefined {
  return STEP_ORDER.find((id) => applies(s, id) && !stepDone(s, id));
}

/** `--out DIR` or `--stdout` answered the output step: do it without asking. */
function runPresetOutput(s: WizardState): WizardState {
  const { preset } = s.output;
  if (preset.choice === 'print') return { ...s, screen: 'done', finished: { kind: 'printed' } };
  return { ...s, screen: 'output', output: { ...s.output, phase: 'dir' }, busy: { kind: 'plan', dir: preset.dir ?? '.' } };
}
