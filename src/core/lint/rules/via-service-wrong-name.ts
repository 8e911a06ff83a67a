import { findNonViaService, findService, isViaServiceName } from '../../catalog/services.js';
import type { DocumentRule } from '../types.js';
import { viaServiceShape, viaServiceValues } from '../via-service.js';

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService table: some services go by another name in kms:ViaService (EBS is
 * `ec2`, Aurora is `rds`, OpenSearch is `es`...), and CloudTrail / CloudWatch
 * Logs are not ViaService services at all. Such a value never matches.
 */
export const viaServiceWrongName: DocumentRule = {
  code: 'KW306',
  name: 'via-service-wrong-name',
  severity: 'error',
  title: 'kms:ViaService names a service by the wrong name (ebs. for ec2., ...)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const v of viaServiceValues(s)) {
        const shape = viaServiceShape(v.value);
        if (shape.kind !== 'ok' || isViaServiceName(shape.service)) continue;
        const entry = findService(shape.service);
        if (entry) {
          const fixes = entry.viaServiceNames.map((n) => `"${n}.${shape.region}.amazonaws.com"`).join(' and ');
          report(v.loc, `In kms:ViaService, ${entry.title} is named ${entry.viaServiceNames.map((n) => `"${n}"`).join(' and ')}, not "${shape.service}": this value never matches. Use ${fixes}.`, entry.note);
          continue;
        }
        const other = findNonViaService(shape.service);
        if (other) report(v.loc, `${other.title} cannot be named in kms:ViaService, so "${v.value}" never matches.`, other.explanation);
      }
    }
  },
};
