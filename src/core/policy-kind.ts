// Which kind of policy a document is: a KMS key policy, an IAM identity
// (permission) policy, or an IAM role trust policy. One rule for every
// command (lint, explain, simulate, diff), so that they all agree.
import { didYouMean } from './suggest.js';

/**
 * - `key`: a resource policy (it names a Principal) that may be a key policy;
 * - `iam`: an identity-based policy (IAM policies never name a Principal:
 *   "IAM JSON policy elements: Principal",
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html);
 * - `trust`: a role trust policy, the resource policy of an IAM role: it
 *   names a Principal and its actions are sts: ones only (sts:AssumeRole,
 *   sts:AssumeRoleWithWebIdentity, sts:TagSession...; "Role terms and
 *   concepts", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-trust-policy);
 * - `resource`: another service's resource policy (a bucket, topic or queue
 *   policy): a Principal, and actions none of which can be a kms: action.
 * A key policy grants kms: actions (or "*", or NotAction); the last two are not key policies.
 */
export type DocumentKind = 'key' | 'iam' | 'trust' | 'resource';

export const DOCUMENT_ELEMENTS: readonly string[] = ['Version', 'Id', 'Statement'];
export const STATEMENT_ELEMENTS: readonly string[] = [
  'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
];

/** Where each element of an object is: by member index, exact names first, then the closest misspelling of a missing element. */
export interface ClassifiedNames {
  readonly elements: Map<string, { readonly index: number; readonly misspelled: boolean }>;
  /** Indexes of members that are neither an element nor a misspelling of one. */
  readonly unknown: number[];
}

/** Sorts member names into elements ("Pricipal" stands for Principal when Principal is absent) and unknown names. */
export function classifyNames(names: readonly string[], known: readonly string[]): ClassifiedNames {
  const elements = new Map<string, { index: number; misspelled: boolean }>();
  const rest: number[] = [];
  names.forEach((name, index) => {
    if (!elements.has(name) && known.includes(name)) elements.set(name, { index, misspelled: false });
    else rest.push(index);
  });
  const unknown: number[] = [];
  for (const index of rest) {
    const name = names[index]!;
    const guess = known.includes(name) ? undefined : didYouMean(name, known);
    if (guess && !elements.has(guess)) elements.set(guess, { index, misspelled: true });
    else unknown.push(index);
  }
  return { elements, unknown };
}

/** What kind detection reads of one statement. */
export interface StatementClues {
  /** A Principal or NotPrincipal element (or a misspelling of one). */
  readonly principal: boolean;
  /** The Action strings (empty for NotAction or no Action). */
  readonly actions: readonly string[];
  readonly notAction: boolean;
}

const STS_ACTION = /^sts:/i;

/**
 * An action that cannot be a KMS one: a service prefix other than kms, with
 * no wildcard in the prefix ("*", "*:Get*" and "k*:Decrypt" might match kms:).
 * Action names compare case-insensitively ("IAM JSON policy elements: Action",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
function cannotBeKms(action: string): boolean {
  const colon = action.indexOf(':');
  if (colon <= 0) return false;
  const prefix = action.slice(0, colon);
  return !/[*?]/.test(prefix) && prefix.toLowerCase() !== 'kms';
}

/** The kind of a document from its statements' clues (see DocumentKind). */
export function kindFromStatements(statements: readonly StatementClues[]): DocumentKind {
  if (!statements.some((s) => s.principal)) return 'iam';
  const actions = statements.flatMap((s) => s.actions);
  if (actions.length === 0 || statements.some((s) => s.notAction) || !actions.every(cannotBeKms)) return 'key';
  return actions.every((a) => STS_ACTION.test(a)) ? 'trust' : 'resource';
}

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value of an element of a plain JSON object, under its exact name or a misspelling of it. */
function elementValue(obj: JsonObject, element: string, known: readonly string[]): unknown {
  const names = Object.keys(obj);
  const found = classifyNames(names, known).elements.get(element);
  return found ? obj[names[found.index]!] : undefined;
}

function cluesOf(statement: JsonObject): StatementClues {
  const names = Object.keys(statement);
  const { elements } = classifyNames(names, STATEMENT_ELEMENTS);
  const valueOf = (e: string) => {
    const found = elements.get(e);
    return found ? statement[names[found.index]!] : undefined;
  };
  const action = valueOf('Action');
  const actions = typeof action === 'string' ? [action] : Array.isArray(action) ? action.filter((a): a is string => typeof a === 'string') : [];
  return { principal: elements.has('Principal') || elements.has('NotPrincipal'), actions, notAction: elements.has('NotAction') };
}

/**
 * The kind of a parsed policy document (the value JSON.parse gives). Anything
 * that is not an object with statements is read as an identity policy, as
 * lint reads it (its structural checks then say what is missing).
 */
export function detectKind(document: unknown): DocumentKind {
  if (!isObject(document)) return 'iam';
  const statement = elementValue(document, 'Statement', DOCUMENT_ELEMENTS);
  const statements = isObject(statement) ? [statement] : Array.isArray(statement) ? statement.filter(isObject) : [];
  return kindFromStatements(statements.map(cluesOf));
}
