// Key policies shaped like a big organisation's shared key, for differential
// tests of the access comparison: roles, users, sessions and roots of several
// accounts, service principals, "*" limited by conditions, NotPrincipal and
// NotAction, kms:ViaService in several Regions (a multi-Region key's replicas),
// Deny statements, and a review of each policy (statements dropped, actions added).
import fc from 'fast-check';

export const SINGLE_REGION_KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const MULTI_REGION_KEY = 'arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';

const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const IAM = [
  ...ACCOUNTS.flatMap((a) => [`arn:aws:iam::${a}:role/app`, `arn:aws:iam::${a}:role/team/batch`, `arn:aws:iam::${a}:root`]),
  'arn:aws:iam::111122223333:user/John',
  'arn:aws:sts::111122223333:assumed-role/app/session',
  '444455556666',
  'arn:aws:iam::111122223333:role/ap*',
];
const SERVICES = ['logs.us-east-1.amazonaws.com', 'cloudtrail.amazonaws.com', 'delivery.logs.amazonaws.com'];
const ACTIONS = ['kms:*', 'kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey', 'kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant',
  'kms:Create*', 'kms:Describe*', 'kms:Put*', 'kms:ScheduleKeyDeletion', 'kms:Sign', 'kms:GetPublicKey', 'kms:ReplicateKey'];
const VIAS = ['secretsmanager.us-east-1.amazonaws.com', 's3.us-east-1.amazonaws.com', 's3.us-west-2.amazonaws.com', 'rds.eu-west-1.amazonaws.com', 'ec2.us-east-1.amazonaws.com'];

const someOf = <T>(xs: readonly T[], max = 3) => fc.oneof(fc.constantFrom(...xs), fc.uniqueArray(fc.constantFrom(...xs), { minLength: 1, maxLength: max }));

const principal = fc.oneof(
  { weight: 6, arbitrary: fc.record({ AWS: someOf(IAM) }) },
  { weight: 2, arbitrary: fc.record({ Service: someOf(SERVICES, 2) }) },
  { weight: 1, arbitrary: fc.constant('*') },
  { weight: 1, arbitrary: fc.record({ AWS: fc.constant('*') }) },
  { weight: 1, arbitrary: fc.record({ AWS: someOf(IAM), Service: someOf(SERVICES, 2) }) },
);

const condition = fc.oneof(
  fc.record({ StringEquals: fc.record({ 'kms:ViaService': someOf(VIAS, 2) }) }),
  fc.record({ StringEquals: fc.record({ 'kms:ViaService': someOf(VIAS, 2), 'kms:CallerAccount': someOf(ACCOUNTS, 2) }) }),
  fc.record({ StringLike: fc.record({ 'kms:ViaService': someOf(['s3.*.amazonaws.com', 'secretsmanager.*.amazonaws.com', 'rds.*.amazonaws.com'], 2) }) }),
  fc.record({ StringNotEquals: fc.record({ 'kms:ViaService': someOf(VIAS, 2) }) }),
  fc.record({ StringEquals: fc.record({ 'kms:CallerAccount': someOf(ACCOUNTS, 2) }) }),
  fc.record({ StringEquals: fc.record({ 'kms:EncryptionContext:app': fc.constantFrom('a', 'b') }) }),
  fc.record({ Bool: fc.record({ 'kms:GrantIsForAWSResource': fc.constantFrom('true', 'false') }) }),
  fc.record({ Bool: fc.record({ 'aws:ViaAWSService': fc.constantFrom('true', 'false') }) }),
  fc.record({ Null: fc.record({ 'kms:ViaService': fc.constantFrom('true', 'false') }) }),
  fc.record({ ArnLike: fc.record({ 'aws:PrincipalArn': someOf(['arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:role/app'], 2) }) }),
  fc.record({ StringEquals: fc.record({ 'aws:PrincipalAccount': fc.constant('${aws:ResourceAccount}'), 'aws:SourceAccount': fc.constant('111122223333') }) }),
  fc.record({ StringLike: fc.record({ 'kms:ViaService': fc.constant('${aws:PrincipalAccount}*') }) }),
  fc.record({ StringEqualsIfExists: fc.record({ 'kms:ViaService': someOf(VIAS, 2) }) }),
);

const statement = fc
  .record(
    {
      Sid: fc.constantFrom('A', 'B', 'Admins', 'Use', 'Grants', 'Logs', ''),
      Effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
      Principal: principal,
      Action: someOf(ACTIONS, 4),
      Resource: fc.constantFrom('*', '*', SINGLE_REGION_KEY, MULTI_REGION_KEY, 'arn:aws:kms:*:111122223333:key/*'),
      Condition: condition,
      notPrincipal: fc.boolean(),
      notAction: fc.boolean(),
    },
    { requiredKeys: ['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'notPrincipal', 'notAction'] },
  )
  .map(({ notPrincipal, notAction, Sid, ...s }) => {
    const out: Record<string, unknown> = { ...s, ...(Sid ? { Sid } : {}) };
    // Now and then the shapes that apply to nearly everyone: NotPrincipal, NotAction.
    if (notPrincipal && s.Effect === 'Deny') {
      out.NotPrincipal = out.Principal;
      delete out.Principal;
    }
    if (notAction && Sid === 'B') {
      out.NotAction = out.Action;
      delete out.Action;
    }
    return out;
  });

const root = { Sid: 'EnableIamUserPermissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

/** A key policy: usually the account root first, then up to `max` statements. */
export const orgKeyPolicy = (max = 12) =>
  fc.record({ withRoot: fc.boolean(), statements: fc.array(statement, { minLength: 1, maxLength: max }) }).map(({ withRoot, statements }) => ({
    Version: '2012-10-17',
    Statement: withRoot ? [root, ...statements] : statements,
  }));

type Policy = { Version: string; Statement: Record<string, unknown>[] };

/** A review of `policy`: some statements dropped, some given one more action, maybe one new statement. */
export const reviewOf = (policy: Policy) =>
  fc.record({ drop: fc.array(fc.boolean(), { minLength: policy.Statement.length, maxLength: policy.Statement.length }), extra: fc.constantFrom(...ACTIONS), added: fc.option(statement, { nil: undefined }) }).map(
    ({ drop, extra, added }) => {
      const kept = policy.Statement.filter((_, i) => !drop[i]).map((s, i) => (i % 3 === 1 && Array.isArray(s.Action) ? { ...s, Action: [...new Set([...(s.Action as string[]), extra])] } : s));
      return { ...policy, Statement: added ? [...kept, added] : kept };
    },
  );

/** Two key policies: a policy and its review, or two unrelated ones. */
export const policyPair = (max = 12) =>
  fc.oneof(
    orgKeyPolicy(max).chain((p) => reviewOf(p).map((r) => [p, r] as const)),
    fc.tuple(orgKeyPolicy(max), orgKeyPolicy(max)),
  );
