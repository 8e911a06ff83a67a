import { isAccountId, isKeyId } from '../../arn.js';
import { isPartition, REGION_PATTERN } from '../../catalog/regions.js';
import { ALIAS_ARN, keyUseStatements, namesEveryKey } from '../iam-resources.js';
import type { DocumentRule } from '../types.js';

const EXAMPLE = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** What is wrong with a KMS ARN used as an IAM Resource (wildcards allowed), or undefined. */
export function keyArnProblem(value: string): string | undefined {
  const parts = value.split(':');
  if (parts.length !== 6) {
    return parts.length > 6
      ? 'it has too many ":" (the guide\'s multi-Region example has a stray one after "*": write arn:aws:kms:*:111122223333:key/mrk-...)'
      : 'it has too few ":"-separated parts';
  }
  const [, partition, , region, account, resource] = parts as [string, string, string, string, string, string];
  const wild = (s: string) => /[*?]/.test(s);
  if (!wild(partition) && !isPartition(partition)) return `"${partition}" is not a partition (aws, aws-cn, aws-us-gov)`;
  if (!wild(region) && !REGION_PATTERN.test(region)) return region === '' ? 'the Region is empty (KMS ARNs have one)' : `"${region}" is not a Region code`;
  if (!wild(account) && !isAccountId(account)) return `"${account}" is not a 12-digit account id`;
  if (!resource.startsWith('key/')) return `the resource part "${resource}" is not key/<key-id>`;
  const id = resource.slice(4);
  if (!wild(id) && !isKeyId(id)) return `"${id}" is not a key id (a lower-case UUID, or mrk- and 32 hex digits)`;
  return undefined;
}

/** ("Key identifiers (KeyId)", https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id) A key ARN is arn:<partition>:kms:<region>:<account>:key/<key-id>; a malformed one matches no key. */
export const malformedKeyArnResource: DocumentRule = {
  code: 'KW504',
  name: 'malformed-key-arn-resource',
  severity: 'error',
  title: 'Malformed KMS key ARN as IAM Resource',
  appliesTo: 'iam',
  check(doc, report) {
    for (const u of keyUseStatements(doc)) {
      for (const r of u.resources) {
        if (!/^arn:[^:]*:kms:/.test(r.value) || ALIAS_ARN.test(r.value) || namesEveryKey(r.value)) continue;
        const problem = keyArnProblem(r.value);
        if (problem) report(r.loc, `"${r.value}" is not a valid key ARN: ${problem}, so it matches no key. A key ARN looks like ${EXAMPLE}.`);
      }
    }
  },
};
