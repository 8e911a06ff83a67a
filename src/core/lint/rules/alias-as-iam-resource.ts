import { ALIAS_ARN, keyUseStatements } from '../iam-resources.js';
import type { DocumentRule } from '../types.js';

/**
 * "Specifying KMS keys in IAM policy statements", https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html:
 * an IAM policy must name the key by its key ARN; an
 * alias ARN as Resource never matches key use (a common bug report). Alias
 * ARNs are right only for the alias actions (CreateAlias, ...).
 */
export const aliasAsIamResource: DocumentRule = {
  code: 'KW501',
  name: 'alias-as-iam-resource',
  severity: 'error',
  title: 'Alias ARN as IAM Resource for key use',
  appliesTo: 'iam',
  check(doc, report) {
    for (const u of keyUseStatements(doc)) {
      if (u.aliasActions) continue;
      for (const r of u.resources) {
        if (!ALIAS_ARN.test(r.value)) continue;
        report(
          r.loc,
          `"${r.value}" is an alias ARN: for ${u.keyActions.slice(0, 2).join(', ')}${u.keyActions.length > 2 ? ', ...' : ''} IAM matches the key ARN, never the alias, so this grants nothing. ` +
            'Use the key ARN (aws kms describe-key --key-id <alias> shows it). To authorize by alias, add a kms:RequestAlias or ForAnyValue:StringEquals kms:ResourceAliases condition.',
        );
      }
    }
  },
};
