import { keyUseStatements, namesEveryKey } from '../iam-resources.js';
import type { ConditionEntry, StatementModel } from '../model.js';
import { isPositiveMatch } from '../operators.js';
import type { DocumentRule } from '../types.js';

/**
 * Condition keys that choose keys by their tags or aliases ("ABAC for AWS
 * KMS", https://docs.aws.amazon.com/kms/latest/developerguide/abac.html:
 * aws:ResourceTag/tag-key, kms:ResourceAliases, kms:RequestAlias). With one of
 * them, Resource "*" is how AWS writes an ABAC statement: the tag or alias
 * names the keys, not the Resource element.
 */
const KEY_SCOPING = /^(aws:resourcetag\/.+|kms:resourcealiases|kms:requestalias)$/i;

/** A condition false when the key is absent: not negated, not IfExists, not ForAllValues: (true on a key with no tags). */
function scopesKeys(c: ConditionEntry): boolean {
  return c.op !== undefined && isPositiveMatch(c.op) && !c.op.ifExists && c.op.setPrefix !== 'ForAllValues' && KEY_SCOPING.test(c.key);
}

const PRINCIPAL_TAG = /^aws:principaltag\//i;

function hasPrincipalTagCondition(s: StatementModel): boolean {
  return s.conditions.some((c) => PRINCIPAL_TAG.test(c.key));
}

/**
 * "Specifying KMS keys in IAM policy statements", https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html:
 * name the key by its ARN. "*" (or key/*) lets this IAM policy
 * use every key whose key policy trusts the account, not just the one meant,
 * unless a tag or alias condition chooses the keys (ABAC).
 */
export const iamResourceEveryKey: DocumentRule = {
  code: 'KW503',
  name: 'iam-resource-every-key',
  severity: 'warning',
  title: 'IAM Resource "*" (every key) for key use, with no tag or alias condition',
  appliesTo: 'iam',
  check(doc, report) {
    for (const u of keyUseStatements(doc)) {
      if (u.statement.effect !== 'Allow' || u.statement.conditions.some(scopesKeys)) continue;
      // aws:PrincipalTag decides who matches, not which keys: say so rather than ignore it.
      const who = hasPrincipalTagCondition(u.statement)
        ? ' Its aws:PrincipalTag condition limits who may use them, not which keys: for ABAC add aws:ResourceTag/<tag> (for example "aws:ResourceTag/Project": "${aws:PrincipalTag/Project}").'
        : '';
      for (const r of u.resources) {
        if (!namesEveryKey(r.value)) continue;
        report(
          r.loc,
          `Resource "${r.value}" covers every KMS key whose key policy trusts this account, not only the key you mean.${who} ` +
            'Name the key ARN (for a multi-Region key and its replicas: arn:aws:kms:*:<account>:key/mrk-...), or choose keys by tag or alias (aws:ResourceTag/<tag>, kms:ResourceAliases).',
        );
      }
    }
  },
};
