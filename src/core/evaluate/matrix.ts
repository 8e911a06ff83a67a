import { isAccountId, parseKeyArn, type KeyArn } from '../arn.js';
import { partitionInfo } from '../catalog/regions.js';
import { findService, viaServiceNames, viaServiceValue } from '../catalog/services.js';
import { evaluateRead, readPolicySet, type DecisionKind, type KmsRequest, type ReadPolicySet } from './index.js';
import { consumerFrom, deriveConsumers, syntheticConsumer, type Consumer } from './matrix-consumers.js';
import { isPlainObject } from './policy-document.js';
import { serviceRowPlans } from './matrix-services.js';
import { allowedViaValues, type ViaValue } from './via-values.js';

/** One scenario of the access matrix: a request, its decision and why. */
export interface MatrixRow {
  /** What the row tries, in words: "role/app in 111122223333 via AWS Secrets Manager in us-east-1". */
  scenario: string;
  request: KmsRequest;
  decision: DecisionKind;
  /** The decision's one-sentence explanation. */
  reason: string;
  /** What the policy's author intended, when the input says (see {@link MatrixIntent}). */
  expected?: DecisionKind;
}

/** What a generated policy pair is meant to do; lets each row carry its expected decision. */
export interface MatrixIntent {
  /** ViaService values the consumers should be allowed through. */
  readonly viaServices: readonly string[];
  /** Accounts whose consumers should be allowed (the key's own account included when it is one). */
  readonly consumerAccounts: readonly string[];
  /** Whether any principal of a consumer account may use the key with no IAM policy (access = account). */
  readonly principalWithoutIamAllowed: boolean;
}

/** An IAM policy scoped to the principals of one account (the shape build() returns); a bare document applies to every consumer. */
export interface ScopedIamPolicy {
  readonly account: string;
  readonly policy: unknown;
  /** Principals it is attached to; empty = whoever in the account should use the key. */
  readonly attachTo?: readonly string[];
}

export interface MatrixInput {
  keyPolicy: unknown;
  keyArn: string;
  /** Policy documents (attached to every consumer) or {@link ScopedIamPolicy} entries. */
  iamPolicies?: unknown[];
  /** Names for iamPolicies in the reasons (file names); default "IAM policy 1", ... */
  iamPolicyNames?: string[];
  /** Principal ARNs or account ids; derived from the key policy when absent. */
  consumers?: string[];
  /** The action every consumer row tries; kms:Decrypt by default (service-principal rows try the call that service makes). */
  action?: string;
  /** Resources the service principals were narrowed to (`--source-arn`): their rows ask about these. */
  sourceArns?: string[];
  /** The Region service principals without one in their name are asked about; default the key's. */
  serviceRegion?: string;
  intent?: MatrixIntent;
}

const DEFAULT_ACTION = 'kms:Decrypt';
const OUTSIDER_ACCOUNTS = ['999988887777', '777788889999', '555566667777'];
const OTHER_SERVICE_PREFERENCE = ['s3', 'secretsmanager', 'sqs', 'sns', 'lambda', 'dynamodb'];
const OTHER_REGION_PREFERENCE = ['us-west-2', 'us-east-1', 'eu-west-1', 'cn-northwest-1', 'cn-north-1', 'us-gov-east-1', 'us-gov-west-1'];

const title = (service: string) => findService(service)?.title ?? service;

function isScoped(item: unknown): item is ScopedIamPolicy {
  return isPlainObject(item) && typeof item.account === 'string' && Object.hasOwn(item, 'policy') && !Object.hasOwn(item, 'Statement');
}

/** The IAM policies attached to one consumer, with their names. */
function iamFor(consumer: Consumer, items: readonly unknown[], names: readonly string[]): { policies: unknown[]; iamPolicyNames: string[] } {
  const policies: unknown[] = [];
  const picked: string[] = [];
  items.forEach((item, i) => {
    const name = typeof names[i] === 'string' && names[i] ? names[i]! : isScoped(item) ? `the IAM policy for ${item.account}` : `IAM policy ${i + 1}`;
    if (!isScoped(item)) {
      policies.push(item);
      picked.push(name);
      return;
    }
    if (item.account !== consumer.account) return;
    const attach = Array.isArray(item.attachTo) ? item.attachTo : [];
    const roleOfSession = consumer.arn.replace(/^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.*$/, 'arn:$1:iam::$2:role/$3');
    if (attach.length === 0 || consumer.synthetic || attach.includes(consumer.arn) || attach.includes(roleOfSession)) {
      policies.push(item.policy);
      picked.push(name);
    }
  });
  return { policies, iamPolicyNames: picked };
}

/** The key a call through a service in `region` uses: a multi-Region key's replica there, else the key itself. */
function keyIn(key: KeyArn, region: string): string {
  return key.multiRegion && region !== key.region ? `arn:${key.partition}:kms:${region}:${key.account}:key/${key.keyId}` : key.arn;
}

function pickOtherService(vias: readonly ViaValue[]): string {
  const used = new Set(vias.map((v) => v.service));
  return [...OTHER_SERVICE_PREFERENCE, ...viaServiceNames()].find((s) => !used.has(s))!;
}

function pickOtherRegion(key: KeyArn, allowed: readonly string[]): string | undefined {
  const regions = partitionInfo(key.partition).regions;
  return [...OTHER_REGION_PREFERENCE.filter((r) => regions.includes(r)), ...regions].find((r) => !allowed.includes(r));
}

/**
 * The access matrix of a key policy (+ IAM policies): for each consumer, a
 * call through each allowed service and Region, a direct call, a call
 * through another service and through an allowed service in another
 * Region; then a principal of the key's account with no IAM policy and a
 * principal of another account whose own IAM policy allows the key. Each
 * row is evaluated with {@link evaluate}. Returns no rows when the key ARN
 * is not valid (there is no key to ask about). Never throws.
 */
export function accessMatrix(input: MatrixInput): MatrixRow[] {
  const parsedKey = parseKeyArn(typeof input?.keyArn === 'string' ? input.keyArn : '');
  if (!parsedKey.ok) return [];
  const key = parsedKey.value;
  const action = typeof input.action === 'string' && input.action.trim() !== '' ? input.action.trim() : DEFAULT_ACTION;
  const iamItems = Array.isArray(input.iamPolicies) ? input.iamPolicies : [];
  const intent = input.intent;

  const consumers = Array.isArray(input.consumers) && input.consumers.length > 0
    ? input.consumers.map((c) => (typeof c === 'string' ? consumerFrom(c, key.partition) : undefined)).filter((c): c is Consumer => c !== undefined)
    : deriveConsumers(input.keyPolicy, action, key.partition, key.account);

  const vias = allowedViaValues([input.keyPolicy, ...iamItems.map((i) => (isScoped(i) ? i.policy : i))], key.region);
  for (const v of intent?.viaServices ?? []) {
    const parsed = allowedViaValues([{ Statement: [{ Effect: 'Allow', Condition: { StringEquals: { 'kms:ViaService': v } } }] }], key.region)[0];
    if (parsed && !vias.some((x) => x.value === parsed.value)) vias.push(parsed);
  }

  const rows: MatrixRow[] = [];
  const iamNames = Array.isArray(input.iamPolicyNames) ? input.iamPolicyNames : [];
  const run = (scenario: string, consumer: Consumer, via: ViaValue | undefined, policies: ReadPolicySet, expected: DecisionKind | undefined, note = '') => {
    const request: KmsRequest = { principal: consumer.arn, action, keyArn: via ? keyIn(key, via.region) : key.arn, ...(via ? { viaService: via.value } : {}) };
    const d = evaluateRead(request, policies);
    rows.push({ scenario, request, decision: d.decision, reason: `${d.summary}${note}`, ...(expected ? { expected } : {}) });
  };
  const allowedFor = (account: string, via: ViaValue | undefined): DecisionKind | undefined => {
    if (!intent) return undefined;
    return via && intent.consumerAccounts.includes(account) && intent.viaServices.includes(via.value) ? 'Allow' : 'ImplicitDeny';
  };
  const regionNote = (via: ViaValue) =>
    !key.multiRegion && via.region !== key.region ? ` (note: this single-Region key lives in ${key.region}; a service in ${via.region} cannot use it)` : '';

  for (const consumer of consumers) {
    const attached = iamFor(consumer, iamItems, iamNames);
    // Each document is read once for all the consumer's rows.
    const iam = readPolicySet({ keyPolicy: input.keyPolicy, iamPolicies: attached.policies, iamPolicyNames: attached.iamPolicyNames });
    const who = consumer.synthetic && attached.policies.length > 0 ? `${consumer.label} with its IAM policy` : consumer.label;
    for (const via of vias) {
      run(`${who} via ${title(via.service)} in ${via.region}`, consumer, via, iam, allowedFor(consumer.account, via), regionNote(via));
    }
    run(`${who} calling KMS directly`, consumer, undefined, iam, allowedFor(consumer.account, undefined));
    const region = vias[0]?.region ?? key.region;
    const other = pickOtherService(vias);
    const otherVia: ViaValue = { value: viaServiceValue(other, region), service: other, region };
    run(`${who} via ${title(other)} in ${region} (a service the policy does not name)`, consumer, otherVia, iam, allowedFor(consumer.account, otherVia));
    const first = vias[0];
    if (first) {
      const otherRegion = pickOtherRegion(key, vias.filter((v) => v.service === first.service).map((v) => v.region));
      if (otherRegion) {
        const elsewhere: ViaValue = { value: viaServiceValue(first.service, otherRegion), service: first.service, region: otherRegion };
        run(`${who} via ${title(first.service)} in ${otherRegion} (another Region)`, consumer, elsewhere, iam, allowedFor(consumer.account, elsewhere));
      }
    }
  }

  const firstVia = vias[0];
  const through = firstVia ? ` via ${title(firstVia.service)} in ${firstVia.region}` : ' calling KMS directly';
  const bare = syntheticConsumer(key.partition, key.account, 'no-iam-policy');
  const bareExpected = intent ? (intent.principalWithoutIamAllowed && intent.consumerAccounts.includes(key.account) && firstVia && intent.viaServices.includes(firstVia.value) ? 'Allow' : 'ImplicitDeny') : undefined;
  run(`a principal of ${key.account} with no IAM policy${through}`, bare, firstVia, readPolicySet({ keyPolicy: input.keyPolicy, iamPolicies: [] }), bareExpected);

  const taken = new Set([key.account, ...consumers.map((c) => c.account), ...(intent?.consumerAccounts ?? [])]);
  const outsiderAccount = OUTSIDER_ACCOUNTS.find((a) => !taken.has(a) && isAccountId(a));
  if (outsiderAccount) {
    const outsider = syntheticConsumer(key.partition, outsiderAccount, 'outsider');
    const ownIam = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: firstVia ? keyIn(key, firstVia.region) : key.arn }] };
    const policies = readPolicySet({ keyPolicy: input.keyPolicy, iamPolicies: [ownIam], iamPolicyNames: [`${outsiderAccount}'s own IAM policy`] });
    run(`a principal of another account (${outsiderAccount}) whose own IAM policy allows the key${through}`, outsider, firstVia, policies, intent ? 'ImplicitDeny' : undefined);
  }
  const keyOnly = readPolicySet({ keyPolicy: input.keyPolicy, iamPolicies: [] });
  const sourceArns = Array.isArray(input.sourceArns) ? input.sourceArns.filter((a): a is string => typeof a === 'string') : [];
  for (const plan of serviceRowPlans(input.keyPolicy, key, outsiderAccount ?? OUTSIDER_ACCOUNTS[0]!, { sourceArns, ...(typeof input.serviceRegion === 'string' ? { region: input.serviceRegion } : {}) })) {
    const d = evaluateRead(plan.request, keyOnly);
    rows.push({ scenario: plan.scenario, request: plan.request, decision: d.decision, reason: d.summary, ...(intent ? { expected: plan.own ? 'Allow' : 'ImplicitDeny' } : {}) });
  }
  return rows;
}

/** Whether a row's decision is what was intended: Allow vs. any deny (no expectation counts as met). */
export function meetsExpectation(row: MatrixRow): boolean {
  if (!row.expected) return true;
  return (row.decision === 'Allow') === (row.expected === 'Allow');
}
