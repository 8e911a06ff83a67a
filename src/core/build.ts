import { rootArn } from './arn.js';
import { ADMIN_ACTIONS, MULTI_REGION_ADMIN_ACTIONS } from './catalog/actions.js';
import { IAM_MANAGED_POLICY_MAX_CHARS, iamPolicyLength, KEY_POLICY_MAX_BYTES, utf8Length } from './catalog/limits.js';
import { viaServiceValue } from './catalog/services.js';
import { POLICY_VERSION, serializePolicy, type ConditionBlock, type PolicyDocument, type Statement } from './policy.js';
import { ADMINS_SID, grantsSid, useSid } from './generated-sids.js';
import type { ExistingKey } from './key-target.js';
import { unmetRequests, type UnmetRequest } from './self-check.js';
import { servicePrincipalStatements } from './service-principal-statements.js';
import { servicePrincipalExplanation } from './service-principal-explanation.js';
import { validateSpec, type PolicySpec, type ResolvedSpec } from './spec.js';
import type { ConsumerAccount, ResolvedService, SpecIssue } from './spec-types.js';
import { usePhrase } from './use-phrase.js';
import type { ActionGroup, BuildResult, IamPolicyFile, IamPolicyPlan, PolicyNaming, StatementNaming } from './build-types.js';

export const KEY_POLICY_FILE = 'key-policy.json';

/**
 * The administrator actions. The console's list uses `kms:Create*`, which also
 * matches kms:CreateGrant: with the account root as administrator, any IAM
 * policy allowing CreateGrant could then grant itself Decrypt outside the
 * ViaService restriction. So `Create*` is narrowed to CreateAlias, the only
 * other Create action that acts on an existing key.
 */
export function adminActions(multiRegion: boolean): string[] {
  const base = ADMIN_ACTIONS.map((a) => (a === 'kms:Create*' ? 'kms:CreateAlias' : a));
  return multiRegion ? [...base, ...MULTI_REGION_ADMIN_ACTIONS] : base;
}

const one = <T>(xs: readonly T[]): T | T[] => (xs.length === 1 ? xs[0]! : [...xs]);

/** Thrown by {@link build} for a spec that does not validate. */
export class InvalidSpecError extends Error {
  constructor(readonly issues: readonly SpecIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

/**
 * Thrown by {@link buildPolicies} when its own self-check finds that the pair
 * it built would deny a request the answers asked for: a bug in kms-wizard,
 * never something to write out (see core/self-check.ts).
 */
export class GeneratedPairError extends Error {
  constructor(readonly unmet: readonly UnmetRequest[]) {
    super(
      `internal error: the generated policies would deny ${unmet.length} request${unmet.length === 1 ? '' : 's'} the answers ask for, so nothing is written. ` +
        `First: ${unmet[0]!.scenario}: ${unmet[0]!.reason}`,
    );
  }
}

/** Validates and builds; throws {@link InvalidSpecError} when the spec is invalid. */
export function build(spec: PolicySpec): BuildResult {
  const resolved = validateSpec(spec);
  if (!resolved.ok) throw new InvalidSpecError(resolved.error);
  return buildPolicies(resolved.value);
}

/** The ViaService values a spec allows: every service in every Region (custom values in their own Region). */
export function viaServiceValues(spec: ResolvedSpec): string[] {
  return [...new Set(spec.services.flatMap((s) => serviceValues(spec, s)))].sort();
}

function serviceValues(spec: ResolvedSpec, s: ResolvedService): string[] {
  return s.customRegion ? [viaServiceValue(s.name, s.customRegion)] : spec.regions.map((r) => viaServiceValue(s.name, r));
}

export function actionGroups(spec: ResolvedSpec): ActionGroup[] {
  const byActions = new Map<string, { actions: string[]; services: ResolvedService[] }>();
  for (const s of spec.services) {
    const actions = spec.actionsOverridden ? [...spec.actions] : [...(s.entry?.defaultActions ?? spec.actions)].sort();
    const k = actions.join(',');
    const g = byActions.get(k) ?? { actions, services: [] };
    g.services.push(s);
    byActions.set(k, g);
  }
  const groups = [...byActions.values()].sort((a, b) => a.services[0]!.name.localeCompare(b.services[0]!.name));
  return groups.map((g) => ({
    name: groups.length === 1 ? 'ThroughServices' : `Through${pascal(g.services[0]!.name)}`,
    via: [...new Set(g.services.flatMap((s) => serviceValues(spec, s)))].sort(),
    use: g.actions.filter((a) => a !== 'kms:CreateGrant'),
    grants: g.actions.includes('kms:CreateGrant'),
  }));
}

const pascal = (name: string) => name.split(/[^a-z0-9]+/i).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** The Regions an IAM policy names the key in: its own, or for a multi-Region key each Region it is used from (its primary or replicas). */
export function keyRegions(spec: ResolvedSpec): string[] {
  return spec.key.multiRegion ? [...spec.regions] : [spec.key.region];
}

/** The IAM Resource for an existing key: its ARN, or one ARN per Region for a multi-Region key's replicas (they share its id). */
export function keyResources(spec: ResolvedSpec, key: ExistingKey): string[] {
  if (!key.multiRegion) return [key.arn];
  return keyRegions(spec).map((r) => `arn:${key.partition}:kms:${r}:${key.account}:key/${key.keyId}`);
}

/**
 * Deterministic: the same resolved spec always gives the same documents, byte for byte.
 * Throws {@link GeneratedPairError} if the pair would deny what the spec asks for.
 */
export function buildPolicies(spec: ResolvedSpec): BuildResult {
  const groups = actionGroups(spec);
  const statements: Statement[] = [
    {
      Sid: ADMINS_SID,
      Effect: 'Allow',
      Principal: { AWS: one(spec.admins) },
      Action: adminActions(spec.key.multiRegion),
      Resource: '*',
    },
  ];
  for (const consumer of spec.consumers) {
    const suffix = consumer.account === spec.key.account ? '' : consumer.account;
    const principal = { AWS: consumerPrincipal(spec, consumer) };
    for (const g of groups) {
      const condition: ConditionBlock = { StringEquals: { 'kms:ViaService': one(g.via), 'kms:CallerAccount': consumer.account } };
      if (g.use.length > 0) {
        statements.push({ Sid: useSid(g.name, suffix), Effect: 'Allow', Principal: principal, Action: one(g.use), Resource: '*', Condition: condition });
      }
      if (g.grants) {
        statements.push({
          Sid: grantsSid(g.name, suffix),
          Effect: 'Allow',
          Principal: principal,
          Action: 'kms:CreateGrant',
          Resource: '*',
          Condition: { ...condition, Bool: { 'kms:GrantIsForAWSResource': true } },
        });
      }
    }
  }
  const byService = spec.principalServices.map((p) =>
    servicePrincipalStatements(p.entry, {
      partition: spec.key.partition,
      accounts: [spec.key.account, ...spec.consumers.map((c) => c.account).filter((a) => a !== spec.key.account)],
      regions: spec.regions,
      sourceArns: p.sourceArns,
      readers: spec.consumers.map((c) => ({ account: c.account, principal: consumerPrincipal(spec, c) })),
      // Readers need IAM too with access iam (the key policy names the account root), and always from another account:
      // cross-account use needs both sides. (Found by the self-check: another account's readers were denied.)
      readersNeedIam: spec.access === 'iam' || spec.consumers.some((c) => c.account !== spec.key.account),
      // Replaced by each IAM policy's own name for the key (see naming below).
      keyResources: '*',
    }),
  );
  statements.push(...byService.flatMap((s) => s.keyPolicy));
  const keyPolicy: PolicyDocument = { Version: POLICY_VERSION, Statement: statements };

  // A caller role's IAM statements for services that act as themselves (CloudTrail's readers) name the key like the rest.
  const serviceIam = byService.flatMap((s) => s.iam);
  const naming = <R>(resource: R): PolicyNaming<R> => ({
    Version: POLICY_VERSION,
    Statement: [
      ...groups.flatMap((g) => {
        const onlyVia: ConditionBlock = { StringEquals: { 'kms:ViaService': one(g.via) } };
        const out: StatementNaming<R>[] = [];
        if (g.use.length > 0) out.push({ Sid: `Use${g.name}`, Effect: 'Allow', Action: one(g.use), Resource: resource, Condition: onlyVia });
        if (g.grants) {
          out.push({
            Sid: `Grants${g.name}`,
            Effect: 'Allow',
            Action: 'kms:CreateGrant',
            Resource: resource,
            Condition: { ...onlyVia, Bool: { 'kms:GrantIsForAWSResource': true } },
          });
        }
        return out;
      }),
      ...serviceIam.map((st): StatementNaming<R> => ({ ...st, Resource: resource })),
    ],
  });
  const needsIam = groups.some((g) => g.use.length > 0 || g.grants) || serviceIam.length > 0;
  const iamPlans = (needsIam ? iamAccounts(spec) : []).map(
    (consumer): IamPolicyPlan => ({
      account: consumer.account,
      fileName: consumer.account === spec.key.account ? 'iam-policy.json' : `iam-policy-${consumer.account}.json`,
      attachTo: consumer.principals.map((p) => p.arn),
      naming,
    }),
  );
  const { key } = spec;
  const iamPolicies = key.isNew
    ? []
    : iamPlans.map((p): IamPolicyFile => {
        const resources = one(keyResources(spec, key));
        return { account: p.account, fileName: p.fileName, policy: naming(resources), attachTo: p.attachTo };
      });

  // Every request the answers ask for must be allowed by the pair, as the evaluator decides it. A key policy
  // over KMS's size limit is refused by KMS itself (LimitExceededException) and the size warning says so:
  // simulating thousands of requests against a policy no key can have would only make the user wait.
  if (utf8Length(serializePolicy(keyPolicy)) <= KEY_POLICY_MAX_BYTES) {
    const unmet = unmetRequests({ spec, keyPolicy, iamPlans });
    if (unmet.length > 0) throw new GeneratedPairError(unmet);
  }

  const via = viaServiceValues(spec);
  const warnings = [...spec.warnings, ...sizeWarnings(keyPolicy, iamPolicies)];
  const explanation = [...explain(spec, via, groups), ...servicePrincipalExplanation(spec)];
  return { spec, keyPolicy, iamPolicies, iamPlans, explanation, notes: spec.notes, warnings };
}

function consumerPrincipal(spec: ResolvedSpec, consumer: ConsumerAccount): string | string[] {
  switch (spec.access) {
    case 'iam':
      return rootArn(spec.key.partition, consumer.account);
    case 'principals':
      return one(consumer.principals.map((p) => p.arn));
    case 'account':
      return '*';
  }
}

/** Accounts that need an IAM policy: all with `iam` access; otherwise only other accounts (cross-account needs both sides). */
function iamAccounts(spec: ResolvedSpec): readonly ConsumerAccount[] {
  if (spec.access === 'iam') return spec.consumers;
  return spec.consumers.filter((c) => c.account !== spec.key.account);
}

function sizeWarnings(keyPolicy: PolicyDocument, iam: readonly IamPolicyFile[]): SpecIssue[] {
  const out: SpecIssue[] = [];
  const bytes = utf8Length(serializePolicy(keyPolicy));
  if (bytes > KEY_POLICY_MAX_BYTES) {
    out.push({ field: 'services', message: `the key policy is ${bytes} bytes, over KMS's ${KEY_POLICY_MAX_BYTES}-byte limit`, hint: 'Use fewer services, Regions or consumers per key' });
  }
  for (const p of iam) {
    const chars = iamPolicyLength(JSON.stringify(p.policy));
    if (chars > IAM_MANAGED_POLICY_MAX_CHARS) {
      out.push({ field: 'services', message: `${p.fileName} has ${chars} characters, over the ${IAM_MANAGED_POLICY_MAX_CHARS}-character limit of a managed IAM policy`, hint: 'Split the services over several policies' });
    }
  }
  return out;
}

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function explain(spec: ResolvedSpec, via: readonly string[], groups: readonly ActionGroup[]): string[] {
  const accounts = spec.consumers.map((c) => c.account);
  const others = accounts.filter((a) => a !== spec.key.account);
  const actions = spec.actions.map((a) => a.replace(/^kms:/, ''));
  const out: string[] = [];
  out.push(
    spec.adminsDefaulted
      ? `Administration: the key's account root (${spec.key.account}) gets the administrative actions only, so IAM policies in that account decide who manages the key. ` +
          'The key policy always keeps an administrator, so KMS accepts it (lockout safety check) and it can be changed later.'
      : `Administration: ${list(spec.admins)} may manage the key (administrative actions only, never encrypt or decrypt). ` +
          'If all of them are deleted the key can no longer be managed. ' +
          // CreateKey / PutKeyPolicy API Reference: the policy must let the caller call PutKeyPolicy later (lockout safety check).
          `KMS accepts this key policy only from one of them (lockout safety check), so ${spec.key.isNew ? 'create the key' : 'apply it'} as one of them.`,
  );
  // One list of every action would say CreateGrant is allowed through every service: each group names its own.
  const where = groups.length > 1 ? usePhrase(groups) : `${list(actions)}, only through ${list(via)}`;
  switch (via.length === 0 ? undefined : spec.access) {
    case 'iam':
      out.push(
        `Use: the key policy lets IAM policies in ${accounts.length > 1 ? `accounts ${list(accounts)}` : `account ${accounts[0]}`} allow ${where}. ` +
          'A principal needs both: an IAM policy that allows the action on this key, and a call that comes through one of those services. ' +
          'Calls made directly with the SDK or CLI carry no kms:ViaService and are denied.',
      );
      break;
    case 'principals':
      out.push(
        `Use: the key policy names ${list(spec.consumers.flatMap((c) => c.principals.map((p) => p.arn)))} and allows them ${where}. ` +
          'In the key\'s own account no IAM policy is needed for them; nobody else is allowed by this key policy. Direct SDK or CLI calls are denied.',
      );
      break;
    case 'account':
      out.push(
        `Use: the key policy allows every principal of ${accounts.length > 1 ? `accounts ${list(accounts)}` : `account ${accounts[0]}`} (Principal "*" limited by kms:CallerAccount) ${where}. ` +
          'IAM policies no longer decide who may use the key in the key\'s account: anyone there who can use those services can use it. Direct calls are still denied.',
      );
      break;
  }
  if (others.length > 0) {
    out.push(
      `Cross-account: ${list(others)} ${others.length > 1 ? 'are' : 'is'} not the key's account. Each needs its own IAM policy (iam-policy-<ACCOUNT>.json) that names this key's full ARN; ` +
        'the key policy checks kms:CallerAccount against the calling account, not the key owner.',
    );
  }
  if (spec.key.multiRegion) {
    out.push('Multi-Region key: each replica has its own key policy, not kept in sync; apply this key policy to every replica in the listed Regions.');
  }
  if (spec.key.isNew) {
    out.push(
      `New key: this is the key policy for a key not created yet, in account ${spec.key.account}, Region ${spec.key.region}. ` +
        'Create the key with this policy in the same call, so it never has KMS\'s default key policy (which lets IAM policies allow any use of it). ' +
        (iamAccounts(spec).length > 0
          ? 'The IAM policy names the key\'s ARN, which exists only once the key does: it is written then (or, in Terraform, CloudFormation and CDK, refers to the key they create).'
          : 'No IAM policy is needed, so nothing here waits for the key\'s ARN.'),
    );
    // EnableKeyRotation (AWS KMS API Reference): symmetric encryption keys only; 365 days unless RotationPeriodInDays is given.
    const { rotation, keySpec } = spec.keyMaterial;
    out.push(
      rotation.enabled
        ? `Rotation: automatic rotation of the key material is turned on when the key is created, every ${rotation.periodDays ?? 365} days; KMS keeps the older material to decrypt what it encrypted.`
        : rotation.reason === 'turned-off'
          ? 'Rotation: automatic rotation is left off (--no-rotation), as asked.'
          : `Rotation: a ${keySpec} key cannot rotate automatically, so no rotation is set.`,
    );
  }
  return out;
}
