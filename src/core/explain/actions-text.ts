import { CRYPTOGRAPHIC_ACTIONS, expandKmsActions } from '../catalog/actions.js';
import { joinWords } from './english-list.js';

const strip = (a: string) => a.replace(/^kms:/i, '');

/** The KMS actions a statement's Action list covers (wildcards expanded). */
export function coveredActions(patterns: readonly string[]): string[] {
  return [...new Set(patterns.flatMap((p) => expandKmsActions(p)))];
}

/**
 * Names a statement's actions for a reader: "Decrypt and GenerateDataKey",
 * "every KMS action", "key administration (Describe*, Put*, ... 12 more)".
 */
export function actionsPhrase(action: readonly string[] | undefined, notAction: readonly string[] | undefined): string {
  if (notAction) return `every action except ${joinWords(notAction.map(strip))}`;
  const list = action ?? [];
  if (list.some((a) => a === '*' || a.toLowerCase() === 'kms:*')) return 'every KMS action (administration included)';
  const covered = coveredActions(list);
  const crypto = covered.filter((a) => CRYPTOGRAPHIC_ACTIONS.includes(a));
  if (list.length >= 4 && crypto.length === 0 && covered.length > 0) {
    const shown = list.slice(0, 3).map(strip).join(', ');
    return `key administration (${shown}${list.length > 3 ? ` and ${list.length - 3} more` : ''}), none of the cryptographic actions`;
  }
  return joinWords(list.map(patternWords));
}

/** A wildcard with what it expands to: "Describe* (DescribeCustomKeyStores, DescribeKey)", "GenerateDataKey* (4 actions)". */
function patternWords(pattern: string): string {
  if (!pattern.includes('*') && !pattern.includes('?')) return strip(pattern);
  const expanded = expandKmsActions(pattern).map(strip);
  if (expanded.length === 0) return `${strip(pattern)} (matches no KMS action)`;
  return `${strip(pattern)} (${expanded.length <= 3 ? expanded.join(', ') : `${expanded.length} actions`})`;
}

/** A telling action the statement does not cover, to name in "what it does not allow". */
export function uncoveredExample(action: readonly string[] | undefined, notAction: readonly string[] | undefined): string | undefined {
  if (notAction) return coveredActions(notAction)[0];
  if ((action ?? []).some((a) => a === '*' || a.toLowerCase() === 'kms:*')) return undefined;
  const covered = new Set(coveredActions(action ?? []));
  const candidates = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:CreateGrant', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'];
  return candidates.find((c) => !covered.has(c));
}
