import { findNonViaService, findService, isViaServiceName, viaServiceNames } from '../../catalog/services.js';
import { didYouMean } from '../../suggest.js';
import { safeText } from '../../terminal-safe.js';
import type { DocumentRule } from '../types.js';
import { viaServiceShape, viaServiceValues } from '../via-service.js';

/** Names this short are whole service names (q, s3, mq), not typos of each other. */
const MIN_TYPO_LENGTH = 4;

/**
 * The closest catalog name when `service` is a near miss of one (at most two
 * edits, and fewer for short names): "secretmanager" for "secretsmanager",
 * but nothing for "q" (Amazon Q, not "mq") or for a service the catalog lacks.
 */
function nearMiss(service: string): string | undefined {
  if (service.length < MIN_TYPO_LENGTH) return undefined;
  return didYouMean(service, viaServiceNames(), 2);
}

/**
 * "AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html, kms:ViaService: the list of ViaService services grows
 * (services.ts adds newer ones from their own pages), so a well-formed name
 * outside the catalog may be new rather than wrong: a warning at most, and a
 * "did you mean" only for a near miss of a known name.
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
        const guess = nearMiss(shape.service);
        const name = safeText(shape.service);
        report(
          v.loc,
          guess
            ? `"${name}" is not a service name kms-wizard knows in kms:ViaService; did you mean "${guess}" (${guess}.${shape.region}.amazonaws.com)? A misspelled name never matches.`
            : `"${name}" is not in kms-wizard's catalog of kms:ViaService names, which follows the KMS Developer Guide and may lag behind new services. ` +
                `Check the name in the service's encryption documentation: if it is right, ${name}.${shape.region}.amazonaws.com works as written.`,
        );
      }
    }
  },
};
