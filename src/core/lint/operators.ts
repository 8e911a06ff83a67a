/**
 * Condition operators of the IAM policy language [IAM User Guide:
 * reference_policies_elements_condition_operators]: each base operator, its
 * `...IfExists` form (not for Null), and the `ForAllValues:` / `ForAnyValue:`
 * set prefixes.
 */
import { lazy } from '../lazy.js';

export const BASE_OPERATORS: readonly string[] = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase',
  'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals',
  'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress',
  'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike',
  'Null',
];

export type SetPrefix = 'ForAllValues' | 'ForAnyValue';

/** A condition operator taken apart: `ForAnyValue:StringLikeIfExists`. */
export interface ParsedOperator {
  readonly text: string;
  readonly base: string;
  readonly setPrefix?: SetPrefix;
  readonly ifExists: boolean;
  /** StringNotEquals, ArnNotLike, NotIpAddress...: true when the key is absent. */
  readonly negated: boolean;
}

const BASE_SET = new Set(BASE_OPERATORS);

/** Every spelling of an operator AWS accepts, for "did you mean". */
export const allOperators: () => readonly string[] = lazy(() =>
  BASE_OPERATORS.flatMap((b) => {
    const forms = b === 'Null' ? [b] : [b, `${b}IfExists`];
    return [...forms, ...forms.flatMap((f) => [`ForAllValues:${f}`, `ForAnyValue:${f}`])];
  }),
);

/** Parses an operator name; undefined when it is not one AWS knows (names are case-sensitive). */
export function parseOperator(text: string): ParsedOperator | undefined {
  let rest = text;
  let setPrefix: SetPrefix | undefined;
  for (const p of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${p}:`)) {
      setPrefix = p;
      rest = rest.slice(p.length + 1);
    }
  }
  let ifExists = false;
  if (rest.endsWith('IfExists') && rest !== 'IfExists') {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!BASE_SET.has(rest) || (rest === 'Null' && ifExists)) return undefined;
  return { text, base: rest, ifExists, negated: /Not/.test(rest), ...(setPrefix ? { setPrefix } : {}) };
}

/**
 * Whether a condition under this operator is false when its key is absent
 * from the request (so the statement cannot match requests that lack the key).
 * IfExists, negated operators, Null and `ForAllValues:` are true then.
 */
export function requiresKeyPresent(op: ParsedOperator): boolean {
  return !op.ifExists && !op.negated && op.base !== 'Null' && op.setPrefix !== 'ForAllValues';
}

/** Whether the operator restricts to the listed values (not a negation, not Null). */
export function isPositiveMatch(op: ParsedOperator): boolean {
  return !op.negated && op.base !== 'Null';
}

/** Operators that compare strings literally: `*` and `?` are not wildcards there. */
export function isLiteralStringOperator(op: ParsedOperator): boolean {
  return op.base.startsWith('String') && !op.base.includes('Like');
}

/** Operators whose values may hold `*` and `?` wildcards. */
export function allowsWildcards(op: ParsedOperator): boolean {
  return op.base.includes('Like') || op.base.startsWith('Arn');
}
