import { parseKeyArn } from '../arn.js';
import { CRYPTOGRAPHIC_ACTIONS } from '../catalog/actions.js';
import { isPlainObject, readPolicyDocument, type PolicyStatement } from '../evaluate/policy-document.js';
import { didYouMean } from '../suggest.js';
import { safeText } from '../terminal-safe.js';
import { wildcardMatch } from '../evaluate/wildcard.js';
import { actionsPhrase, uncoveredExample } from './actions-text.js';
import { describeConditions } from './condition-text.js';
import { joinWords } from './english-list.js';
import { servicePrincipalsOf, serviceStatementText } from './service-principal-text.js';
import { describePrincipal } from './principal-text.js';
import { describeResources } from './resource-text.js';

/** One statement in plain language. */
export interface StatementExplanation {
  readonly index: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  /** What the statement does, as one or two sentences. */
  readonly text: string;
  /** What it does not allow that a reader might assume it does (direct calls, other Regions, ...). */
  readonly notAllowed: string[];
  /** Parts that are not valid policy language. */
  readonly problems: string[];
}

export interface PolicyExplanation {
  readonly kind: 'key' | 'iam';
  readonly statements: StatementExplanation[];
  /** The policy as a whole: what direct calls get, bypassed restrictions, lockout. */
  readonly summary: string;
}

export interface ExplainOptions {
  /** The key the policy belongs to (key policies) or should name (IAM policies). */
  keyArn?: string;
  /** Force the kind; by default a document with Principal or NotPrincipal is a key policy. */
  kind?: 'key' | 'iam';
}

const covers = (stmt: PolicyStatement, action: string) =>
  stmt.action ? stmt.action.some((p) => wildcardMatch(p, action, true)) : stmt.notAction ? !stmt.notAction.some((p) => wildcardMatch(p, action, true)) : false;
const coversCrypto = (stmt: PolicyStatement) => CRYPTOGRAPHIC_ACTIONS.some((a) => covers(stmt, a));
const label = (stmt: PolicyStatement) => `statement ${stmt.index + 1}${stmt.sid ? ` ("${stmt.sid}")` : ''}`;

/** Whether a statement restricts use to calls through a service (a positive, unconditional kms:ViaService test). */
function requiresService(stmt: PolicyStatement): boolean {
  const cond = stmt.condition;
  if (typeof cond !== 'object' || cond === null || Array.isArray(cond)) return false;
  return Object.entries(cond as Record<string, unknown>).some(
    ([op, block]) =>
      /^String(Equals|Like)(IgnoreCase)?$/i.test(op) && typeof block === 'object' && block !== null && Object.keys(block).some((k) => k.toLowerCase() === 'kms:viaservice'),
  );
}

const finish = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function keyStatement(stmt: PolicyStatement, keyAccount: string | undefined): StatementExplanation {
  const base = { index: stmt.index, ...(stmt.sid !== undefined ? { sid: stmt.sid } : {}), ...(stmt.effect ? { effect: stmt.effect } : {}) };
  const problems = [...stmt.problems];
  const hasWho = stmt.hasPrincipal || stmt.hasNotPrincipal;
  if (!hasWho) problems.push('no Principal (a key policy statement needs one)');
  const who = describePrincipal(stmt.hasPrincipal ? stmt.principal : stmt.notPrincipal);
  if (hasWho) problems.push(...who.problems);
  const cond = describeConditions(stmt.condition, stmt.effect ?? 'Allow', who.accounts);
  problems.push(...cond.problems);
  if (problems.length > 0 || !stmt.effect) {
    return { ...base, text: `Not valid: ${problems.join('; ')}. KMS rejects a policy like this; as written, the statement allows nothing.`, notAllowed: ['anything (the statement is not valid)'], problems };
  }
  const actions = actionsPhrase(stmt.action, stmt.notAction);
  const when = cond.clauses.length > 0 ? `, only when ${joinWords(cond.clauses)}` : '';
  const notAllowed = [...cond.notAllowed];
  const missing = uncoveredExample(stmt.action, stmt.notAction);
  if (missing) notAllowed.push(`other actions, such as ${missing}`);
  const foreign = keyAccount ? who.accounts.filter((a) => a !== keyAccount) : [];
  const crossNote = foreign.length > 0 ? ` ${joinWords(foreign)} ${foreign.length > 1 ? 'are other accounts: their' : 'is another account: its'} own IAM policies must also allow this key's ARN.` : '';

  if (stmt.effect === 'Deny') {
    const target = stmt.hasNotPrincipal ? `everyone except ${who.who}` : who.kind === 'anyone' ? 'everyone' : who.kind === 'accounts' ? `every principal of ${who.who.replace('IAM policies in ', '')}` : who.who;
    const whenDeny = cond.clauses.length > 0 ? `, when ${joinWords(cond.clauses)}` : '';
    return { ...base, text: finish(`Denies ${actions} to ${target}${whenDeny}; a Deny overrides every Allow`), notAllowed: [], problems };
  }
  if (stmt.hasNotPrincipal) {
    return { ...base, text: finish(`Lets everyone except ${who.who} use ${actions}${when} (NotPrincipal with Allow can include anonymous callers)`), notAllowed, problems };
  }
  switch (who.kind) {
    case 'accounts':
      notAllowed.push(`principals of ${who.who.replace('IAM policies in ', '')} whose IAM policies do not allow it`);
      return { ...base, text: finish(`Lets ${who.who} grant ${actions}${when}`) + crossNote, notAllowed, problems };
    case 'principals':
      notAllowed.push('any other principal');
      return {
        ...base,
        text: finish(`Lets ${who.who} use ${actions}${when}`) + (foreign.length === 0 && keyAccount ? ` No IAM policy is needed for ${who.count > 1 ? 'them' : 'it'} in the key's account.` : '') + crossNote,
        notAllowed,
        problems,
      };
    case 'anyone': {
      const scoped = cond.notAllowed.includes('callers from other accounts');
      const text =
        cond.clauses.length === 0
          ? `Lets every principal of every AWS account use ${actions}, with no conditions: anyone whose own IAM policies allow it can use the key.`
          : finish(`Lets every principal of every AWS account use ${actions}${when}`) +
            ' Principal "*" names everyone: only these conditions limit who.' +
            ' No IAM policy is needed in the key\'s account.' +
            (scoped ? '' : ' Principals of other accounts can use it too when their own IAM policies allow it.');
      return { ...base, text, notAllowed, problems };
    }
    case 'services':
      return { ...base, text: serviceStatementText(stmt.principal, actions, when, notAllowed), notAllowed, problems };
    default:
      return { ...base, text: finish(`Lets ${who.who} use ${actions}${when}`) + crossNote, notAllowed, problems };
  }
}

function iamStatement(stmt: PolicyStatement, keyArn: string | undefined): StatementExplanation {
  const base = { index: stmt.index, ...(stmt.sid !== undefined ? { sid: stmt.sid } : {}), ...(stmt.effect ? { effect: stmt.effect } : {}) };
  const problems = [...stmt.problems];
  if (stmt.hasPrincipal || stmt.hasNotPrincipal) problems.push('an IAM policy cannot have Principal or NotPrincipal');
  const cond = describeConditions(stmt.condition, stmt.effect ?? 'Allow', []);
  problems.push(...cond.problems);
  if (problems.length > 0 || !stmt.effect) {
    return { ...base, text: `Not valid: ${problems.join('; ')}. IAM rejects a policy like this; as written, the statement allows nothing.`, notAllowed: ['anything (the statement is not valid)'], problems };
  }
  const actions = actionsPhrase(stmt.action, stmt.notAction);
  const resources = describeResources(stmt.resource, stmt.notResource, keyArn);
  const clauses = cond.clauses.length > 0 ? `, ${stmt.effect === 'Allow' ? 'only ' : ''}when ${joinWords(cond.clauses)}` : '';
  const verb = stmt.effect === 'Allow' ? 'Allows' : 'Denies';
  const notAllowed = stmt.effect === 'Allow' ? [...cond.notAllowed] : [];
  if (stmt.effect === 'Allow') {
    if (resources.neverMatches.length > 0 && resources.neverMatches.length === (stmt.resource ?? []).length) notAllowed.unshift('using any key at all: no Resource entry can match a key ARN');
    else if (!resources.anyKey) notAllowed.push('other keys');
    const missing = uncoveredExample(stmt.action, stmt.notAction);
    if (missing) notAllowed.push(`other actions, such as ${missing}`);
  }
  const reminder = stmt.effect === 'Allow' ? ' It works only where the key policy lets this account use IAM policies (or names the principal).' : '';
  return { ...base, text: finish(`${verb} ${actions} on ${resources.text}${clauses}`) + reminder, notAllowed, problems };
}

function keySummary(statements: readonly PolicyStatement[], explained: readonly StatementExplanation[]): string {
  const valid = statements.filter((s, i) => explained[i]!.problems.length === 0);
  const allows = valid.filter((s) => s.effect === 'Allow');
  const denies = valid.filter((s) => s.effect === 'Deny');
  const parts = [`Key policy with ${statements.length} statement${statements.length === 1 ? '' : 's'} (${allows.length} Allow, ${denies.length} Deny${valid.length < statements.length ? `, ${statements.length - valid.length} not valid` : ''}).`];
  const cryptoAllows = allows.filter(coversCrypto);
  // A service acting as itself never makes a "direct call" on a caller's behalf: counted apart.
  const asThemselves = cryptoAllows.filter((s) => servicePrincipalsOf(s.principal).length > 0);
  const direct = cryptoAllows.filter((s) => !requiresService(s) && !asThemselves.includes(s));
  const restricted = cryptoAllows.filter(requiresService);
  if (cryptoAllows.length > 0 && direct.length === 0) parts.push('Direct calls to KMS are never allowed: every statement that allows cryptographic use requires a service (kms:ViaService).');
  const bypass = direct.find((s) => s.condition === undefined && describePrincipal(s.principal).kind === 'accounts');
  if (bypass && restricted.length > 0) {
    parts.push(
      `Warning: ${label(bypass)} lets IAM policies allow ${actionsPhrase(bypass.action, bypass.notAction)} with no conditions, so the kms:ViaService restriction of ${joinWords(restricted.map(label))} can be bypassed: any IAM policy that allows the action works directly. Replace it with a key administrator statement, or add a Deny for calls that do not come through the service.`,
    );
  } else if (direct.length > 0 && restricted.length > 0) {
    parts.push(`Direct calls are allowed by ${joinWords(direct.map(label))}.`);
  }
  if (asThemselves.length > 0) {
    const names = [...new Set(asThemselves.flatMap((s) => servicePrincipalsOf(s.principal)))];
    parts.push(`AWS services that use the key as themselves: ${joinWords(names.map(safeText))} (${joinWords(asThemselves.map(label))}).`);
  }
  if (!allows.some((s) => covers(s, 'kms:PutKeyPolicy'))) {
    parts.push('No statement lets anyone change this key policy (kms:PutKeyPolicy): KMS rejects such a policy unless its lockout safety check is bypassed.');
  }
  return parts.join(' ');
}

function iamSummary(statements: readonly PolicyStatement[], explained: readonly StatementExplanation[]): string {
  const invalid = explained.filter((e) => e.problems.length > 0).length;
  const parts = [`IAM policy with ${statements.length} statement${statements.length === 1 ? '' : 's'}${invalid > 0 ? ` (${invalid} not valid)` : ''}.`];
  parts.push('For KMS an IAM policy is only half: the key policy must also let the account use IAM policies, or name the principal.');
  if (explained.some((e) => e.notAllowed[0]?.startsWith('using any key at all'))) parts.push('Some statements name an alias or key id where the key ARN belongs, so they allow nothing.');
  return parts.join(' ');
}

const ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/** The statement with misspelled element names ("Pricipal", "Actions") corrected, if that is all that is wrong with them. */
function respelled(raw: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [name, value] of Object.entries(raw)) {
    const fixed = ELEMENTS.includes(name) ? name : didYouMean(name, ELEMENTS);
    if (!fixed || Object.hasOwn(out, fixed) || (fixed !== name && Object.hasOwn(raw, fixed))) return undefined;
    out[fixed] = value;
    changed ||= fixed !== name;
  }
  return changed ? out : undefined;
}

/** For a statement invalid only through misspelled element names: what it would say once they are fixed. */
function onceFixed(raw: unknown, kind: 'key' | 'iam', keyArn: string | undefined, keyAccount: string | undefined): string | undefined {
  const fixed = respelled(raw);
  if (!fixed) return undefined;
  const [stmt] = readPolicyDocument({ Version: '2012-10-17', Statement: [fixed] }).statements;
  const e = kind === 'key' ? keyStatement(stmt!, keyAccount) : iamStatement(stmt!, keyArn);
  return e.problems.length === 0 ? e.text : undefined;
}

/**
 * Explains a key policy or IAM policy statement by statement, in plain
 * language, with what each statement does not allow. Never throws: an
 * unreadable document is explained as such.
 */
export function explainPolicy(doc: unknown, opts: ExplainOptions = {}): PolicyExplanation {
  const view = readPolicyDocument(doc);
  const kind = opts.kind ?? (view.statements.some((s) => s.hasPrincipal || s.hasNotPrincipal || s.problems.some((p) => /did you mean "(Not)?Principal"/.test(p))) ? 'key' : 'iam');
  const key = opts.keyArn ? parseKeyArn(opts.keyArn) : undefined;
  const keyAccount = key?.ok ? key.value.account : undefined;
  const keyArn = key?.ok ? key.value.arn : undefined;
  const rawStatements = isPlainObject(doc) ? [doc.Statement].flat() : [];
  const statements = view.statements.map((s) => {
    const e = kind === 'key' ? keyStatement(s, keyAccount) : iamStatement(s, keyArn);
    const fixed = e.problems.length > 0 ? onceFixed(rawStatements[s.index], kind, keyArn, keyAccount) : undefined;
    return fixed ? { ...e, text: `${e.text} Once the element names are fixed it would read: ${fixed}` } : e;
  });
  if (view.statements.length === 0) {
    return { kind, statements, summary: capital(`${view.problems.join('; ') || 'the document has no statements'}: it allows nothing.`) };
  }
  const summary = kind === 'key' ? keySummary(view.statements, statements) : iamSummary(view.statements, statements);
  return { kind, statements, summary: view.problems.length > 0 ? `${summary} Document problems: ${view.problems.join('; ')}.` : summary };
}
