import { statementCovers } from '../actions.js';
import { ADMIN_ACTION_LIST } from '../admin-actions.js';
import { itemsOf } from '../json-tree.js';
import type { PolicyModel, StatementModel } from '../model.js';
import { isUnresolvedIntrinsic } from '../principals.js';
import type { DocumentRule } from '../types.js';

const PUT = 'kms:PutKeyPolicy';

/**
 * A principal or action written as a CloudFormation intrinsic that only
 * deployment resolves (`!Ref AdminRoleArn`, `!GetAtt Admin.Arn`) is someone
 * unknown, never nobody: it may be the administrator.
 */
function letsSomeoneAdminister(s: StatementModel): boolean {
  if (s.effect !== 'Allow' || !s.principal || s.principal.negated) return false;
  const { node } = s.principal.element;
  const unresolved = node.type === 'string' && isUnresolvedIntrinsic(node.value as string);
  const aws = unresolved || s.principal.star || s.principal.entries.some((e) => e.type === 'AWS');
  return aws && (statementCovers(s, PUT) || (!s.notAction && s.actions.some((a) => isUnresolvedIntrinsic(a.value))));
}

/** A statement (or the whole Statement list) that only deployment knows. */
function hasUnresolvedStatement(doc: PolicyModel): boolean {
  const el = doc.elements.get('Statement');
  if (!el) return false;
  const strings = el.node.type === 'string' ? [el.node] : itemsOf(el.node, el.loc.pointer).map((i) => i.node).filter((n) => n.type === 'string');
  return strings.some((n) => isUnresolvedIntrinsic(n.value as string));
}

function deniesEveryone(s: StatementModel): boolean {
  return s.effect === 'Deny' && s.principal !== undefined && !s.principal.negated && s.principal.star && s.conditions.length === 0 && statementCovers(s, PUT);
}

/**
 * PutKeyPolicy API reference, https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html and "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html:
 * unless BypassPolicyLockoutSafetyCheck is set, KMS rejects a
 * key policy that would not let anyone call PutKeyPolicy again ("The new key
 * policy will not allow you to update the key policy in the future"); with
 * the bypass, the key becomes unmanageable.
 */
export const keyPolicyLockout: DocumentRule = {
  code: 'KW601',
  name: 'key-policy-lockout',
  severity: 'error',
  title: 'No statement lets anyone call kms:PutKeyPolicy (lockout)',
  appliesTo: 'key',
  check(doc, report) {
    if (doc.statements.length === 0) return; // KW004
    const deny = doc.statements.find(deniesEveryone);
    if ((doc.statements.some(letsSomeoneAdminister) || hasUnresolvedStatement(doc)) && !deny) return;
    const el = doc.elements.get('Statement');
    report(
      deny?.loc ?? el?.loc ?? { pointer: '', offset: doc.root.offset },
      (deny
        ? 'This statement denies kms:PutKeyPolicy to everyone, so nobody could change the key policy again. '
        : 'No statement lets any IAM principal call kms:PutKeyPolicy, so nobody could change this key policy again. ') +
        'KMS refuses such a policy ("will not allow you to update the key policy in the future"); forcing it makes the key unmanageable. ' +
        '(AWS managed keys, whose policies nobody can change, are the exception.) ' +
        `Add a key-administrator statement: Principal your account root or an admin role, Action ${ADMIN_ACTION_LIST}.`,
    );
  },
};
