import { expandKmsActions } from '../catalog/actions.js';
import { keyRegions, viaServiceValues } from '../build.js';
import type { BuildResult } from '../build-types.js';
import type { ResolvedSpec } from '../spec.js';
import type { MatrixInput } from './matrix.js';

/**
 * The access matrix input for a generated policy pair, with the intent of
 * its spec so every row carries the decision it should get: consumers
 * allowed through each service in each Region; denied directly, through
 * another service or Region, and from another account; a principal with no
 * IAM policy allowed only with access = account.
 */
export function matrixInputFromBuild(result: BuildResult): MatrixInput {
  const { spec } = result;
  const consumers =
    spec.access === 'principals'
      ? spec.consumers.flatMap((c) => c.principals.map((p) => p.arn))
      : spec.consumers.map((c) => c.account);
  const keyArn = simulatedKeyArn(spec);
  const arnIn = (region: string) => keyArn.replace(`:kms:${spec.key.region}:`, `:kms:${region}:`);
  const resources = keyRegions(spec).map(arnIn);
  return {
    keyPolicy: result.keyPolicy,
    keyArn,
    iamPolicies: result.iamPlans.map((p) => ({ account: p.account, policy: p.naming(resources.length === 1 ? resources[0]! : resources), attachTo: p.attachTo })),
    iamPolicyNames: result.iamPlans.map((p) => p.fileName),
    consumers,
    action: matrixAction(spec.actions),
    sourceArns: spec.principalServices.flatMap((p) => p.sourceArns),
    serviceRegion: spec.regions.includes(spec.key.region) ? spec.key.region : spec.regions[0]!,
    intent: {
      viaServices: viaServiceValues(spec),
      consumerAccounts: spec.consumers.map((c) => c.account),
      principalWithoutIamAllowed: spec.access === 'account',
    },
  };
}

/**
 * The key ARN requests are evaluated against. A new key has none yet, so the
 * simulator stands in an ARN with an id no real key has, in the key's account
 * and Region: only the simulator sees it, and written policies never name it.
 */
function simulatedKeyArn(spec: ResolvedSpec): string {
  const { key } = spec;
  if (!key.isNew) return key.arn;
  const id = key.multiRegion ? `mrk-${'0'.repeat(32)}` : '00000000-0000-0000-0000-000000000000';
  return `arn:${key.partition}:kms:${key.region}:${key.account}:key/${id}`;
}

/** kms:Decrypt when the spec allows it (every service default does), else the first action it allows. */
function matrixAction(actions: readonly string[]): string {
  const concrete = actions.flatMap((a) => (a.includes('*') || a.includes('?') ? expandKmsActions(a) : [a]));
  return concrete.find((a) => a.toLowerCase() === 'kms:decrypt') ?? concrete.find((a) => a !== 'kms:CreateGrant') ?? concrete[0] ?? 'kms:Decrypt';
}
