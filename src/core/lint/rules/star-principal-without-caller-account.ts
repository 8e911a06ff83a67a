import { safeText } from '../../terminal-safe.js';
import { accountLimits, isStarAllow, nonNarrowingAccountEntries, sourceLimits } from '../star-principal.js';
import type { DocumentRule } from '../types.js';

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService: `"*"` with ViaService but without kms:CallerAccount lets
 * principals of other accounts, whose own IAM policies allow it, use the key
 * through the service (CDK's ViaServicePrincipal does this by default).
 *
 * Not reported when a condition narrows "*" to accounts or identities
 * (kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, ...; KW403
 * says what that means) or to AWS services acting for a named source
 * (aws:SourceOrgID, aws:SourceAccount, aws:SourceArn, usually beside
 * aws:PrincipalIsAWSService: "AWS global condition context keys",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice).
 * A negated operator, ...IfExists or ForAllValues: does not narrow (each is
 * true when the key is absent).
 */
export const starPrincipalWithoutCallerAccount: DocumentRule = {
  code: 'KW402',
  name: 'star-principal-without-caller-account',
  // An error (issue 18: severity follows consequence): the statement opens the key
  // to every account, wider than the service restriction it is written as.
  severity: 'error',
  title: 'Principal "*" without kms:CallerAccount (other accounts can use the key)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (!isStarAllow(s) || s.conditions.length === 0 || accountLimits(s).length > 0 || sourceLimits(s).length > 0) continue;
      const loose = nonNarrowingAccountEntries(s);
      const why = loose.length > 0
        ? ` ("${safeText(loose[0]!.operator)}" on "${safeText(loose[0]!.key)}" does not limit it: a negated, IfExists or ForAllValues: operator is true when the key is absent, and a value of "*" matches anyone)`
        : '';
      report(
        s.principal!.element.loc,
        `Principal "*" without a kms:CallerAccount condition${why}: principals of other AWS accounts whose IAM policies allow it can use this key too. ` +
          'Add "kms:CallerAccount": "<your account id>" under StringEquals (or, for AWS services, "aws:SourceAccount" / "aws:SourceOrgID" beside "aws:PrincipalIsAWSService": "true").',
      );
    }
  },
};
