/**
 * The accessible wizard's questions: the same steps, choices and checks as
 * the full-screen wizard, asked one at a time as plain text. Each question
 * prints its explanation and numbered choices once, then reads one answer;
 * nothing on screen is redrawn. The asking itself is injected (`Ask`), so
 * tests drive it without a terminal.
 */
import { EXAMPLE_KEY_ARN, parseKeyArn } from '../../core/arn.js';
import type { AccessMode, SpecIssue } from '../../core/spec.js';
import { checkValue, errorsFor, splitValues, type Answers } from '../answers.js';
import { ACCESS_OPTIONS, SERVICE_CHOICES, actionPurpose, canonicalService, regionChoices } from '../choices.js';
import { actionDefaults } from '../steps/actions.js';

/** Asks one question; `validate` returns an error text or true. Resolves with the answer typed. */
export type Ask = (q: { message: string; default?: string; validate?: (v: string) => true | string }) => Promise<string>;
/** Prints text (a paragraph, a numbered list) before a question. */
export type Say = (text: string) => void;

const issueText = (issues: readonly SpecIssue[]) => issues.map((i) => `${i.message}${i.hint ? `. Fix: ${i.hint}` : ''}`).join('; ');

/** Checks every comma-separated value of a list answer; true when all are valid. */
function listValidator(a: () => Answers, field: 'admins' | 'consumers' | 'services' | 'regions' | 'actions') {
  return (text: string): true | string => {
    const errors = splitValues(text).flatMap((v) => checkValue(a(), field, v).errors);
    return errors.length ? issueText(errors) : true;
  };
}

export async function askKey(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say('Step 1 of 9, Key. Paste the ARN of the KMS key. IAM policies must name the key by its ARN, so an alias or key id is not enough.');
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
  say('Step 2 of 9, Administrators. Who may manage the key: change its policy, rotate, disable or delete it. Administrators get no cryptographic actions.');
  const text = await ask({
    message: "Administrator role or user ARNs, or account ids, separated by commas (press Enter for the key's account root):",
    ...(a.admins.length ? { default: a.admins.join(', ') } : {}),
    validate: listValidator(() => a, 'admins'),
  });
  return { ...a, admins: splitValues(text) };
}

export async function askAccess(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say('Step 3 of 9, Trust. How should the key policy let the consumers in?');
  ACCESS_OPTIONS.forEach((o, i) => say(`  ${i + 1}. ${o.label}\n     ${o.summary}`));
  const current = ACCESS_OPTIONS.findIndex((o) => o.mode === a.access) + 1;
  const pick = await ask({ message: `Choose 1 to ${ACCESS_OPTIONS.length}:`, default: String(current), validate: numberValidator(ACCESS_OPTIONS.map((o) => o.mode)) });
  return { ...a, access: choose(pick, ACCESS_OPTIONS.map((o) => o.mode)) as AccessMode };
}

export async function askConsumers(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  say(
    a.access === 'principals'
      ? 'Step 4 of 9, Consumers. Which roles and users use the key? The key policy names each of them.'
      : "Step 4 of 9, Consumers. Which accounts use the key? Press Enter for the key's own account.",
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
  say('Step 5 of 9, Services. Which AWS services may use the key for the consumers? kms:ViaService limits use to calls made through them. Type names separated by commas, for example secretsmanager, ebs. Type list to hear every service.');
  for (;;) {
    const text = await ask({
      message: 'Services:',
      ...(a.services.length ? { default: a.services.join(', ') } : {}),
      validate: (v) => (v.trim().toLowerCase() === 'list' ? true : splitValues(v).length === 0 ? 'at least one service is required' : listValidator(() => a, 'services')(v)),
    });
    if (text.trim().toLowerCase() === 'list') {
      say(SERVICE_CHOICES.map((c) => `  ${c.id}: ${c.title}${c.notVia ? ' (cannot be used with kms:ViaService)' : ''}${c.aliases.length ? `, also ${c.aliases.join(', ')}` : ''}`).join('\n'));
      continue;
    }
    const services = [...new Set(splitValues(text).map(canonicalService))];
    const next = { ...a, services };
    for (const s of services) {
      const note = SERVICE_CHOICES.find((c) => c.id === s)?.note;
      if (note) say(`Note: ${note}`);
    }
    const errors = errorsFor(next, ['services']);
    if (errors.length === 0) return next;
    say(issueText(errors));
  }
}

export async function askRegions(a: Answers, ask: Ask, say: Say): Promise<Answers> {
  const home = regionChoices(a)[0] ?? '';
  say(`Step 6 of 9, Regions. From which Regions may the services use the key? The key lives in ${home}; a single-Region key is only used there.`);
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
  say("Step 7 of 9, Actions. What may the consumers do with the key through the services? These are the least each chosen service needs:");
  all.forEach((act) => say(`  ${act}: ${actionPurpose(act) ?? 'a KMS action'}`));
  const text = await ask({
    message: 'Press Enter to keep them, or type the actions to allow instead, separated by commas:',
    ...(a.actions ? { default: a.actions.join(', ') } : {}),
    validate: listValidator(() => a, 'actions'),
  });
  const actions = splitValues(text);
  return { ...a, actions: actions.length ? actions : undefined };
}

/** The answers still to ask, in order; flags answered the others. */
export const QUESTIONS = { key: askKey, admins: askAdmins, access: askAccess, consumers: askConsumers, services: askServices, regions: askRegions, actions: askActions } as const;

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

