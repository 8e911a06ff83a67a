import { CRYPTOGRAPHIC_ACTIONS } from '../../catalog/actions.js';
import { statementCovers } from '../actions.js';
import { isEncryptionContextKey } from '../condition-keys.js';
import { positiveEntries } from '../conditions.js';
import type { StatementModel } from '../model.js';
import { isPositiveMatch } from '../operators.js';
import type { DocumentRule } from '../types.js';

const SOURCE_KEYS = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/**
 * An encryption-context condition naming the resource (CloudWatch Logs'
 * documented kms:EncryptionContext:aws:logs:arn, CloudTrail's
 * ...:aws:cloudtrail:arn) also ties the service's use to your resources.
 */
function scopedByContext(s: StatementModel): boolean {
  return s.conditions.some((c) => c.op && isPositiveMatch(c.op) && isEncryptionContextKey(c.key));
}

/**
 * Seen in public repositories (issue 3); KMS Developer Guide
 * [conditions-aws, least-privilege]: a service principal allowed to use the
 * key with no aws:SourceArn / aws:SourceAccount condition can be made to use
 * it for someone else's resources (the confused deputy). CloudTrail's
 * documented policy scopes with aws:SourceArn ("Configure AWS KMS key policies for CloudTrail",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html).
 */
export const servicePrincipalConfusedDeputy: DocumentRule = {
  code: 'KW406',
  name: 'service-principal-confused-deputy',
  severity: 'warning',
  title: 'Service principal with cryptographic actions and no aws:SourceArn/aws:SourceAccount',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || !s.principal || s.principal.negated) continue;
      const services = s.principal.entries.filter((e) => e.type === 'Service');
      if (services.length === 0) continue;
      const crypto = CRYPTOGRAPHIC_ACTIONS.filter((a) => statementCovers(s, a));
      if (crypto.length === 0 || SOURCE_KEYS.some((k) => positiveEntries(s, k).length > 0) || scopedByContext(s)) continue;
      report(
        services[0]!.loc,
        `Service principal ${services.map((e) => `"${e.value}"`).join(', ')} may use ${crypto.length > 3 ? `${crypto.slice(0, 3).join(', ')}...` : crypto.join(', ')} with no aws:SourceArn or aws:SourceAccount condition, ` +
          'so the service can be asked to use this key on behalf of resources in other accounts (confused deputy). ' +
          'Add "StringEquals": {"aws:SourceAccount": "<your account>"}, an "ArnLike" aws:SourceArn condition naming your resource, or the encryption-context condition the service documents.',
      );
    }
  },
};
