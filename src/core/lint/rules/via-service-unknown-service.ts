import { findNonViaService, findService, isViaServiceName, viaServiceNames } from '../../catalog/services.js';
import { didYouMean } from '../../suggest.js';
import type { DocumentRule } from '../types.js';
import { viaServiceShape, viaServiceValues } from '../via-service.js';

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService: the list of ViaService services grows, so a name outside the
 * catalog may be new rather than wrong: a warning, with the closest known name.
 */
export const viaServiceUnknownService: DocumentRule = {
  code: 'KW307',
  name: 'via-service-unknown-service',
  severity: 'warning',
  title: 'kms:ViaService names a service not in the catalog',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const v of viaServiceValues(s)) {
        const shape = viaServiceShape(v.value);
        if (shape.kind !== 'ok' || isViaServiceName(shape.service)) continue;
        if (findService(shape.service) || findNonViaService(shape.service)) continue; // KW306
        const guess = didYouMean(shape.service, viaServiceNames());
        report(
          v.loc,
          `"${shape.service}" is not a service this tool knows in kms:ViaService${guess ? `; did you mean "${guess}" (${guess}.${shape.region}.amazonaws.com)?` : '.'} ` +
            'If it is misspelled the value never matches. The catalog follows the KMS Developer Guide and may lag behind new services.',
        );
      }
    }
  },
};
