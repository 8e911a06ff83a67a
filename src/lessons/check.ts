/**
 * Checks a learner's answer against real behaviour: the evaluator decides
 * predict exercises, lint + evaluator judge fixed policies and chosen values,
 * lint finds the bugs of spot exercises. No answer is stored in a lesson.
 */
import type { Decision, Engine, EngineFinding } from './engine.js';
import { resolveRequest, roleOfSession } from './request.js';
import { VALUE_PLACEHOLDER, type ChooseExercise, type Exercise, type FixExercise, type Goal, type PolicyRef, type PredictExercise, type SpotExercise } from './types.js';

export type PredictChoice = 'Allow' | 'Deny' | Decision;

/** A learner's answer, one shape per exercise kind. */
export type Answer =
  | { readonly kind: 'predict'; readonly choice: PredictChoice }
  | { readonly kind: 'choose'; readonly option: number }
  | { readonly kind: 'spot'; readonly lines: readonly number[] }
  | { readonly kind: 'fix'; readonly text: string };

/** One line of feedback; `tone` picks its colour and symbol. */
export interface FeedbackLine {
  readonly text: string;
  readonly tone: 'ok' | 'bad' | 'info';
}

export interface CheckResult {
  readonly passed: boolean;
  /** One sentence: what the engine found. */
  readonly headline: string;
  /** The reasons: evaluator summaries, lint findings, goals met or missed. */
  readonly details: readonly FeedbackLine[];
}

/** The choices a predict exercise offers. */
export function predictChoices(ex: PredictExercise): PredictChoice[] {
  return ex.detailed ? ['Allow', 'ImplicitDeny', 'ExplicitDeny'] : ['Allow', 'Deny'];
}

export const CHOICE_LABELS: Record<PredictChoice, string> = {
  Allow: 'Allow',
  Deny: 'Deny',
  ImplicitDeny: 'Deny (implicit: nothing allows it)',
  ExplicitDeny: 'Deny (explicit: a Deny statement matches)',
};

/** The policy text an exercise names. */
export function policyText(ex: Exercise, ref: PolicyRef): string | undefined {
  return ref === 'key' ? ex.keyPolicy : ex.iam[ref];
}

/** A human name for a policy: "the key policy" or "the IAM policy of user/John". */
export function policyName(ref: PolicyRef): string {
  return ref === 'key' ? 'the key policy' : `the IAM policy of ${ref.split(':').pop()}`;
}

export function checkAnswer(ex: Exercise, answer: Answer, engine: Engine): CheckResult {
  if (answer.kind !== ex.kind) throw new Error(`a ${answer.kind} answer cannot answer ${ex.kind} exercise "${ex.id}"`);
  switch (ex.kind) {
    case 'predict':
      return checkPredict(ex, (answer as Extract<Answer, { kind: 'predict' }>).choice, engine);
    case 'fix':
      return checkPolicies(ex, ex.edit, (answer as Extract<Answer, { kind: 'fix' }>).text, engine);
    case 'choose':
      return checkChoice(ex, (answer as Extract<Answer, { kind: 'choose' }>).option, engine);
    case 'spot':
      return checkSpot(ex, (answer as Extract<Answer, { kind: 'spot' }>).lines, engine);
  }
}

/** What the evaluator decides for a predict exercise's request. */
export function decide(ex: PredictExercise, engine: Engine): { decision: Decision; summary: string } {
  return evaluateWith(ex, undefined, undefined, ex.request, engine);
}

function checkPredict(ex: PredictExercise, choice: PredictChoice, engine: Engine): CheckResult {
  const { decision, summary } = decide(ex, engine);
  const matches = ex.detailed ? choice === decision : (choice === 'Allow') === (decision === 'Allow');
  const said = decision === 'Allow' ? 'allows' : decision === 'ExplicitDeny' ? 'denies (explicitly)' : 'denies (implicitly)';
  return {
    passed: matches,
    headline: matches ? `Right: KMS ${said} this request.` : `Not quite: KMS ${said} this request.`,
    details: [{ text: summary, tone: 'info' }],
  };
}

/** The policy with the option put in place of {{value}}. */
export function withOption(ex: ChooseExercise, option: number): string {
  return policyText(ex, ex.into)!.split(VALUE_PLACEHOLDER).join(ex.options[option] ?? '');
}

function checkChoice(ex: ChooseExercise, option: number, engine: Engine): CheckResult {
  if (!Number.isInteger(option) || option < 0 || option >= ex.options.length) {
    throw new Error(`exercise "${ex.id}" has no option ${option}`);
  }
  const result = checkPolicies(ex, ex.into, withOption(ex, option), engine);
  return {
    ...result,
    headline: result.passed
      ? `Right: with ${ex.options[option]} ${policyName(ex.into)} does what it should.`
      : `Not quite: with ${ex.options[option]} ${policyName(ex.into)} does not do what it should.`,
  };
}

/** Lint errors first (they stop the check), then each goal through the evaluator. */
function checkPolicies(ex: FixExercise | ChooseExercise, ref: PolicyRef, text: string, engine: Engine): CheckResult {
  const findings = engine.lint(text, { type: ref === 'key' ? 'key' : 'iam', keyArn: ex.keyArn }).findings;
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (errors.length > 0) {
    return {
      passed: false,
      headline: `lint finds ${errors.length} error${errors.length === 1 ? '' : 's'} in ${policyName(ref)}.`,
      details: [...errors.map((f) => findingLine(f, 'bad')), ...warnings.map((f) => findingLine(f, 'info'))],
    };
  }
  const goals = ex.goals.map((goal) => goalLine(ex, ref, text, goal, engine));
  const missed = goals.filter((g) => !g.met).length;
  return {
    passed: missed === 0,
    headline:
      missed === 0
        ? `lint finds no errors and every goal is met.`
        : `lint finds no errors, but ${missed} of ${goals.length} goal${goals.length === 1 ? ' is' : 's are'} not met.`,
    details: [...goals.map((g) => g.line), ...warnings.map((f) => findingLine(f, 'info'))],
  };
}

function goalLine(ex: Exercise, ref: PolicyRef, text: string, goal: Goal, engine: Engine): { met: boolean; line: FeedbackLine } {
  const { decision, summary } = evaluateWith(ex, ref, text, goal.request, engine);
  const met = goal.expect === 'Allow' ? decision === 'Allow' : decision !== 'Allow';
  return { met, line: { text: `${goal.label}: ${met ? 'yes' : 'no'}. ${summary}`, tone: met ? 'ok' : 'bad' } };
}

function findingLine(f: EngineFinding, tone: FeedbackLine['tone']): FeedbackLine {
  return { text: `line ${f.line}: ${f.severity} ${f.code}: ${f.message}`, tone };
}

/** The lines of a spot exercise's policy on which lint reports an error. */
export function buggyLines(ex: SpotExercise, engine: Engine): number[] {
  const findings = engine.lint(policyText(ex, ex.target)!, { type: ex.target === 'key' ? 'key' : 'iam', keyArn: ex.keyArn }).findings;
  return [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.line))].sort((a, b) => a - b);
}

function checkSpot(ex: SpotExercise, marked: readonly number[], engine: Engine): CheckResult {
  const bugs = new Set(buggyLines(ex, engine));
  const chosen = new Set(marked);
  const wrong = [...chosen].filter((l) => !bugs.has(l)).sort((a, b) => a - b);
  const missed = [...bugs].filter((l) => !chosen.has(l)).length;
  if (wrong.length === 0 && missed === 0) {
    return { passed: true, headline: `Right: lint reports errors on exactly line${bugs.size === 1 ? '' : 's'} ${[...bugs].join(', ')}.`, details: [] };
  }
  const details: FeedbackLine[] = [];
  if (wrong.length > 0) details.push({ text: `Nothing is wrong on line${wrong.length === 1 ? '' : 's'} ${wrong.join(', ')}.`, tone: 'bad' });
  if (missed > 0) details.push({ text: `${missed} line${missed === 1 ? '' : 's'} with an error ${missed === 1 ? 'is' : 'are'} not marked yet.`, tone: 'bad' });
  return { passed: false, headline: 'Not quite.', details };
}

/** Evaluates a request with the exercise's policies, one of them (`ref`) replaced by `text`. */
function evaluateWith(ex: Exercise, ref: PolicyRef | undefined, text: string | undefined, spec: Goal['request'], engine: Engine) {
  const request = resolveRequest(spec, ex.keyArn);
  const source = (r: PolicyRef) => (r === ref ? text : policyText(ex, r));
  const parse = (t: string | undefined): unknown => {
    if (t === undefined) return undefined;
    try {
      return JSON.parse(t);
    } catch {
      return undefined;
    }
  };
  const iamRef = ex.iam[request.principal] !== undefined ? request.principal : roleOfSession(request.principal);
  const iamText = iamRef !== undefined ? source(iamRef) : undefined;
  try {
    return engine.evaluate(request, { keyPolicy: parse(source('key')), iamPolicies: iamText === undefined ? [] : [parse(iamText)] });
  } catch (err) {
    // The evaluator promises never to throw on bad input; if it does, say so plainly instead of crashing the runner.
    return { decision: 'ImplicitDeny' as const, summary: `The evaluator failed on this request (${(err as Error).message}); please report it.` };
  }
}
