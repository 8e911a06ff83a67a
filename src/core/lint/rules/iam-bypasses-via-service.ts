import { CRYPTOGRAPHIC_ACTIONS } from '../../catalog/actions.js';
import { statementCovers } from '../actions.js';
import { positiveEntries, sameKey } from '../conditions.js';
import { keyUseStatements } from '../iam-resources.js';
import { delegatingStatements, keyAccountOf, resourceMatches } from '../key-policy-delegation.js';
import { statementLabel, type PolicyModel } from '../model.js';
import type { CrossRule } from '../types.js';

/**
 * Cryptographic actions the key policy allows only through kms:ViaService,
 * with the statements that say so: for named principals, an account root, or
 * "*". The last two are what CDK synthesizes for a grant to a
 * ViaServicePrincipal (its default base principal is AnyPrincipal; an
 * AccountRootPrincipal has no policy to add to), so the grant lands in the key
 * policy while grants to roles land in their DefaultPolicy; KW602 reports the
 * root statement that opens the bypass, this rule the IAM statement that uses it.
 */
function viaServiceRestricted(key: PolicyModel): Map<string, string[]> {
  const restricted = new Map<string, string[]>();
  for (const s of key.statements) {
    if (s.effect !== 'Allow' || !s.principal || s.principal.negated) continue;
    if (!positiveEntries(s, 'kms:ViaService').some((c) => c.op?.setPrefix !== 'ForAllValues')) continue;
    for (const a of CRYPTOGRAPHIC_ACTIONS) if (statementCovers(s, a)) restricted.set(a, [...(restricted.get(a) ?? []), statementLabel(s)]);
  }
  return restricted;
}

/**
 * "kms:ViaService" (AWS KMS condition keys, AWS KMS Developer Guide) and
 * "Allows access to the AWS account and enables IAM policies" (Default key
 * policy): Allow statements add up, so when the key policy limits an action
 * to kms:ViaService for named principals but also lets IAM policies of the
 * account grant it with no condition, an IAM policy that allows the action
 * with no kms:ViaService condition (CDK's grantDecrypt writes such a
 * *DefaultPolicy*) lets its principals call KMS directly, around the
 * restriction. A Deny with StringNotEquals kms:ViaService closes it.
 */
export const iamBypassesViaService: CrossRule = {
  code: 'KW704',
  name: 'iam-policy-bypasses-via-service',
  severity: 'error',
  title: 'IAM policy allows direct use of a key whose policy restricts it to kms:ViaService',
  check(set, report) {
    const key = set.keyPolicy;
    if (!key) return;
    const restricted = viaServiceRestricted(key);
    if (restricted.size === 0) return;
    if (key.statements.some((s) => s.effect === 'Deny' && s.conditions.some((c) => c.op?.negated && sameKey(c.key, 'kms:ViaService')))) return;
    const open = delegatingStatements(key, keyAccountOf(set.keyArn)).filter((s) => s.conditions.length === 0);
    if (open.length === 0) return;
    for (const doc of set.iamPolicies) {
      for (const u of keyUseStatements(doc)) {
        const s = u.statement;
        if (s.effect !== 'Allow' || positiveEntries(s, 'kms:ViaService').length > 0) continue;
        if (set.keyArn && !u.resources.some((r) => resourceMatches(r.value, set.keyArn!))) continue;
        const bypassed = [...restricted.keys()].filter((a) => statementCovers(s, a) && open.some((o) => statementCovers(o, a)));
        if (bypassed.length === 0) continue;
        const labels = [...new Set(bypassed.flatMap((a) => restricted.get(a)!))].join(', ');
        report(
          doc,
          s.elements.get('Action')?.loc ?? s.loc,
          `The key policy allows ${bypassed.join(', ')} only through kms:ViaService in ${labels}, but ${open.map(statementLabel).join(', ')} of the key policy lets IAM policies grant ${bypassed.length === 1 ? 'it' : 'them'} with no condition. ` +
            'This IAM statement has no kms:ViaService condition, so its principals can call KMS directly, around the restriction.',
          'Add the same "StringEquals": {"kms:ViaService": [...]} condition to this statement, or add a Deny statement with "StringNotEquals": {"kms:ViaService": [...]} to the key policy.',
        );
      }
    }
  },
};
