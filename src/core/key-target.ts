// The key the policies are for: an existing key, known by its ARN, or a key
// not created yet. A key policy needs no ARN (its Resource is "*"); only IAM
// policies name the key, so a new key has everything but its ARN and id.
import { checkRegion, isAccountId, parseKeyArn, type KeyArn } from './arn.js';
import { isKnownRegion, partitionInfo, partitionOfRegion, type Partition } from './catalog/regions.js';
import { didYouMean } from './suggest.js';
import { fail, ok, type Result } from './result.js';
import type { SpecIssue } from './spec-types.js';

/** The answers that describe a key that does not exist yet. */
export interface NewKeySpec {
  /** The 12-digit account the key will be created in. */
  account: string;
  /** The Region the key (for a multi-Region key: its primary) will be created in. */
  region: string;
  multiRegion: boolean;
  /** false: do not turn on automatic rotation (--no-rotation). Default: on, for the keys that support it. */
  rotation?: boolean;
  /** Days between automatic rotations (--rotation-period), 90 to 2560; default KMS's 365. */
  rotationPeriodDays?: number;
}

/** An existing key. */
export interface ExistingKey extends KeyArn {
  readonly isNew: false;
}

/** A key to be created: no ARN and no key id until it exists. */
export interface NewKey {
  readonly isNew: true;
  readonly arn?: undefined;
  readonly keyId?: undefined;
  readonly partition: Partition;
  readonly region: string;
  readonly account: string;
  readonly multiRegion: boolean;
  readonly knownRegion: boolean;
}

export type KeyTarget = ExistingKey | NewKey;

const unknownRegionWarning = (field: SpecIssue['field'], region: string): SpecIssue => ({
  field,
  value: region,
  message: `Region "${region}" is not in kms-wizard's Region list (it may be newer than this version)`,
  hint: 'Check the Region code; the policies are generated as given',
});

/**
 * Resolves the key: exactly one of `keyArn` (an existing key) and `newKey`.
 * Errors name the flag and the fix; `warnings` collects an unknown Region.
 */
export function resolveKeyTarget(keyArn: string | undefined, newKey: NewKeySpec | undefined, warnings: SpecIssue[]): Result<KeyTarget, SpecIssue[]> {
  if (newKey && keyArn !== undefined && keyArn.trim() !== '') {
    return fail([
      {
        field: 'keyArn',
        value: keyArn,
        message: 'both a key ARN and a new key were given',
        hint: 'Drop --key-arn to write the policy for a key you will create, or drop --new-key to target the existing key',
      },
    ]);
  }
  if (newKey) return resolveNewKey(newKey, warnings);
  const parsed = parseKeyArn(keyArn ?? '');
  if (!parsed.ok) return fail([{ field: 'keyArn', value: keyArn, message: parsed.error.message, hint: parsed.error.hint }]);
  if (!parsed.value.knownRegion) warnings.push(unknownRegionWarning('keyArn', parsed.value.region));
  return ok({ ...parsed.value, isNew: false });
}

function resolveNewKey(spec: NewKeySpec, warnings: SpecIssue[]): Result<NewKey, SpecIssue[]> {
  const errors: SpecIssue[] = [];
  const account = (spec.account ?? '').trim();
  if (!isAccountId(account)) {
    errors.push({
      field: 'account',
      ...(account === '' ? {} : { value: account }),
      message: account === '' ? 'a new key needs the account it will be created in' : `"${account}" is not a 12-digit AWS account id${/^\d+$/.test(account) ? ` (it has ${account.length} digit${account.length === 1 ? '' : 's'})` : ''}`,
      hint: 'Give --account with the 12-digit id, as `aws sts get-caller-identity --query Account --output text` prints it (keep leading zeros)',
    });
  }
  const region = (spec.region ?? '').trim().toLowerCase();
  const partition = partitionOfRegion(region);
  const regionError = region === '' ? { message: 'a new key needs the Region it will be created in', hint: 'Give --region, e.g. --region us-east-1' } : checkRegion(region, partition);
  if (regionError) {
    errors.push({ field: 'keyRegion', ...(region === '' ? {} : { value: region }), message: regionError.message, hint: regionError.hint });
  } else if (!isKnownRegion(region)) {
    const guess = didYouMean(region, partitionInfo(partition).regions, 2);
    if (guess) errors.push({ field: 'keyRegion', value: region, message: `unknown Region "${region}"`, hint: `Did you mean ${guess}?` });
    else warnings.push(unknownRegionWarning('keyRegion', region));
  }
  if (errors.length > 0) return fail(errors);
  return ok({ isNew: true, partition, region, account, multiRegion: Boolean(spec.multiRegion), knownRegion: isKnownRegion(region) });
}
