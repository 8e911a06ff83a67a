/**
 * The accessible wizard's questions: the same steps, choices and checks as
 * the full-screen wizard, asked one at a time as plain text. Each question
 * prints its explanation and numbered choices once, then reads one answer;
 * nothing on screen is redrawn. The asking itself is injected (`Ask`), so
 * tests drive it without a terminal.
 */
import { EXAMPLE_KEY_ARN, parseKeyArn } from '../../core/arn.js';
import type { AccessMode, SpecIssue } from '../../core/spec-types.js';
import { checkValue, errorsFor, splitValues } from '../answers.js';
import type { Answers, StartChoice } from '../answer-types.js';
import { safeText } from '../../core/terminal-safe.js';
import { ACCESS_OPTIONS, SERVICE_CHOICES, START_OPTIONS, actionPurpose, regionChoices } from '../choices.js';
import { currentFileIssue, currentPolicySummary, withCurrentPolicy } from '../current-policy.js';
import { STEP_ORDER, type StepId } from '../state.js';
import { SCREENS } from '../steps/index.js';
import { CURRENT_POLICY_FILE, getKeyPolicyCommand } from '../steps/current.js';
import { actionDefaults } from '../steps/actions.js';
import { defaultScopeLines } from '../steps/source-arns.js';
import { inWizardWords } from '../field-words.js';
import { splitServiceValues } from './service-values.js';

/**
 * Asks one question; `validate` returns an error text or true. Resolves with the answer typed.
 * `answerText` says a numbered choice in words once it is answered ("an existing key", not "2").
 * `hint` is said with the question while it waits for the answer (how to go back and cancel).
 */
export type Ask = (q: { message: string; default?: string; validate?: (v: string) => true | string; answerText?: (v: string) => string; hint?: string }) => Promise<string>;

/** Typed at a question: go back to the previous one. */
export const BACK_WORD = 'back';

/** Thrown by an {@link Ask} from {@link withBack} when the answer is "back". */
export class GoBack extends Error {
  constructor() {
    super('back to the previous question');
    this.name = 'GoBack';
  }
}

/** Said with every question that accepts "back": a screen reader hears it at the prompt itself. */
export const BACK_HINT = `type ${BACK_WORD} to go back, Ctrl-C to cancel`;

/** `ask`, where typing "back" (accepted by every question) throws {@link GoBack}; the question says so in its hint. */
export function withBack(ask: Ask): Ask {
  const isBack = (v: string) => v.trim().toLowerCase() === BACK_WORD;
  return async (q) => {
    const answer = await ask({ ...q, hint: BACK_HINT, validate: (v) => (isBack(v) ? true : (q.validate?.(v) ?? true)) });
    if (isBack(answer)) throw new GoBack();
    return answer;
  };
}

/**
 * The question as shown while it waits: the hint in parentheses before its closing colon
 * ("Choose 1 to 3 (type back to go back, Ctrl-C to cancel):"), never twice.
 */
export function withHint(message: string, hint: string | undefined): string {
  if (!hint || message.includes(hint)) return message;
  return message.endsWith(':') ? `${message.slice(0, -1)} (${hint}):` : `${message} (${hint})`;
}

/** The words of a numbered choice, for `answerText`. */
export const choiceWords = (labels: readonly string[], options: readonly string[]) => (v: string) => {
  const i = options.indexOf(choose(v, options) ?? '');
  return i >= 0 ? labels[i]! : v;
};
/** Prints text (a paragraph, a numbered list) before a question. */
export type Say = (text: string) => void;

// Messages quote the answer given (a flag value or what was typed): terminal-safe.
const issueText = (issues: readonly SpecIssue[]) => issues.map((i) => `${safeText(i.message)}${i.hint ? `. Fix: ${safeText(inWizardWords(i.hint))}` : ''}`).join('; ');

/** Checks every comma-separated value of a list answer; true when all are valid. */
function listValidator(a: () => Answers, field: 'admins' | 'consumers' | 'services' | 'regions' | 'actions' | 'sourceArns') {
  return (text: string): true | string => {
    const errors = (field === 'services' ? splitServiceValues(text) : splitValues(text)).flatMap((v) => checkValue(a(), field, v).errors);
    return errors.length ? issueText(errors) : true;
  };
}

/** "Step N of M, Title": numbered over the steps of this run, as the full-screen wizard numbers them. */
export function heading(a: Answers, id: StepId): string {
  const steps = STEP_ORDER.filter((s) => s !== 'current' || a.start === 'current');
  return `Step ${steps.indexOf(id) + 1} of ${steps.length}, ${SCREENS[id].title}`;
}

export async function askStart(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say(`${heading(a, 'start')}. What is this key policy for?`);
  START_OPTIONS.forEach((o, i) => say(`  ${i + 1}. ${o.label}\n     ${o.summary}`));
  const choices = START_OPTIONS.map((o) => o.choice);
  const pick = await ask({ message: `Choose 1 to ${choices.length}:`, default: String(choices.indexOf(a.start) + 1), validate: numberValidator(choices), answerText: choiceWords(START_OPTIONS.map((o) => o.label), choices) });
  return { ...a, start: choose(pick, choices) as StartChoice };
}

/** A key that does not exist yet: the account, the Region and whether it is multi-Region. */
async function askNewKey(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say(`${heading(a, 'key')}. The key does not exist yet: its key policy needs no ARN. Where will it be created?`);
  const specIssues = (next: Answers, field: 'account' | 'keyRegion') => {
    const errors = errorsFor(next, [field]);
    return errors.length ? issueText(errors) : true;
  };
  const withKey = (n: Answers, change: Partial<Answers['newKey']>): Answers => ({ ...n, newKey: { ...n.newKey, ...change } });
  const parts: ((n: Answers) => Promise<Answers>)[] = [
    async (n) => {
      const account = await ask({
        message: 'Account id that will own the key (12 digits):',
        ...(n.newKey.account ? { default: n.newKey.account } : {}),
        validate: (v) => specIssues(withKey(n, { account: v.trim() }), 'account'),
      });
      return withKey(n, { account: account.trim() });
    },
    async (n) => {
      const region = await ask({
        message: 'Region the key will live in (like us-east-1):',
        ...(n.newKey.region ? { default: n.newKey.region } : {}),
        validate: (v) => specIssues(withKey(n, { region: v.trim() }), 'keyRegion'),
      });
      return withKey(n, { region: region.trim() });
    },
    async (n) => {
      const multi = await ask({ message: 'A multi-Region key? yes or no:', default: n.newKey.multiRegion ? 'yes' : 'no', validate: (v) => (/^(y|yes|n|no)$/i.test(v.trim()) ? true : 'type yes or no') });
      return withKey(n, { multiRegion: /^y/i.test(multi.trim()) });
    },
  ];
  // Three questions in one step: "back" goes to the one before, and from the first, to the step before.
  let next = a;
  for (let at = 0; at < parts.length; ) {
    try {
      next = await parts[at]!(next);
      at++;
    } catch (err) {
      if (!(err instanceof GoBack) || at === 0) throw err;
      at--;
    }
  }
  return next;
}

export async function askKey(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  if (a.start === 'new') return askNewKey(a, ask, say);
  say(`${heading(a, 'key')}. Paste the ARN of the KMS key. IAM policies must name the key by its ARN, so an alias or key id is not enough.`);
  const keyArn = await ask({
    message: `Key ARN (like ${EXAMPLE_KEY_ARN}):`,
    ...(a.keyArn ? { default: a.keyArn } : {}),
    validate: (v) => {
      const k = parseKeyArn(v);
      return k.ok ? true : `${k.error.message}. Fix: ${k.error.hint}`;
    },
  });
  return { ...a, keyArn: keyArn.trim() };
}

export async function askAdmins(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say(`${heading(a, 'admins')}. Who may manage the key: change its policy, rotate, disable or delete it. Administrators get no cryptographic actions.`);
  const text = await ask({
    message: "Administrator role or user ARNs, or account ids, separated by commas (press Enter for the key's account root):",
    ...(a.admins.length ? { default: a.admins.join(', ') } : {}),
    validate: listValidator(() => a, 'admins'),
  });
  return { ...a, admins: splitValues(text) };
}

export async function askAccess(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say(`${heading(a, 'access')}. How should the key policy let the consumers in?`);
  ACCESS_OPTIONS.forEach((o, i) => say(`  ${i + 1}. ${o.label}\n     ${o.summary}`));
  const current = ACCESS_OPTIONS.findIndex((o) => o.mode === a.access) + 1;
  const modes = ACCESS_OPTIONS.map((o) => o.mode);
  const pick = await ask({ message: `Choose 1 to ${ACCESS_OPTIONS.length}:`, default: String(current), validate: numberValidator(modes), answerText: choiceWords(ACCESS_OPTIONS.map((o) => o.label), modes) });
  return { ...a, access: choose(pick, ACCESS_OPTIONS.map((o) => o.mode)) as AccessMode };
}

export async function askConsumers(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say(
    a.access === 'principals'
      ? `${heading(a, 'consumers')}. Which roles and users use the key? The key policy names each of them.`
      : `${heading(a, 'consumers')}. Which accounts use the key? Press Enter for the key's own account.`,
  );
  for (;;) {
    const text = await ask({
      message: a.access === 'principals' ? 'Role or user ARNs, separated by commas:' : 'Account ids (or role ARNs with trust iam), separated by commas:',
      ...(a.consumers.length ? { default: a.consumers.join(', ') } : {}),
      validate: listValidator(() => a, 'consumers'),
    });
    const next = { ...a, consumers: splitValues(text) };
    const errors = errorsFor(next, ['consumers']);
    if (errors.length === 0) return next;
    say(issueText(errors));
  }
}

export async function askServices(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say(
    `${heading(a, 'services')}. Which AWS services may use the key? Some act for the consumers (kms:ViaService limits use to calls made through them); ` +
      'others, such as cloudtrail and logs, call KMS as themselves and are limited to your resources. Type names separated by commas, for example secretsmanager, ebs, cloudtrail. Type list to hear every service.',
  );
  for (;;) {
    const text = await ask({
      message: 'Services:',
      ...(a.services.length ? { default: a.services.join(', ') } : {}),
      validate: (v) => (v.trim().toLowerCase() === 'list' ? true : splitServiceValues(v).length === 0 ? 'at least one service is required' : listValidator(() => a, 'services')(v)),
    });
    if (text.trim().toLowerCase() === 'list') {
      const how = (c: (typeof SERVICE_CHOICES)[number]) => (c.notVia ? 'not possible with a KMS key' : c.acts === 'itself' ? `as itself, ${c.principal}` : 'through kms:ViaService');
      say(SERVICE_CHOICES.map((c) => `  ${c.id}: ${c.title} (${how(c)})${c.aliases.length ? `, also ${c.aliases.join(', ')}` : ''}`).join('\n'));
      continue;
    }
    const services = [...new Set(splitServiceValues(text))];
    const next = { ...a, services };
    for (const s of services) {
      const note = SERVICE_CHOICES.find((c) => c.id === s)?.note;
      if (note) say(`Note: ${note}`);
    }
    const errors = errorsFor(next, ['services']);
    if (errors.length === 0) {
      try {
        return await askSourceArns(next, ask, say);
      } catch (err) {
        // Back from the source ARNs is back to the services, in the same step.
        if (!(err instanceof GoBack)) throw err;
        a = next;
        continue;
      }
    }
    say(issueText(errors));
  }
}

/** The same step's second part: optional source ARNs for the services acting as themselves. */
async function askSourceArns(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  const scope = defaultScopeLines(a);
  if (scope.length === 0) return a;
  say(`Services acting as themselves. Default scope, used when you give no source ARN:\n${scope.map((l) => `  ${l}`).join('\n')}`);
  for (;;) {
    const text = await ask({
      message: 'Source ARNs to narrow them, separated by commas (press Enter for the default scope):',
      ...(a.sourceArns?.length ? { default: a.sourceArns.join(', ') } : {}),
      validate: listValidator(() => a, 'sourceArns'),
    });
    const values = splitValues(text);
    const next = { ...a, sourceArns: values.length ? values : undefined };
    const errors = errorsFor(next, ['sourceArns']);
    if (errors.length === 0) return next;
    say(issueText(errors));
  }
}

export async function askRegions(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  const home = regionChoices(a)[0] ?? '';
  say(`${heading(a, 'regions')}. From which Regions may the services use the key? The key lives in ${home}; a single-Region key is only used there.`);
  const text = await ask({
    message: `Regions, separated by commas (press Enter for ${home}):`,
    default: (a.regions ?? [home]).join(', '),
    validate: listValidator(() => a, 'regions'),
  });
  const regions = splitValues(text);
  return { ...a, regions: regions.length === 1 && regions[0] === home ? undefined : regions };
}

export async function askActions(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  const { all } = actionDefaults(a);
  say(`${heading(a, 'actions')}. What may the consumers do with the key through the services? These are the least each chosen service needs:`);
  all.forEach((act) => say(`  ${act}: ${actionPurpose(act) ?? 'a KMS action'}`));
  const text = await ask({
    message: 'Press Enter to keep them, or type the actions to allow instead, separated by commas:',
    ...(a.actions ? { default: a.actions.join(', ') } : {}),
    validate: listValidator(() => a, 'actions'),
  });
  const actions = splitValues(text);
  return { ...a, actions: actions.length ? actions : undefined };
}

/** Reads a file the user named; rejects with a message naming it. */
export type ReadText = (file: string) => Promise<string>;

/** The key's current policy: the command that saves it, then its file, read and checked until it is a key policy. */
export async function askCurrent(a: Answers, ask: Ask, say: Say, read: ReadText, fromFlags: readonly string[]): Promise<Answers> {
  say(`${heading(a, 'current')}. The key's current key policy: statements kms-wizard does not own (Deny, service principals, other accounts) are kept, and the review shows what access changes. Save it with:`);
  say(`  ${getKeyPolicyCommand(a.keyArn)}`);
  for (;;) {
    const file = (await ask({ message: 'Path of the file:', default: a.current?.file ?? CURRENT_POLICY_FILE })).trim() || CURRENT_POLICY_FILE;
    let text: string;
    try {
      text = await read(file);
    } catch (err) {
      say(safeText((err as Error).message));
      continue;
    }
    const issue = currentFileIssue({ file, text });
    if (issue) {
      say(safeText(issue));
      continue;
    }
    const next = withCurrentPolicy(a, { file, text }, fromFlags);
    say(`Read ${safeText(currentPolicySummary({ file, text }))}. Its answers are offered as the defaults of the next questions.`);
    return next;
  }
}

/** The answers still to ask, in order; flags answered the others. */
export const QUESTIONS = { start: askStart, key: askKey, admins: askAdmins, access: askAccess, consumers: askConsumers, services: askServices, regions: askRegions, actions: askActions } as const;

function numberValidator(options: readonly string[]) {
  return (v: string): true | string => (choose(v, options) ? true : `type a number from 1 to ${options.length}`);
}

/** A numbered choice, by its number or its name. */
export function choose(v: string, options: readonly string[]): string | undefined {
  const t = v.trim().toLowerCase();
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= options.length) return options[n - 1];
  return options.find((o) => o.toLowerCase() === t);
}

