/**
 * The self-check of every generated pair (issue 18): before build() returns
 * a key policy and its IAM policies, the evaluator (core/evaluate) decides
 * every request the answers asked for, and any that would be denied makes
 * build() refuse. The requests come from the answers and from what each
 * service documents it sends (core/service-requests.ts), never from the
 * statements built, so a statement that does not match its service is found:
 * - each consumer (the named roles and users, or a role of each consumer
 *   account) x each ViaService service x each Region x each action, through
 *   that service, with its IAM policy;
 * - CloudTrail's log readers decrypting a trail's log files;
 * - each service principal x Region x account (or named resource) x each call
 *   it makes, with the encryption context and source keys it sends.
 */
import type { BuildResult } from './build-types.js';
import { actionSupportsConditionKey, expandKmsActions } from './catalog/actions.js';
import { servicePrincipal } from './catalog/service-principals.js';
import { viaServiceValue } from './catalog/services.js';
import { decideRead, evaluateRead, readPolicySet, type DecisionKind, type KmsRequest } from './evaluate/index.js';
import { SERVICE_REQUESTS, type ServiceCall } from './service-requests.js';
import type { ResolvedSpec } from './spec.js';

/** A request the answers asked for that the generated pair does not allow. */
export interface UnmetRequest {
  readonly scenario: string;
  readonly decision: DecisionKind;
  readonly reason: string;
}

type Pair = Pick<BuildResult, 'spec' | 'keyPolicy' | 'iamPlans'>;

/** Service principals need no IAM policy; one shared list, so the key policy is read once for all their requests. */
const NO_IAM: readonly unknown[] = [];

/** The key requests are evaluated against; a new key has no ARN yet, so one no real key has stands in (only the check sees it). */
function simulatedKeyArn(spec: ResolvedSpec): string {
  const { key } = spec;
  if (!key.isNew) return key.arn;
  return `arn:${key.partition}:kms:${key.region}:${key.account}:key/${key.multiRegion ? `mrk-${'0'.repeat(32)}` : '00000000-0000-0000-0000-000000000000'}`;
}

const concrete = (actions: readonly string[]) => [...new Set(actions.flatMap((a) => (/[*?]/.test(a) ? expandKmsActions(a) : [a])))];
/** A resource the user named with wildcards, as one concrete resource it covers. */
const instance = (arn: string) => arn.replace(/\*/g, 'example').replace(/\?/g, 'x');

/** Every request the answers ask for, with what it is in words. */
export function askedRequests(pair: Pair): { scenario: string; request: KmsRequest; iam: readonly unknown[] }[] {
  const { spec } = pair;
  const keyArn = simulatedKeyArn(spec);
  const keyIn = (region: string) => (spec.key.multiRegion ? keyArn.replace(`:kms:${spec.key.region}:`, `:kms:${region}:`) : keyArn);
  const iamRegions = spec.key.multiRegion ? spec.regions : [spec.key.region];
  const resources = iamRegions.map(keyIn);
  const iamResource = resources.length === 1 ? resources[0]! : resources;
  const iamFor = (account: string, caller: string) =>
    pair.iamPlans.filter((p) => p.account === account && (p.attachTo.length === 0 || p.attachTo.includes(caller))).map((p) => p.naming(iamResource));
  const callers = spec.consumers.flatMap((c) =>
    (c.principals.length > 0 ? c.principals.map((p) => p.arn) : [`arn:${spec.key.partition}:iam::${c.account}:role/kms-wizard-self-check`]).map((arn) => ({ account: c.account, arn })),
  );
  const out: { scenario: string; request: KmsRequest; iam: readonly unknown[] }[] = [];

  for (const caller of callers) {
    const iam = iamFor(caller.account, caller.arn);
    for (const s of spec.services) {
      const asked = spec.actionsOverridden ? spec.actions : (s.entry?.defaultActions ?? spec.actions);
      // A pattern may cover actions that never carry kms:ViaService: no service calls them for anyone.
      const actions = concrete(asked).filter((a) => actionSupportsConditionKey(a, 'kms:ViaService'));
      const regions = s.customRegion ? [s.customRegion] : spec.regions;
      for (const region of regions) {
        const via = viaServiceValue(s.name, region);
        for (const action of actions) {
          out.push({
            scenario: `${caller.arn} ${action} through ${via}`,
            request: { principal: caller.arn, action, keyArn: keyIn(region), viaService: via, ...(action === 'kms:CreateGrant' ? { context: { 'kms:GrantIsForAWSResource': true } } : {}) },
            iam,
          });
        }
      }
    }
  }

  const accounts = [spec.key.account, ...spec.consumers.map((c) => c.account).filter((a) => a !== spec.key.account)];
  for (const p of spec.principalServices) {
    const requests = SERVICE_REQUESTS[p.entry.id];
    if (!requests) throw new Error(`self-check: no documented requests for service-principal service ${p.entry.id}`);
    // The resources it acts for: the named ones (in the form the service sends), else one of each account in each Region.
    const targets = p.sourceArns.length > 0
      ? p.sourceArns.map((named) => {
          const arn = instance((requests.sent ?? ((a: string) => a))(named));
          const [, , , region, account] = arn.split(':');
          return { arn, region: region && spec.regions.includes(region) ? region : spec.regions[0]!, account: account || spec.key.account };
        })
      : spec.regions.flatMap((region) => accounts.map((account) => ({ arn: requests.resource(spec.key.partition, region, account), region, account })));
    for (const t of targets) {
      const principal = servicePrincipal(p.entry, t.region);
      for (const call of requests.calls) out.push({ scenario: `${principal} ${call.action} for ${t.arn}`, request: serviceRequest(principal, call, keyIn(t.region), t.arn, t.account), iam: NO_IAM });
    }
    if (p.entry.id === 'cloudtrail') {
      // "Allow principals in the account to decrypt log files": each consumer reads the trails of the accounts in scope.
      for (const caller of callers) {
        const iam = iamFor(caller.account, caller.arn);
        for (const t of targets) {
          out.push({
            scenario: `${caller.arn} reading ${t.arn}'s log files`,
            request: { principal: caller.arn, action: 'kms:Decrypt', keyArn: keyIn(t.region), encryptionContext: { 'aws:cloudtrail:arn': t.arn } },
            iam,
          });
        }
      }
    }
  }
  return out;
}

function serviceRequest(principal: string, call: ServiceCall, keyArn: string, arn: string, account: string): KmsRequest {
  const context: Record<string, string | boolean> = { ...(call.source ? { 'aws:SourceArn': arn, 'aws:SourceAccount': account } : {}), ...(call.extra ?? {}) };
  return {
    principal,
    action: call.action,
    keyArn,
    ...(call.contextKey ? { encryptionContext: { [call.contextKey]: arn } } : {}),
    ...(Object.keys(context).length > 0 ? { context } : {}),
  };
}

/** The asked-for requests the pair would deny (empty: the pair does what was asked). */
export function unmetRequests(pair: Pair): UnmetRequest[] {
  const unmet: UnmetRequest[] = [];
  const sets = new Map<readonly unknown[], ReturnType<typeof readPolicySet>>();
  for (const { scenario, request, iam } of askedRequests(pair)) {
    let set = sets.get(iam);
    if (!set) sets.set(iam, (set = readPolicySet({ keyPolicy: pair.keyPolicy, iamPolicies: [...iam] })));
    // The decision-only mode answers; a trace (for its reason) only for a request that is denied.
    if (decideRead(request, set) === 'Allow') continue;
    const d = evaluateRead(request, set);
    unmet.push({ scenario, decision: d.decision, reason: d.summary });
  }
  return unmet;
}
