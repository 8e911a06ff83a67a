import type { DocumentRule } from '../types.js';
import { viaServiceShape, viaServiceValues } from '../via-service.js';

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService: values without a Region, with an account id in its
 * place, or with `.com.cn` silently never match (real bug reports).
 */
export const viaServiceMalformed: DocumentRule = {
  code: 'KW305',
  name: 'via-service-malformed',
  severity: 'error',
  title: 'Malformed kms:ViaService value (no Region, account id, .com.cn, ...)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const v of viaServiceValues(s)) {
        const shape = viaServiceShape(v.value);
        if (shape.kind !== 'bad') continue;
        report(v.loc, `kms:ViaService value "${v.value}" ${shape.problem}. Use the form <service>.<region>.amazonaws.com, e.g. "${shape.fix}".`);
      }
    }
  },
};
