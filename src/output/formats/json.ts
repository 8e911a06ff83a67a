import { KEY_POLICY_FILE } from '../../core/build.js';
import type { BuildResult } from '../../core/build-types.js';
import { serializePolicy } from '../../core/policy.js';
import type { OutputFile } from './types.js';

/** The plain JSON documents: key-policy.json plus one IAM policy file per account that needs one. */
export function renderJson(result: BuildResult): OutputFile[] {
  return [
    { name: KEY_POLICY_FILE, content: serializePolicy(result.keyPolicy), description: result.spec.key.isNew ? 'key policy to create the new key with' : `key policy for ${result.spec.key.arn}` },
    ...result.iamPolicies.map((p) => ({
      name: p.fileName,
      content: serializePolicy(p.policy),
      description: `IAM policy for account ${p.account}${p.attachTo.length ? ` (attach to ${p.attachTo.join(', ')})` : ''}`,
    })),
  ];
}
