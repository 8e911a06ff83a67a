// The evaluator answers for IAM principals; a service principal
// (logs.us-east-1.amazonaws.com, cloudtrail.amazonaws.com) calls KMS with no
// IAM policy of its own, so only the key policy decides
// [key-policy-services; reference_policies_elements_principal "AWS service principals"].
import type { DecisionKind } from '../evaluate/index.js';
import { evaluateConditions } from '../evaluate/conditions.js';
import { isPlainObject, type PolicyDocumentView, type PolicyStatement } from '../evaluate/policy-document.js';
import type { ContextEntry, RequestContext } from '../evaluate/request-context.js';
import { arnMatch, wildcardMatch } from '../evaluate/wildcard.js';

export interface ServiceDecision {
  readonly decision: DecisionKind;
  readonly reason: string;
}

const label = (s: PolicyStatement) => `key policy statement ${s.index + 1}${s.sid ? ` "${s.sid}"` : ''}`;

/** Whether the statement's Principal names the service explicitly (`true`), names anyone (`"*"`), or neither. */
function names(s: PolicyStatement, service: string): 'service' | 'anyone' | false {
  const lower = service.toLowerCase();
  const listed = (raw: unknown) => isPlainObject(raw) && [raw.Service].flat().some((x) => typeof x === 'string' && x.toLowerCase() === lower);
  const anyone = (raw: unknown) => raw === '*' || (isPlainObject(raw) && [raw.AWS].flat().includes('*'));
  if (s.hasPrincipal) return listed(s.principal) ? 'service' : anyone(s.principal) ? 'anyone' : false;
  // NotPrincipal: the statement covers every principal it does not list.
  if (s.hasNotPrincipal) return listed(s.notPrincipal) || s.notPrincipal === '*' ? false : 'anyone';
  return false;
}

/** Per document and service, the usable statements that name the service or anyone, in order (the comparison asks every action). */
const byService = new WeakMap<PolicyDocumentView, Map<string, readonly { readonly s: PolicyStatement; readonly who: 'service' | 'anyone' }[]>>();

function statementsFor(view: PolicyDocumentView, service: string) {
  let perView = byService.get(view);
  if (!perView) byService.set(view, (perView = new Map()));
  let list = perView.get(service);
  if (!list) {
    list = view.statements.flatMap((s) => {
      if (s.problems.length > 0 || !s.effect) return [];
      const who = names(s, service);
      return who ? [{ s, who }] : [];
    });
    perView.set(service, list);
  }
  return list;
}

function serviceContext(service: string, action: string, keyArn: string): RequestContext {
  const values = new Map<string, ContextEntry>();
  const set = (name: string, v: string) => values.set(name.toLowerCase(), { name, values: [v], multi: false });
  set('aws:PrincipalServiceName', service);
  set('aws:PrincipalIsAWSService', 'true');
  return { caller: { arn: service, valid: false }, action, keyArn, values, notes: [] };
}

/**
 * The key policy's answer for a call by a service principal. An Allow that
 * names the service is taken to apply when its conditions hold for the
 * service's own requests (its encryption context, source ARN or account:
 * values only the service's real request carries), so two policies with the
 * same statement for the service give the same answer. Deny statements and
 * Allow statements for "*" are evaluated with what a service request is
 * known to carry (aws:PrincipalServiceName, aws:PrincipalIsAWSService).
 */
export function serviceDecision(view: PolicyDocumentView, service: string, action: string, keyArn: string): ServiceDecision {
  const ctx = serviceContext(service, action, keyArn);
  const variables = view.version === '2012-10-17';
  let allow: PolicyStatement | undefined;
  for (const { s, who } of statementsFor(view, service)) {
    const actionHit = (s.action ?? s.notAction ?? []).some((p) => wildcardMatch(p, action, true));
    if (s.action ? !actionHit : !s.notAction || actionHit) continue;
    const resourceHit = (s.resource ?? s.notResource ?? []).some((p) => arnMatch(p, keyArn));
    if (s.resource ? !resourceHit : !s.notResource || resourceHit) continue;
    const assumedMet = s.effect === 'Allow' && who === 'service';
    if (!assumedMet && !evaluateConditions(s.condition, ctx, variables).passed) continue;
    if (s.effect === 'Deny') return { decision: 'ExplicitDeny', reason: `denied explicitly: ${label(s)} denies ${action} to ${service}` };
    allow ??= s;
  }
  if (allow) {
    const cond = allow.condition !== undefined ? ' (when the service\'s request meets its conditions)' : '';
    return { decision: 'Allow', reason: `allowed: ${label(allow)} names the service principal ${service}${cond}` };
  }
  return { decision: 'ImplicitDeny', reason: `denied: no key policy statement allows ${service} ${action}` };
}
