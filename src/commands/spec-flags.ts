// The flags that answer the wizard's questions: shared by `generate` and the
// wizard, so a flag and its question always mean the same thing.
import { listFlag, type OptionSpec } from '../cli/args.js';
import { UsageError } from '../cli/errors.js';
import type { NewKeySpec } from '../core/key-target.js';
import { safeText } from '../core/terminal-safe.js';
import { ACCESS_MODES, type PolicySpec } from '../core/spec.js';
import type { AccessMode } from '../core/spec-types.js';

export const SPEC_OPTIONS = {
  'key-arn': { type: 'string' },
  'new-key': { type: 'boolean' },
  account: { type: 'string' },
  'multi-region': { type: 'boolean' },
  'no-rotation': { type: 'boolean' },
  'rotation-period': { type: 'string' },
  admin: { type: 'string', multiple: true },
  consumer: { type: 'string', multiple: true },
  access: { type: 'string' },
  service: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  actions: { type: 'string' },
  'source-arn': { type: 'string', multiple: true },
} as const satisfies OptionSpec;

export type SpecFlagValues = {
  'key-arn'?: string;
  'new-key'?: boolean;
  account?: string;
  'multi-region'?: boolean;
  'no-rotation'?: boolean;
  'rotation-period'?: string;
  admin?: string[];
  consumer?: string[];
  access?: string;
  service?: string[];
  region?: string[];
  actions?: string;
  'source-arn'?: string[];
};

/** The answers the flags give; a question without its flag stays undefined. */
export function specAnswersFromFlags(values: SpecFlagValues): Partial<PolicySpec> {
  const answers: Partial<PolicySpec> = {};
  if (values['key-arn'] !== undefined) answers.keyArn = values['key-arn'];
  const newKey = newKeyFromFlags(values);
  if (newKey) answers.newKey = newKey;
  if (values.admin) answers.admins = listFlag(values.admin);
  if (values.consumer) answers.consumers = listFlag(values.consumer);
  if (values.access !== undefined) {
    if (!(ACCESS_MODES as readonly string[]).includes(values.access)) {
      throw new UsageError(`--access must be one of ${ACCESS_MODES.join(', ')}, not "${values.access}"`);
    }
    answers.access = values.access as AccessMode;
  }
  if (values.service) answers.services = listFlag(values.service);
  if (values.region) answers.regions = listFlag(values.region);
  if (values.actions !== undefined) answers.actions = listFlag([values.actions]);
  if (values['source-arn']) answers.sourceArns = listFlag(values['source-arn']);
  return answers;
}

/**
 * `--new-key --account ID --region REGION [--multi-region]`: the key's Region
 * is the first --region (the others are Regions the services use it from,
 * through replicas for a multi-Region key). A missing account or Region is
 * left empty for validateSpec to report with its fix.
 */
function newKeyFromFlags(values: SpecFlagValues): NewKeySpec | undefined {
  if (!values['new-key']) {
    const stray =
      values.account !== undefined ? '--account'
      : values['multi-region'] ? '--multi-region'
      : values['no-rotation'] ? '--no-rotation'
      : values['rotation-period'] !== undefined ? '--rotation-period'
      : undefined;
    if (stray) {
      throw new UsageError(
        `${stray} describes a key to create and needs --new-key${values['key-arn'] !== undefined ? `: an existing key's account and type are in its ARN, so drop ${stray}` : ` (e.g. --new-key --account 111122223333 --region us-east-1)`}`,
      );
    }
    return undefined;
  }
  if (values['key-arn'] !== undefined) {
    throw new UsageError('--new-key and --key-arn cannot be used together: drop --key-arn to write the policy for a key you will create, or drop --new-key for the existing key');
  }
  const period = values['rotation-period'];
  if (period !== undefined && !/^\d+$/.test(period.trim())) {
    throw new UsageError(`--rotation-period takes a whole number of days (90 to 2560), not "${safeText(period)}"`);
  }
  return {
    account: values.account ?? '',
    region: listFlag(values.region)[0] ?? '',
    multiRegion: Boolean(values['multi-region']),
    ...(values['no-rotation'] ? { rotation: false } : {}),
    ...(period !== undefined ? { rotationPeriodDays: Number(period.trim()) } : {}),
  };
}

/** Fills the questions a non-interactive run did not answer with their defaults. */
export function specWithDefaults(answers: Partial<PolicySpec>): PolicySpec {
  return {
    ...(answers.newKey ? { newKey: answers.newKey } : { keyArn: answers.keyArn ?? '' }),
    admins: answers.admins ?? [],
    consumers: answers.consumers ?? [],
    access: answers.access ?? 'iam',
    services: answers.services ?? [],
    regions: answers.regions ?? [],
    ...(answers.actions ? { actions: answers.actions } : {}),
    ...(answers.sourceArns ? { sourceArns: answers.sourceArns } : {}),
  };
}

/** The help lines for these flags, shared by `generate --help` and the wizard's help. */
export const SPEC_FLAGS_HELP = `  --key-arn ARN          the key's ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY_ID); required unless
                         --new-key. A key id or alias is refused: IAM policies must name the key ARN.
  --new-key              the key does not exist yet: write its key policy to create it with
                         (no IAM policy file until it has an ARN). Needs --account and --region;
                         the first --region is the key's Region. Not with --key-arn.
  --account ID           with --new-key: the 12-digit account the key will be created in
  --multi-region         with --new-key: a multi-Region key (its replicas in the other --region)
  --no-rotation          with --new-key: do not turn on automatic rotation of the key material
                         (default on for symmetric keys; asymmetric and HMAC keys cannot rotate)
  --rotation-period DAYS with --new-key: days between automatic rotations, 90 to 2560
                         (default KMS's 365)
  --admin ARN            key administrator role/user (repeatable). Default: the key's account
                         root, with administrative actions only (never encrypt/decrypt).
  --consumer ARN|ID      a role/user ARN or a 12-digit account id that uses the key
                         (repeatable). Default: the key's account.
  --access MODE          how the key policy trusts consumers (default iam):
                           iam         the account root + conditions; IAM policies decide who
                           principals  the key policy names the roles/users directly
                           account     "*" limited by kms:CallerAccount; IAM no longer decides who
  --service NAME|VALUE   an AWS service allowed to use the key (repeatable, required): a
                         catalog name (secretsmanager, ebs, rds, s3, ...) or a full
                         ViaService value such as myservice.us-east-1.amazonaws.com.
                         Services that use the key as themselves (cloudtrail, logs,
                         delivery.logs, config, ...) get a scoped service-principal statement
  --source-arn ARN       narrow a service that acts as itself to one resource (repeatable):
                         a trail, log group, event bus, rule, bucket, ... ARN. Default: every
                         such resource of the key's and the consumers' accounts and Regions
  --region REGION        Region the services use the key from (repeatable). Default: the key's.
                         With --new-key the first one is the key's own Region.
  --actions A,B          override the services' default actions (e.g. kms:Decrypt,kms:GenerateDataKey)`;
