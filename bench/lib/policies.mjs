// Deterministic inputs for the scaling rows of `npm run bench`: key policies
// of N statements shaped like those of a big organisation's shared key, and
// Terraform plans with N keys. Generated on each run (never committed), from
// a fixed seed, so every run and every machine measures the same documents.

export const BENCH_KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** mulberry32: a small seeded PRNG (the same numbers on every run). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNTS = ['111122223333', '444455556666', '777788889999', '222233334444', '555566667777', '666677778888'];
const SERVICES = ['s3', 'secretsmanager', 'rds', 'dynamodb', 'sqs', 'sns', 'lambda', 'ebs', 'ec2', 'logs'];
const CRYPTO = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
const ADMIN = ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'];
const GRANTS = ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'];
const SERVICE_PRINCIPALS = ['logs.us-east-1.amazonaws.com', 'cloudtrail.amazonaws.com', 'delivery.logs.amazonaws.com', 'sns.amazonaws.com', 'events.amazonaws.com'];

const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];
const some = (rand, xs, n) => {
  const out = new Set();
  while (out.size < Math.min(n, xs.length)) out.add(pick(rand, xs));
  return [...out];
};

/** One statement of an application team: its roles, some crypto actions, usually through one service. */
function appStatement(rand, i) {
  const account = pick(rand, ACCOUNTS);
  const roles = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, j) => `arn:aws:iam::${account}:role/team-${i}-app-${j}`);
  const service = pick(rand, SERVICES);
  const stmt = {
    Sid: `App${i}`,
    Effect: 'Allow',
    Principal: { AWS: roles.length === 1 ? roles[0] : roles },
    Action: some(rand, CRYPTO, 2 + Math.floor(rand() * 3)),
    Resource: '*',
  };
  const shape = rand();
  if (shape < 0.5) stmt.Condition = { StringEquals: { 'kms:ViaService': `${service}.us-east-1.amazonaws.com`, 'kms:CallerAccount': account } };
  else if (shape < 0.7) stmt.Condition = { StringLike: { 'kms:ViaService': [`${service}.*.amazonaws.com`] } };
  else if (shape < 0.85) stmt.Condition = { StringEquals: { [`kms:EncryptionContext:app`]: `team-${i}` } };
  return stmt;
}

function statement(rand, i) {
  const r = rand();
  if (r < 0.7) return appStatement(rand, i);
  if (r < 0.8) {
    return {
      Sid: `Grants${i}`,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${pick(rand, ACCOUNTS)}:role/grantor-${i}` },
      Action: GRANTS,
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    };
  }
  if (r < 0.88) {
    return {
      Sid: `Service${i}`,
      Effect: 'Allow',
      Principal: { Service: pick(rand, SERVICE_PRINCIPALS) },
      Action: some(rand, CRYPTO, 3),
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    };
  }
  if (r < 0.95) {
    return { Sid: `Admins${i}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::111122223333:role/admin-${i}` }, Action: ADMIN, Resource: '*' };
  }
  return {
    Sid: `Deny${i}`,
    Effect: 'Deny',
    Principal: { AWS: `arn:aws:iam::${pick(rand, ACCOUNTS)}:role/team-${i}-blocked` },
    Action: ['kms:Decrypt', 'kms:ReEncrypt*'],
    Resource: '*',
  };
}

/** A key policy of `n` statements: the account root first, then a mix of teams, grants, services, admins and denials. */
export function keyPolicy(n, seed = 21) {
  const rand = prng(seed + n);
  const root = { Sid: 'EnableIamUserPermissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
  return { Version: '2012-10-17', Statement: [root, ...Array.from({ length: n - 1 }, (_, i) => statement(rand, i))] };
}

/** The same policy after a review: every 10th statement gone, every 7th given one more action. */
export function reviewedPolicy(policy) {
  const Statement = policy.Statement.filter((_, i) => i === 0 || i % 10 !== 5).map((s, i) =>
    i % 7 === 3 && Array.isArray(s.Action) && !s.Action.includes('kms:CreateGrant') ? { ...s, Action: [...s.Action, 'kms:CreateGrant'] } : s,
  );
  return { ...policy, Statement };
}

/** A key policy as close to `bytes` as whole statements allow (KMS accepts at most 32 KB). */
export function keyPolicyOfSize(bytes, seed = 21) {
  let n = 2;
  while (JSON.stringify(keyPolicy(n + 1, seed), null, 2).length <= bytes) n++;
  return keyPolicy(n, seed);
}

/** A Terraform plan (`terraform show -json`) with `keys` aws_kms_key resources, each with a key policy as a JSON string. */
export function terraformPlan(keys, seed = 21) {
  const resources = [];
  for (let k = 0; k < keys; k++) {
    const policy = keyPolicy(4 + (k % 5), seed + k);
    resources.push({
      address: `aws_kms_key.key_${k}`,
      mode: 'managed',
      type: 'aws_kms_key',
      name: `key_${k}`,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      schema_version: 0,
      values: { description: `key ${k}`, enable_key_rotation: true, deletion_window_in_days: 30, policy: JSON.stringify(policy), tags: { team: `team-${k % 40}` } },
      sensitive_values: { tags: {} },
    });
  }
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', planned_values: { root_module: { resources } } }, null, 2);
}
