import { isKnownRegion, isPartition, partitionOfRegion, PARTITION_IDS, REGION_PATTERN, type Partition } from './catalog/regions.js';
import { fail, ok, type Result } from './result.js';

/** What went wrong in an identifier, which part, and what a valid value looks like. */
export interface ArnError {
  /** The part that is wrong: `arn`, `partition`, `service`, `region`, `account`, `resource`, `key-id`. */
  readonly part: string;
  readonly message: string;
  /** How to fix it, with an example of a valid value. */
  readonly hint: string;
}

/** A parsed KMS key ARN. */
export interface KeyArn {
  readonly arn: string;
  readonly partition: Partition;
  readonly region: string;
  readonly account: string;
  readonly keyId: string;
  /** Multi-Region keys have ids that start with `mrk-`. */
  readonly multiRegion: boolean;
  /** False when the Region is well-formed but not in this tool's list. */
  readonly knownRegion: boolean;
}

export const EXAMPLE_KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MRK_PATTERN = /^mrk-[0-9a-f]{32}$/;

const describeKeyHint = (id: string) =>
  `IAM policies and this tool need the key ARN. Look it up with: aws kms describe-key --key-id ${id} --query KeyMetadata.Arn --output text`;

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID_PATTERN.test(value);
}

/** A KMS key id: a UUID, or `mrk-` and 32 hex digits for a multi-Region key. */
export function isKeyId(value: string): boolean {
  return UUID_PATTERN.test(value) || MRK_PATTERN.test(value);
}

/** Parses `arn:<partition>:kms:<region>:<account>:key/<key-id>`, explaining any other form. */
export function parseKeyArn(input: string): Result<KeyArn, ArnError> {
  const value = input.trim();
  if (value === '') {
    return fail({ part: 'arn', message: 'the key ARN is empty', hint: `Give the full key ARN, e.g. ${EXAMPLE_KEY_ARN}` });
  }
  if (isKeyId(value.toLowerCase())) {
    return fail({ part: 'arn', message: `"${value}" is a key id, not a key ARN`, hint: describeKeyHint(value) });
  }
  if (value.startsWith('alias/')) {
    return fail({
      part: 'arn',
      message: `"${value}" is an alias name, not a key ARN: an alias can be moved to another key, and IAM policies must name the key itself`,
      hint: describeKeyHint(value),
    });
  }
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    return fail({
      part: 'arn',
      message: `"${value}" is not an ARN (expected 6 parts separated by ":", starting with "arn")`,
      hint: `A key ARN looks like ${EXAMPLE_KEY_ARN}`,
    });
  }
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  const resource = parts.slice(5).join(':');
  if (!isPartition(partition)) {
    return fail({
      part: 'partition',
      message: `unknown partition "${partition}"`,
      hint: `Use one of ${PARTITION_IDS.join(', ')} (e.g. arn:aws:kms:...)`,
    });
  }
  if (service !== 'kms') {
    return fail({
      part: 'service',
      message: `the ARN is for service "${service}", not "kms"`,
      hint: `A KMS key ARN has "kms" as its third part: ${EXAMPLE_KEY_ARN}`,
    });
  }
  const regionError = checkRegion(region, partition);
  if (regionError) return fail(regionError);
  if (!isAccountId(account)) {
    return fail({
      part: 'account',
      message: `"${account}" is not a 12-digit AWS account id`,
      hint: 'The fifth part of the ARN is the account id, 12 digits such as 111122223333',
    });
  }
  if (resource.startsWith('alias/')) {
    return fail({
      part: 'resource',
      message: `"${value}" is an alias ARN, not a key ARN: IAM policies must name the key by its key ARN`,
      hint: describeKeyHint(value),
    });
  }
  if (!resource.startsWith('key/')) {
    return fail({
      part: 'resource',
      message: `the resource part "${resource}" is not "key/<key-id>"`,
      hint: `End the ARN with key/ and the key id: ${EXAMPLE_KEY_ARN}`,
    });
  }
  const keyId = resource.slice(4);
  if (!isKeyId(keyId)) {
    return fail({
      part: 'key-id',
      message: `"${keyId}" is not a KMS key id`,
      hint: 'A key id is a lower-case UUID (1234abcd-12ab-34cd-56ef-1234567890ab) or, for a multi-Region key, mrk- and 32 hex digits',
    });
  }
  return ok({
    arn: value,
    partition,
    region,
    account,
    keyId,
    multiRegion: keyId.startsWith('mrk-'),
    knownRegion: isKnownRegion(region),
  });
}

/** Checks a Region code against the partition it must belong to; undefined when it is fine. */
export function checkRegion(region: string, partition: Partition): ArnError | undefined {
  if (!REGION_PATTERN.test(region)) {
    return {
      part: 'region',
      message: `"${region}" is not a Region code`,
      hint: 'A Region code looks like us-east-1, eu-west-2 or cn-north-1',
    };
  }
  const expected = partitionOfRegion(region);
  if (expected !== partition) {
    return {
      part: 'region',
      message: `Region "${region}" belongs to partition "${expected}", not "${partition}"`,
      hint: `Use arn:${expected}:... for ${region}, or a Region of ${partition}`,
    };
  }
  return undefined;
}

/** The kinds of IAM principal ARN a key policy or this tool accepts. */
export type PrincipalKind = 'root' | 'user' | 'role' | 'assumed-role';

export interface PrincipalArn {
  readonly arn: string;
  readonly partition: Partition;
  readonly account: string;
  readonly kind: PrincipalKind;
  /** The user or role name (last path segment); the account id for root. */
  readonly name: string;
  /** For `assumed-role`: the role's session name. */
  readonly session?: string;
}

const EXAMPLE_ROLE = 'arn:aws:iam::111122223333:role/app';

/** Parses an IAM principal ARN: account root, user, role or STS assumed-role session. */
export function parsePrincipalArn(input: string): Result<PrincipalArn, ArnError> {
  const value = input.trim();
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    return fail({
      part: 'arn',
      message: `"${value}" is not an IAM principal ARN`,
      hint: `Give a role or user ARN such as ${EXAMPLE_ROLE}, or a 12-digit account id`,
    });
  }
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  const resource = parts.slice(5).join(':');
  if (!isPartition(partition)) {
    return fail({ part: 'partition', message: `unknown partition "${partition}"`, hint: `Use one of ${PARTITION_IDS.join(', ')}` });
  }
  if (service !== 'iam' && service !== 'sts') {
    return fail({
      part: 'service',
      message: `"${value}" is a ${service} ARN, not an IAM principal`,
      hint: `Principals are IAM users and roles (${EXAMPLE_ROLE}) or accounts`,
    });
  }
  if (region !== '') {
    return fail({ part: 'region', message: 'IAM ARNs have no Region (the fourth part must be empty)', hint: `Write it as ${EXAMPLE_ROLE}` });
  }
  if (!isAccountId(account)) {
    return fail({ part: 'account', message: `"${account}" is not a 12-digit AWS account id`, hint: `e.g. ${EXAMPLE_ROLE}` });
  }
  if (service === 'sts') {
    const m = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
    if (!m) {
      return fail({ part: 'resource', message: `"${resource}" is not an assumed-role session`, hint: 'An STS principal looks like arn:aws:sts::111122223333:assumed-role/app/session' });
    }
    return ok({ arn: value, partition, account, kind: 'assumed-role', name: m[1]!, session: m[2]! });
  }
  if (resource === 'root') return ok({ arn: value, partition, account, kind: 'root', name: account });
  const m = /^(user|role|group|policy)\/(?:.*\/)?([^/]+)$/.exec(resource);
  if (!m) {
    return fail({ part: 'resource', message: `"${resource}" is not root, user/<name> or role/<name>`, hint: `e.g. ${EXAMPLE_ROLE}` });
  }
  if (m[1] === 'group') {
    return fail({
      part: 'resource',
      message: 'IAM groups are never valid principals in a policy',
      hint: 'Name the group members (users) or a role instead; or trust the account and attach the IAM policy to the group',
    });
  }
  if (m[1] === 'policy') {
    return fail({ part: 'resource', message: `"${value}" is a managed policy ARN, not a principal`, hint: `Name the role or user the policy is attached to, e.g. ${EXAMPLE_ROLE}` });
  }
  return ok({ arn: value, partition, account, kind: m[1] as 'user' | 'role', name: m[2]! });
}

/** `arn:<partition>:iam::<account>:root`: the account as a principal. */
export function rootArn(partition: Partition, account: string): string {
  return `arn:${partition}:iam::${account}:root`;
}

/**
 * The IAM Resource that covers a multi-Region key and all its replicas:
 * `arn:aws:kms:*:<account>:key/mrk-...` (one colon after `*`) [multi-region-keys-auth].
 */
export function allReplicasArn(key: KeyArn): string {
  return `arn:${key.partition}:kms:*:${key.account}:key/${key.keyId}`;
}
