import { expandKmsActions } from '../catalog/actions.js';
import { viaServiceValues, type BuildResult } from '../build.js';
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
  return {
    keyPolicy: result.keyPolicy,
    keyArn: spec.key.arn,
    iamPolicies: result.iamPolicies.map((p) => ({ account: p.account, policy: p.policy, attachTo: p.attachTo })),
    iamPolicyNames: result.iamPolicies.map((p) => p.fileName),
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

/** kms:Decrypt when the spec allows it (every service default does), else the first action it allows. */
function matrixAction(actions: readonly string[]): string {
  const concrete = actions.flatMap((a) => (a.includes('*') || a.includes('?') ? expandKmsActions(a) : [a]));
  return concrete.find((a) => a.toLowerCase() === 'kms:decrypt') ?? concrete.find((a) => a !== 'kms:CreateGrant') ?? concrete[0] ?? 'kms:Decrypt';
}
