// who-can at scale (issue 19): one account of 10,000 roles and 2,000 customer
// managed policies (plus users and groups), exported as
// `aws iam get-account-authorization-details` prints it, answered by the built
// CLI. Prints wall time and the child's peak RSS against the targets (3 s,
// 1 GB); asserts nothing (timings depend on the machine).
//
//   npm run build && node bench/who-can.mjs
//   WHO_CAN_ROLES=20000 WHO_CAN_POLICIES=4000 BENCH_RUNS=5 node bench/who-can.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.cjs');
const ROLES = Number(process.env.WHO_CAN_ROLES ?? 10_000);
const POLICIES = Number(process.env.WHO_CAN_POLICIES ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 3000;
const TARGET_RSS = 1024 ** 3;
if (!existsSync(bin)) {
  console.error(`bench: ${bin} does not exist; run npm run build (or set KMS_WIZARD_BIN)`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'kms-wizard-who-can-'));
if (!process.env.WHO_CAN_KEEP) process.on('exit', () => rmSync(work, { recursive: true, force: true }));
else console.log(`inputs kept in ${work}`);

const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const doc = (...Statement) => ({ Version: '2012-10-17', Statement });

// Mostly policies for other services; one in 20 touches KMS (on this key, on every key, or only through S3),
// a few hold IAM writes or PassRole: the shapes a real account mixes.
function managedPolicy(i) {
  const statements = [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'dynamodb:Query', 'sqs:SendMessage'], Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/t-${i}`] }];
  if (i % 20 === 0) statements.push({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: i % 40 === 0 ? KEY : '*', ...(i % 60 === 0 ? { Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } } : {}) });
  if (i % 250 === 7) statements.push({ Effect: 'Allow', Action: ['iam:PutRolePolicy', 'iam:AttachRolePolicy'], Resource: `arn:aws:iam::${ACCOUNT}:role/team-${i % 50}-*` });
  if (i % 500 === 1) statements.push({ Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/app-${i}` });
  if (i % 400 === 3) statements.push({ Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/env': 'sandbox' } } });
  return {
    PolicyName: `policy-${i}`, PolicyId: `ANPA${String(i).padStart(17, '0')}`, Arn: `arn:aws:iam::${ACCOUNT}:policy/policy-${i}`, Path: '/', DefaultVersionId: 'v2',
    AttachmentCount: 15, PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: '2024-01-10T10:00:00Z', UpdateDate: '2024-03-10T10:00:00Z',
    PolicyVersionList: [
      { Document: doc(...statements), VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2024-03-10T10:00:00Z' },
      { Document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }), VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2024-01-10T10:00:00Z' },
    ],
  };
}
const aws = (name, d) => ({ PolicyName: name, PolicyId: `ANPA${name.toUpperCase().slice(0, 17)}`, Arn: `arn:aws:iam::aws:policy/${name}`, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 1, IsAttachable: true, PolicyVersionList: [{ Document: d, VersionId: 'v1', IsDefaultVersion: true }] });
const attach = (arn) => ({ PolicyName: arn.split('/').pop(), PolicyArn: arn });
const trust = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

function role(i) {
  const team = `team-${i % 50}`;
  return {
    Path: '/', RoleName: `${team}-app-${i}`, RoleId: `AROA${String(i).padStart(17, '0')}`, Arn: `arn:aws:iam::${ACCOUNT}:role/${team}-app-${i}`, CreateDate: '2024-02-01T09:00:00Z',
    AssumeRolePolicyDocument: trust, InstanceProfileList: [],
    RolePolicyList: [{ PolicyName: 'logs', PolicyDocument: doc({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/app/${i}:*` }) }],
    AttachedManagedPolicies: [0, 1, 2].map((k) => attach(`arn:aws:iam::${ACCOUNT}:policy/policy-${(i * 3 + k) % POLICIES}`)).concat(i % 1000 === 0 ? [attach('arn:aws:iam::aws:policy/PowerUserAccess')] : []),
    ...(i % 100 === 0 ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/policy-0` } } : {}),
    Tags: [{ Key: 'team', Value: team }, { Key: 'env', Value: i % 7 === 0 ? 'sandbox' : 'prod' }],
    RoleLastUsed: { LastUsedDate: '2026-11-30T08:00:00Z', Region: 'eu-west-1' },
  };
}

const users = Array.from({ length: 200 }, (_, i) => ({ Path: '/', UserName: `user-${i}`, UserId: `AIDA${String(i).padStart(17, '0')}`, Arn: `arn:aws:iam::${ACCOUNT}:user/user-${i}`, CreateDate: '2024-02-01T09:00:00Z', UserPolicyList: [], GroupList: [i % 10 === 0 ? 'Admins' : 'Developers'], AttachedManagedPolicies: [], Tags: [] }));
const groups = [
  { Path: '/', GroupName: 'Admins', GroupId: 'AGPAADMINS', Arn: `arn:aws:iam::${ACCOUNT}:group/Admins`, GroupPolicyList: [], AttachedManagedPolicies: [attach('arn:aws:iam::aws:policy/AdministratorAccess')] },
  { Path: '/', GroupName: 'Developers', GroupId: 'AGPADEVELOPERS', Arn: `arn:aws:iam::${ACCOUNT}:group/Developers`, GroupPolicyList: [{ PolicyName: 'read', PolicyDocument: doc({ Effect: 'Allow', Action: ['kms:DescribeKey', 'kms:List*'], Resource: '*' }) }], AttachedManagedPolicies: [] },
];
const details = {
  UserDetailList: users, GroupDetailList: groups, RoleDetailList: Array.from({ length: ROLES }, (_, i) => role(i)),
  Policies: [...Array.from({ length: POLICIES }, (_, i) => managedPolicy(i)), aws('AdministratorAccess', doc({ Effect: 'Allow', Action: '*', Resource: '*' })), aws('PowerUserAccess', doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }))],
  IsTruncated: false,
};
const keyPolicy = doc(
  { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
  { Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:role/team-1-app-1`, `arn:aws:iam::${ACCOUNT}:role/team-2-app-2`] }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' },
  { Sid: 'Allow use through S3 by anyone in the account', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT } } },
);
const files = {
  details: join(work, 'account.json'),
  key: join(work, 'key-policy.json'),
  grants: join(work, 'grants.json'),
};
const detailsText = JSON.stringify(details, null, 4);
writeFileSync(files.details, detailsText);
writeFileSync(files.key, JSON.stringify({ Policy: JSON.stringify(keyPolicy), PolicyName: 'default' }, null, 4));
writeFileSync(files.grants, JSON.stringify({ Grants: Array.from({ length: 50 }, (_, i) => ({ KeyId: KEY, GrantId: `grant-${i}`, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:role/team-${i % 50}-app-${i}`, Operations: ['Decrypt', 'GenerateDataKey'], Constraints: { EncryptionContextSubset: { app: String(i) } } })), Truncated: false }, null, 4));

// The child's own peak RSS and CPU time, written when it exits (it may call process.exit). CPU time is
// printed too: on a shared machine the wall time also counts the time other processes held the cores.
const preload = join(work, 'rss.cjs');
const rssFile = join(work, 'rss.txt');
writeFileSync(preload, `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify({ rss: u.maxRSS * 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n`);

const args = ['who-can', '--key', KEY, '--key-policy', files.key, '--account-details', files.details, '--grants', files.grants, '--json'];
const times = [];
const rss = [];
const cpu = [];
let out = '';
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['-r', preload, bin, ...args], { encoding: 'utf8', maxBuffer: 1024 ** 3, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } });
  times.push(performance.now() - start);
  if (r.status !== 0) {
    console.error(`bench: who-can exited ${r.status}: ${r.stderr}`);
    process.exit(1);
  }
  const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  rss.push(usage.rss);
  cpu.push(usage.cpu);
  out = r.stdout;
}
const answer = JSON.parse(out);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = median(times);
const peak = Math.max(...rss);
console.log(`who-can: ${ROLES.toLocaleString('en-US')} roles, ${POLICIES.toLocaleString('en-US')} managed policies, 200 users; export ${(detailsText.length / 1e6).toFixed(1)} MB`);
console.log(`  answer: ${answer.access.length.toLocaleString('en-US')} access entries, ${answer.takeover.length} takeover paths`);
console.log(`  time (median of ${RUNS}): ${(ms / 1000).toFixed(2)} s   target ${TARGET_MS / 1000} s   ratio ${(ms / TARGET_MS).toFixed(2)}`);
console.log(`  CPU time (median of ${RUNS}): ${(median(cpu) / 1000).toFixed(2)} s   (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores while measuring)`);
console.log(`  peak RSS (max of ${RUNS}): ${(peak / 1024 ** 2).toFixed(0)} MB   target ${TARGET_RSS / 1024 ** 2} MB   ratio ${(peak / TARGET_RSS).toFixed(2)}`);
