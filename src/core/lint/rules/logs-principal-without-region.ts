import { safeText } from '../../terminal-safe.js';
import type { DocumentRule } from '../types.js';

/**
 * "Encrypt log data in CloudWatch Logs using AWS KMS" (CloudWatch Logs User
 * Guide): the key policy names logs.REGION.amazonaws.com, and "this service
 * principal must be in the same AWS Region where the KMS key is stored". The
 * regionless logs.amazonaws.com, common in copied policies, is not the
 * principal CloudWatch Logs calls KMS as.
 */
export const logsPrincipalWithoutRegion: DocumentRule = {
  code: 'KW410',
  name: 'logs-principal-without-region',
  // An error: CloudWatch Logs is denied the key the statement exists to give it.
  severity: 'error',
  title: 'CloudWatch Logs service principal without its Region (logs.amazonaws.com)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (!s.principal || s.principal.negated) continue;
      for (const e of s.principal.entries) {
        if (e.type !== 'Service' || !/^logs\.amazonaws\.com(\.cn)?$/i.test(e.value)) continue;
        report(
          e.loc,
          `CloudWatch Logs calls KMS as the regional principal logs.REGION.amazonaws.com, in the Region of the key, so "${safeText(e.value)}" does not let it encrypt your log groups. ` +
            'Write "logs.<the key\'s Region>.amazonaws.com", e.g. logs.us-east-1.amazonaws.com (kms-wizard generate --service logs).',
        );
      }
    }
  },
};
