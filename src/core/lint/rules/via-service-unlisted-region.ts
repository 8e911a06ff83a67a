import { isKnownRegion } from '../../catalog/regions.js';
import type { DocumentRule } from '../types.js';
import { viaServiceShape, viaServiceValues } from '../via-service.js';

/** A well-formed Region code that is not in this tool's Region list (catalog/regions.ts, a snapshot). */
export const viaServiceUnlistedRegion: DocumentRule = {
  code: 'KW308',
  name: 'via-service-unlisted-region',
  severity: 'info',
  title: 'kms:ViaService Region not in the Region list',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const v of viaServiceValues(s)) {
        const shape = viaServiceShape(v.value);
        if (shape.kind !== 'ok' || isKnownRegion(shape.region)) continue;
        report(v.loc, `"${shape.region}" is not a Region this tool knows; if it is a typo, "${v.value}" never matches. (New Regions may be missing from the list.)`);
      }
    }
  },
};
