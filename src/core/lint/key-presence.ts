// Which actions of a statement can never match because a condition requires a
// kms: key those actions' requests never carry (encryption
// context conditions on DescribeKey always deny: "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html).
import { actionSupportsConditionKey, kmsAction, kmsConditionKey } from '../catalog/actions.js';
import { expandPattern, hasWildcard, isKmsActionPattern } from './actions.js';
import { keyPrefix } from './condition-keys.js';
import type { Located } from './json-tree.js';
import type { ConditionEntry, StatementModel } from './model.js';
import { requiresKeyPresent } from './operators.js';

export interface DeadAction {
  readonly action: Located<string>;
  /** The condition whose key the action's requests never carry. */
  readonly condition: ConditionEntry;
}

export interface KeyPresence {
  readonly dead: DeadAction[];
  /** True when no action of the statement can ever match. */
  readonly allDead: boolean;
}

/** An action entry is dead for a key when no action it names carries the key. */
function deadFor(pattern: string, key: string): boolean {
  if (hasWildcard(pattern)) {
    const expanded = expandPattern(pattern);
    return expanded.length > 0 && expanded.every((a) => !actionSupportsConditionKey(a, key));
  }
  return kmsAction(pattern) !== undefined && !actionSupportsConditionKey(pattern, key);
}

const cache = new WeakMap<StatementModel, KeyPresence>();

/** Three rules ask this of every statement; it is computed once per statement. */
export function keyPresence(s: StatementModel): KeyPresence {
  let result = cache.get(s);
  if (!result) cache.set(s, (result = computeKeyPresence(s)));
  return result;
}

function computeKeyPresence(s: StatementModel): KeyPresence {
  const none = { dead: [], allDead: false };
  if (s.notAction || s.actions.length === 0) return none;
  const required = s.conditions.filter((c) => c.op && requiresKeyPresent(c.op) && keyPrefix(c.key) === 'kms' && kmsConditionKey(c.key));
  if (required.length === 0) return none;
  const dead: DeadAction[] = [];
  for (const a of s.actions) {
    const condition = isKmsActionPattern(a.value) ? required.find((c) => deadFor(a.value, c.key)) : undefined;
    if (condition) dead.push({ action: a, condition });
  }
  // Only known KMS actions can be judged; anything else keeps the statement alive.
  const judged = s.actions.every((a) => isKmsActionPattern(a.value) && (hasWildcard(a.value) ? expandPattern(a.value).length > 0 : kmsAction(a.value)));
  return { dead, allDead: judged && dead.length === s.actions.length };
}

/** Human list of the actions that do carry a key, for messages. */
export function actionsCarrying(key: string): string[] {
  return expandPattern('kms:*').filter((a) => actionSupportsConditionKey(a, key));
}
