import { didYouMean } from '../suggest.js';

/**
 * A statement read from an untrusted document: every element checked for
 * shape, anything unusable recorded in `problems` rather than thrown.
 */
export interface PolicyStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  /** Raw `Principal` / `NotPrincipal` values; principal-match.ts reads them. */
  readonly principal?: unknown;
  readonly notPrincipal?: unknown;
  readonly hasPrincipal: boolean;
  readonly hasNotPrincipal: boolean;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  /** Raw `Condition` value; conditions.ts reads it. */
  readonly condition?: unknown;
  /** Problems that make the statement unusable: it never applies. */
  readonly problems: readonly string[];
}

export interface PolicyDocumentView {
  /** `Version` when it is a string; policy variables need 2012-10-17. */
  readonly version?: string;
  readonly statements: readonly PolicyStatement[];
  /** Problems with the document itself. */
  readonly problems: readonly string[];
}

const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const TOP_ELEMENTS = ['Version', 'Id', 'Statement'];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The strings of a one-or-many policy value (`"a"` or `["a", "b"]`; undefined gives none); other items are left out. */
export function stringEntries(value: unknown): string[] {
  return [value].flat().filter((x): x is string => typeof x === 'string');
}

/** Shortens a value for messages: never prints a huge or nested document. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deeply nested to print (JSON.stringify and String both recurse).
    text = Array.isArray(value) ? 'a deeply nested list' : 'a deeply nested object';
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function unknownElement(name: string, known: readonly string[]): string {
  const guess = didYouMean(name, known);
  return `unknown element "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
}

/** Reads a one-or-many string element; non-strings become problems. */
function stringList(stmt: Record<string, unknown>, name: string, problems: string[]): string[] | undefined {
  if (!Object.hasOwn(stmt, name)) return undefined;
  const value = stmt[name];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else problems.push(`${name} holds ${preview(item)}, which is not a string`);
  }
  if (out.length === 0) problems.push(`${name} names nothing`);
  return out;
}

function readStatement(raw: unknown, index: number): PolicyStatement {
  if (!isPlainObject(raw)) {
    return { index, hasPrincipal: false, hasNotPrincipal: false, problems: [`statement ${index + 1} is ${preview(raw)}, not an object`] };
  }
  const problems: string[] = [];
  for (const name of Object.keys(raw)) {
    if (!STATEMENT_ELEMENTS.includes(name)) problems.push(unknownElement(name, STATEMENT_ELEMENTS));
  }
  const sid = typeof raw.Sid === 'string' ? raw.Sid : undefined;
  if (Object.hasOwn(raw, 'Sid') && sid === undefined) problems.push(`Sid ${preview(raw.Sid)} is not a string`);

  let effect: 'Allow' | 'Deny' | undefined;
  if (raw.Effect === 'Allow' || raw.Effect === 'Deny') effect = raw.Effect;
  else if (!Object.hasOwn(raw, 'Effect')) problems.push('no Effect ("Allow" or "Deny")');
  else problems.push(`Effect ${preview(raw.Effect)} is neither "Allow" nor "Deny"`);

  const action = stringList(raw, 'Action', problems);
  const notAction = stringList(raw, 'NotAction', problems);
  if (action && notAction) problems.push('both Action and NotAction are present');
  if (!action && !notAction) problems.push('no Action (or NotAction): the statement covers no action');

  const resource = stringList(raw, 'Resource', problems);
  const notResource = stringList(raw, 'NotResource', problems);
  if (resource && notResource) problems.push('both Resource and NotResource are present');
  if (!resource && !notResource) problems.push('no Resource (or NotResource): the statement has no effect');

  const hasPrincipal = Object.hasOwn(raw, 'Principal');
  const hasNotPrincipal = Object.hasOwn(raw, 'NotPrincipal');
  if (hasPrincipal && hasNotPrincipal) problems.push('both Principal and NotPrincipal are present');

  if (Object.hasOwn(raw, 'Condition') && !isPlainObject(raw.Condition)) {
    problems.push(`Condition ${preview(raw.Condition)} is not an object of operators`);
  }
  return {
    index,
    ...(sid !== undefined ? { sid } : {}),
    ...(effect ? { effect } : {}),
    principal: raw.Principal,
    notPrincipal: raw.NotPrincipal,
    hasPrincipal,
    hasNotPrincipal,
    ...(action ? { action } : {}),
    ...(notAction ? { notAction } : {}),
    ...(resource ? { resource } : {}),
    ...(notResource ? { notResource } : {}),
    condition: raw.Condition,
    problems,
  };
}

/** Reads any JSON value as a policy document; never throws. */
export function readPolicyDocument(doc: unknown): PolicyDocumentView {
  if (!isPlainObject(doc)) {
    return { statements: [], problems: [`the document is ${preview(doc)}, not a JSON object with a Statement list`] };
  }
  const problems: string[] = [];
  for (const name of Object.keys(doc)) {
    if (!TOP_ELEMENTS.includes(name)) problems.push(unknownElement(name, TOP_ELEMENTS));
  }
  const version = typeof doc.Version === 'string' ? doc.Version : undefined;
  if (!Object.hasOwn(doc, 'Statement')) {
    problems.push('no Statement element');
    return { ...(version ? { version } : {}), statements: [], problems };
  }
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return { ...(version ? { version } : {}), statements: list.map(readStatement), problems };
}
