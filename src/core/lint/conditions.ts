// Questions rules ask about a statement's Condition block.
import type { ConditionEntry, StatementModel } from './model.js';
import { isPositiveMatch } from './operators.js';

export function sameKey(a: string, b: string): boolean {
  // Condition key names are case-insensitive ("IAM JSON policy elements: Condition",
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
  return a.toLowerCase() === b.toLowerCase();
}

/** Entries for `key` under an operator that restricts to listed values (StringEquals, StringLike, ...). */
export function positiveEntries(s: StatementModel, key: string): ConditionEntry[] {
  return s.conditions.filter((c) => c.op && isPositiveMatch(c.op) && sameKey(c.key, key));
}

/** The string values a statement requires for `key` (under positive operators). */
export function requiredValues(s: StatementModel, key: string): string[] {
  return positiveEntries(s, key).flatMap((c) => c.values.map((v) => String(v.value)));
}

/** Policy variables (`${aws:username}`) and wildcards make a value a pattern, not a literal. */
export function isPatternValue(value: string): boolean {
  return value.includes('${') || value.includes('*') || value.includes('?');
}
