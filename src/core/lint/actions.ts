// What a statement's Action / NotAction covers, in terms of KMS actions.
import { actionPatternToRegExp, expandKmsActions, KMS_ACTIONS } from '../catalog/actions.js';
import type { StatementModel } from './model.js';

/** `*`, or an action of the `kms:` service (any case: action names are case-insensitive). */
export function isKmsActionPattern(pattern: string): boolean {
  return pattern === '*' || pattern.toLowerCase().startsWith('kms:');
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** The KMS actions a statement's Action (or everything but its NotAction) covers. */
export function coveredKmsActions(s: StatementModel): Set<string> {
  const matched = new Set(s.actions.filter((a) => isKmsActionPattern(a.value)).flatMap((a) => expandKmsActions(a.value)));
  if (!s.notAction) return matched;
  return new Set(KMS_ACTIONS.filter((a) => !matched.has(a)));
}

/** Whether the statement applies to `action` (a full name such as kms:PutKeyPolicy). */
export function statementCovers(s: StatementModel, action: string): boolean {
  const hit = s.actions.some((a) => actionPatternToRegExp(a.value).test(action));
  return s.notAction ? !hit && s.actions.length > 0 : hit;
}
