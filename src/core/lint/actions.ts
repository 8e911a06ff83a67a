// What a statement's Action / NotAction covers, in terms of KMS actions.
import { actionPatternToRegExp, expandKmsActions, KMS_ACTIONS } from '../catalog/actions.js';
import type { StatementModel } from './model.js';

/** actionPatternToRegExp (compiled once per pattern by the catalog). */
export const patternRegExp = actionPatternToRegExp;

/** expandKmsActions (computed once per pattern by the catalog). */
export const expandPattern = expandKmsActions;

/** `*`, or an action of the `kms:` service (any case: action names are case-insensitive). */
export function isKmsActionPattern(pattern: string): boolean {
  return pattern === '*' || pattern.toLowerCase().startsWith('kms:');
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

const coveredCache = new WeakMap<StatementModel, ReadonlySet<string>>();

/** The KMS actions a statement's Action (or everything but its NotAction) covers. */
export function coveredKmsActions(s: StatementModel): ReadonlySet<string> {
  let covered = coveredCache.get(s);
  if (!covered) {
    const matched = new Set(s.actions.filter((a) => isKmsActionPattern(a.value)).flatMap((a) => expandPattern(a.value)));
    covered = s.notAction ? new Set(KMS_ACTIONS.filter((a) => !matched.has(a))) : matched;
    coveredCache.set(s, covered);
  }
  return covered;
}

/** Whether the statement applies to `action` (a full name such as kms:PutKeyPolicy). */
export function statementCovers(s: StatementModel, action: string): boolean {
  const hit = s.actions.some((a) => patternRegExp(a.value).test(action));
  return s.notAction ? !hit && s.actions.length > 0 : hit;
}
