import { safeText } from '../../terminal-safe.js';
import type { DocumentRule } from '../types.js';

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

/**
 * Letter case in principals, as far as AWS documents it ("AWS JSON policy
 * elements: Principal",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * the principal types are exactly AWS, Service, Federated, CanonicalUser
 * (KW404), the user-name part of an IAM user ARN is case sensitive, and "the
 * service principal is defined by the service", always written in lower case
 * (service-name.amazonaws.com). AWS documents no case-insensitive matching of
 * service principal names, so the evaluator compares them exactly and
 * "CloudTrail.amazonaws.com" may never match; but it is the service's
 * principal, not "not a service principal" (the KW404 error it got before).
 * A warning: write it as documented. The service checks (KW406, KW409,
 * KW410) recognise the service in any case, so their advice still applies.
 */
export const servicePrincipalCase: DocumentRule = {
  code: 'KW421',
  name: 'service-principal-case',
  severity: 'warning',
  title: 'Service principal with upper-case letters (AWS writes them in lower case)',
  appliesTo: 'key',
  check(doc, report) {
    for (const s of doc.statements) {
      for (const e of s.principal?.entries ?? []) {
        if (e.type !== 'Service' || SERVICE_PRINCIPAL.test(e.value)) continue;
        const lower = e.value.toLowerCase();
        if (!SERVICE_PRINCIPAL.test(lower)) continue; // not a service principal at all: KW404
        report(
          e.loc,
          `Service principal "${safeText(e.value)}" has upper-case letters. Services define their principals in lower case and AWS does not document that it matches them in any other case, so this statement may never apply. Write "${safeText(lower)}".`,
        );
      }
    }
  },
};
