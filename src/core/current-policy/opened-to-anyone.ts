// The change a reviewer must never miss: a key policy that now lets anyone use the key.
import { isPlainObject, stringEntries } from '../evaluate/policy-document.js';
import { ACCOUNT_LIMITING_KEYS } from '../lint/star-principal.js';

/**
 * Condition keys that narrow a "*" principal to named accounts, organizations or principals:
 * the caller's own (ACCOUNT_LIMITING_KEYS), or, for calls a service makes, the resource or
 * account it acts for ("AWS global condition context keys": aws:SourceAccount, aws:SourceArn,
 * aws:SourceOrgID, aws:SourceOrgPaths; a direct caller carries none, so they fail for it).
 */
const NARROWING_KEYS = [...ACCOUNT_LIMITING_KEYS, 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths'].map((k) => k.toLowerCase());

/** A positive operator with a concrete value: negated, IfExists, ForAllValues and Null tests narrow nothing. */
function narrows(operator: string, block: unknown): boolean {
  if (/Not|IfExists$|^ForAllValues:|^Null$/.test(operator) || !isPlainObject(block)) return false;
  return Object.entries(block).some(([key, value]) => NARROWING_KEYS.includes(key.toLowerCase()) && stringEntries(value).length > 0 && !stringEntries(value).includes('*'));
}

/** Allow, Principal "*" (or {"AWS": "*"}), and no condition that narrows who. */
function isOpenToAnyone(statement: unknown): boolean {
  if (!isPlainObject(statement) || statement.Effect !== 'Allow') return false;
  const p = statement.Principal;
  const star = p === '*' || (isPlainObject(p) && stringEntries(p.AWS).includes('*'));
  if (!star) return false;
  const condition = isPlainObject(statement.Condition) ? statement.Condition : {};
  return !Object.entries(condition).some(([op, block]) => narrows(op, block));
}

const statementsOf = (doc: unknown): unknown[] => {
  const s = isPlainObject(doc) ? doc.Statement : undefined;
  return Array.isArray(s) ? s : s === undefined ? [] : [s];
};

/**
 * One warning per statement of `after` that lets every principal of every AWS account use the key
 * (Principal "*" with no condition naming an account, organization or principal) and that `before`
 * did not already have, word for word ("Key policies in AWS KMS",
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html).
 */
export function openedToAnyone(before: unknown, after: unknown): string[] {
  const had = new Set(statementsOf(before).map((s) => JSON.stringify(s)));
  return statementsOf(after).flatMap((s, i) => {
    if (!isOpenToAnyone(s) || had.has(JSON.stringify(s))) return [];
    const sid = isPlainObject(s) && typeof s.Sid === 'string' ? ` "${s.Sid}"` : '';
    const limited = isPlainObject(s) && isPlainObject(s.Condition) && Object.keys(s.Condition).length > 0;
    return [
      `statement ${i + 1}${sid} makes the key usable by anyone: Principal "*" is every principal of every AWS account, ` +
        (limited ? 'and none of its conditions names an account, organization or principal' : 'and it has no condition') +
        '. Add kms:CallerAccount (your account id) or aws:PrincipalOrgID, or name the principals instead.',
    ];
  });
}
