import { kmsAction } from '../../catalog/actions.js';
import { SERVICES, type ServiceEntry } from '../../catalog/services.js';
import { hasWildcard, isKmsActionPattern, patternRegExp } from '../actions.js';
import { requiredValues } from '../conditions.js';
import type { DocumentRule } from '../types.js';

const BY_VIA_NAME = new Map<string, ServiceEntry>();
for (const s of SERVICES) for (const n of s.viaServiceNames) if (!BY_VIA_NAME.has(n)) BY_VIA_NAME.set(n, s);

/**
 * Some services document exactly which KMS actions they call
 * for you (Secrets Manager: GenerateDataKey and Decrypt, never Encrypt). When
 * a statement only allows calls through such services, an action none of
 * them uses is unneeded: allowed, but wider than necessary.
 */
export const actionNotUsedByService: DocumentRule = {
  code: 'KW203',
  name: 'action-not-used-by-service',
  severity: 'info',
  title: 'Action the kms:ViaService services never call (least privilege)',
  appliesTo: 'any',
  check(doc, report) {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || s.notAction) continue;
      const names = requiredValues(s, 'kms:ViaService').map((v) => /^([a-z0-9-]+)\./.exec(v)?.[1]);
      if (names.length === 0) continue;
      const services = names.map((n) => (n ? BY_VIA_NAME.get(n) : undefined));
      if (services.some((svc) => !svc || svc.actionsBasis !== 'documented')) continue;
      const used = services.flatMap((svc) => svc!.defaultActions).map(patternRegExp);
      for (const a of s.actions) {
        if (!isKmsActionPattern(a.value) || hasWildcard(a.value) || !kmsAction(a.value)) continue;
        if (used.some((re) => re.test(a.value))) continue;
        const titles = [...new Set(services.map((svc) => svc!.title))].join(' / ');
        report(a.loc, `${titles} never calls "${a.value}" on your behalf, so allowing it through kms:ViaService is unneeded. Remove it for least privilege.`);
      }
    }
  },
};
