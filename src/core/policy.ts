/** The policy language version every document this tool emits uses. */
export const POLICY_VERSION = '2012-10-17';

export type OneOrMany<T> = T | T[];

/** `Principal` element: `"*"` or a map such as `{ "AWS": [...], "Service": ... }`. */
export type PrincipalBlock = '*' | { [kind: string]: OneOrMany<string> };

/** `Condition` element: operator -> condition key -> value(s). */
export type ConditionBlock = Record<string, Record<string, OneOrMany<string | boolean | number>>>;

/** One statement of a key policy or an IAM policy, as this tool emits them. */
export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PrincipalBlock;
  NotPrincipal?: PrincipalBlock;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: ConditionBlock;
}

/** A key policy or IAM policy document. */
export interface PolicyDocument {
  Version: typeof POLICY_VERSION;
  Id?: string;
  Statement: Statement[];
}

/** Normalises a one-or-many element to an array. */
export function asArray<T>(value: OneOrMany<T> | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The canonical on-disk form: 2-space JSON with a final newline. */
export function serializePolicy(doc: PolicyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
