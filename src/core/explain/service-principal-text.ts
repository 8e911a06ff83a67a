// Statements whose principal is an AWS service acting as itself (CloudTrail,
// CloudWatch Logs, ...): what the service is, and whether the statement ties
// it to your resources (the confused deputy).
import { safeText } from '../terminal-safe.js';
import { principalServicesFor } from '../catalog/service-principals.js';
import { isPlainObject, stringEntries } from '../evaluate/policy-document.js';
import { joinWords } from './english-list.js';

/** "CloudTrail (trail log files to an SSE-KMS bucket)" for a principal kms-wizard knows. */
function whatFor(principal: string): string | undefined {
  const titles = principalServicesFor(principal).map((e) => e.title.replace(/ \((.*)\)$/, ': $1'));
  return titles.length > 0 ? joinWords(titles, 'or') : undefined;
}

/** The service principals a Principal value names (`{"Service": ...}` only). */
export function servicePrincipalsOf(principal: unknown): string[] {
  if (!isPlainObject(principal)) return [];
  return stringEntries(principal.Service);
}

/** One statement for a service principal, in words. */
export function serviceStatementText(principal: unknown, actions: string, when: string, notAllowed: readonly string[]): string {
  const services = servicePrincipalsOf(principal);
  const known = services.map(whatFor).filter((t): t is string => t !== undefined);
  const what = known.length > 0 ? ` (for ${joinWords([...new Set(known)], 'or')})` : '';
  const scoped = notAllowed.some((n) => n.includes('confused deputy') || n.includes('encryption context'));
  return (
    `Lets the AWS service ${joinWords(services.map(safeText))}${what} use ${actions} as itself, not on behalf of a caller${when}. ` +
    (scoped
      ? 'Its conditions keep the service to your resources.'
      : 'Nothing ties it to your resources: the service could be asked to use this key for any account\'s resources (confused deputy); add aws:SourceArn or aws:SourceAccount.')
  );
}
