import { safeText } from '../../terminal-safe.js';
import type { DocumentRule } from '../types.js';

/**
 * EBS uses the caller's credentials: the AWS managed EBS key allows
 * Principal {"AWS": "*"} with kms:CallerAccount and kms:ViaService
 * ec2.REGION.amazonaws.com (AWS KMS Developer Guide, "kms:ViaService"). No
 * AWS page names "ec2.amazonaws.com" in a key policy for EBS, yet public
 * policies carry it; it allows nothing EBS needs and looks like it does.
 */
export const ec2PrincipalForEbs: DocumentRule = {
  code: 'KW409',
  name: 'ec2-principal-for-ebs',
  severity: 'warning',
  title: 'ec2.amazonaws.com as a key policy principal (EBS never calls KMS as itself)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || !s.principal || s.principal.negated) continue;
      for (const e of s.principal.entries) {
        if (e.type !== 'Service' || !/^ec2(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/i.test(e.value)) continue;
        report(
          e.loc,
          `EBS never calls KMS as "${safeText(e.value)}": it uses the credentials of the principal that creates or attaches the volume, through kms:ViaService ec2.REGION.amazonaws.com. ` +
            'Remove this statement and allow those principals (or their account) with a kms:ViaService ec2.<region>.amazonaws.com condition (kms-wizard generate --service ebs); ' +
            'EC2 Auto Scaling uses its service-linked role AWSServiceRoleForAutoScaling as an AWS principal.',
        );
      }
    }
  },
};
