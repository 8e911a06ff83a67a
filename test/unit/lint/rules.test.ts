// Every lint rule: one policy that trips it and one that does not (the same
// policy with the mistake fixed). A rule without a case here fails the last test.
import { describe, expect, test } from 'vitest';
import { lintFiles, RULES, type PolicyKind } from '../../../src/core/lint/index.js';
import type { KeyFacts } from '../../../src/core/lint/model.js';
import { MAX_LINT_CHARS } from '../../../src/core/lint/rules/too-large-to-lint.js';
import {
  ACCOUNT, ADMIN, bareKeyPolicy, iamPolicy, iamUse, KEY_ARN, keyPolicy, MRK_ARN, OTHER_ACCOUNT, ROOT, use, useWhere, VIA_SM,
} from './fixtures.js';

type Input = string | { text: string; type: PolicyKind; key?: KeyFacts };
interface Case {
  code: string;
  why: string;
  bad: Input[];
  good: Input[];
  keyArn?: string;
}

const GOOD_KEY = keyPolicy(use());
const GOOD_IAM = iamPolicy(iamUse());
const via = (value: unknown, op = 'StringEquals') => ({ [op]: { 'kms:ViaService': value, 'kms:CallerAccount': ACCOUNT } });
const manyStatements = (n: number) => Array.from({ length: n }, (_, i) => use({ Sid: `UseThroughSecretsManager${i}` }));
/** "*" whose only condition is kms:CallerAccount, beside a key administrator. */
const accountWide = (Action: string | string[]) => ({ Sid: 'AccountWide', Effect: 'Allow', Principal: { AWS: '*' }, Action, Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT } } });
/** A key policy as a template reader hands it over, with the key's type (no KeySpec written: symmetric). */
const withKey = (text: string, keySpec = 'SYMMETRIC_DEFAULT', keyUsage = 'ENCRYPT_DECRYPT'): Input => ({ text, type: 'key', key: { keySpec, keyUsage, refs: [KEY_ARN] } });
const manyIam = (n: number) => Array.from({ length: n }, (_, i) => iamUse({ Sid: `UseKey${i}` }));

const CASES: Case[] = [
  { code: 'KW001', why: 'trailing comma', bad: ['{"Version": "2012-10-17",}'], good: [GOOD_KEY] },
  { code: 'KW002', why: 'a list is not a policy', bad: ['[{"Effect": "Allow"}]', '"text"', '42'], good: [GOOD_KEY] },
  { code: 'KW003', why: 'far over any AWS size limit, or nested far deeper', bad: [`${' '.repeat(MAX_LINT_CHARS)}{}`, `${'['.repeat(100)}${']'.repeat(100)}`], good: [keyPolicy(...manyStatements(100))] },
  { code: 'KW004', why: 'no statements', bad: ['{"Version": "2012-10-17"}', '{"Version": "2012-10-17", "Statement": []}'], good: [GOOD_KEY] },
  { code: 'KW005', why: 'Version missing or old', bad: [JSON.stringify({ Statement: [ADMIN] }), JSON.stringify({ Version: '2008-10-17', Statement: [ADMIN] })], good: [GOOD_KEY] },
  { code: 'KW006', why: "today's date as Version", bad: [JSON.stringify({ Version: '2024-05-01', Statement: [ADMIN] })], good: [GOOD_KEY] },
  { code: 'KW007', why: 'key policy over 32,768 bytes', bad: [keyPolicy(...manyStatements(120))], good: [keyPolicy(...manyStatements(40))] },
  { code: 'KW008', why: 'IAM policy over 6,144 characters', bad: [iamPolicy(...manyIam(80))], good: [iamPolicy(...manyIam(30))] },
  {
    code: 'KW009',
    why: 'a check mark, a typographic quote or an arrow (CreateKey/PutKeyPolicy Policy pattern); Latin-1 and \\u escapes are fine',
    bad: [keyPolicy(use({ Sid: 'Use ✓' })), keyPolicy(use({ Sid: 'Don’t' })), iamPolicy(iamUse({ Sid: 'UseKey→App' }))],
    good: [keyPolicy(use({ Sid: 'Clé für Café' })), keyPolicy(use()).replace('"UseThroughSecretsManager"', '"Use \\u2713"')],
  },
  {
    code: 'KW020',
    why: 'an IAM role trust policy (sts: actions only) is not a KMS policy',
    bad: [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })],
    good: [GOOD_KEY, GOOD_IAM],
  },
  {
    code: 'KW101',
    why: 'Pricipal / Actions / Statements',
    bad: [
      keyPolicy({ Effect: 'Allow', Pricipal: { AWS: ROOT }, Action: 'kms:Decrypt', Resource: '*' }),
      keyPolicy(use({ Action: undefined, Actions: ['kms:Decrypt'] })),
      JSON.stringify({ Version: '2012-10-17', Statements: [ADMIN] }),
      keyPolicy(use({ Foo: 1 })),
    ],
    good: [GOOD_KEY],
  },
  {
    code: 'KW102',
    why: 'wrong JSON types',
    bad: [keyPolicy(use({ Action: 5 })), keyPolicy(use({ Action: [] })), keyPolicy(use({ Condition: ['x'] })), '{"Version": "2012-10-17", "Statement": "all"}'],
    good: [GOOD_KEY],
  },
  { code: 'KW103', why: 'Action and NotAction', bad: [keyPolicy(use({ NotAction: 'kms:Encrypt' }))], good: [GOOD_KEY] },
  { code: 'KW104', why: 'Effect "allow"', bad: [keyPolicy(use({ Effect: 'allow' })), keyPolicy(use({ Effect: undefined }))], good: [GOOD_KEY] },
  { code: 'KW105', why: 'key policy statement without Principal', bad: [keyPolicy(use({ Principal: undefined }))], good: [GOOD_KEY] },
  { code: 'KW106', why: 'Principal in a file forced to IAM', bad: [{ text: GOOD_KEY, type: 'iam' }], good: [{ text: GOOD_IAM, type: 'iam' }] },
  { code: 'KW107', why: 'no Action', bad: [keyPolicy(use({ Action: undefined })), iamPolicy(iamUse({ Action: undefined }))], good: [GOOD_KEY, GOOD_IAM] },
  { code: 'KW108', why: 'key policy without Resource', bad: [keyPolicy(use({ Resource: undefined }))], good: [GOOD_KEY] },
  { code: 'KW109', why: 'IAM policy without Resource', bad: [iamPolicy(iamUse({ Resource: undefined }))], good: [GOOD_IAM] },
  { code: 'KW110', why: 'IAM Sid with spaces', bad: [iamPolicy(iamUse({ Sid: 'Use the key' }))], good: [GOOD_IAM, keyPolicy(use({ Sid: 'Use the key' }))] },
  { code: 'KW111', why: 'duplicate IAM Sid', bad: [iamPolicy(iamUse(), iamUse())], good: [iamPolicy(iamUse(), iamUse({ Sid: 'Other' }))] },
  { code: 'KW112', why: 'duplicate key policy Sid', bad: [keyPolicy(use(), use())], good: [keyPolicy(use(), use({ Sid: 'Other' }))] },
  {
    code: 'KW113',
    why: 'the same operator twice in a Condition, the same Effect twice (RFC 7159: readers keep the last copy)',
    bad: [
      GOOD_KEY.replace('"Condition": {', '"Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"},'),
      GOOD_IAM.replace('"Effect": "Allow",', '"Effect": "Deny", "Effect": "Allow",'),
    ],
    good: [GOOD_KEY, GOOD_IAM],
  },
  {
    code: 'KW121',
    why: 'a placeholder copied from documentation (ACCOUNT_ID, <region>, ${AccountId})',
    bad: [iamPolicy(iamUse({ Resource: 'arn:aws:kms:<region>:ACCOUNT_ID:key/KEY_ID' })), keyPolicy(use({ Principal: { AWS: 'arn:aws:iam::${AccountId}:root' } }))],
    good: [GOOD_IAM, iamPolicy(iamUse({ Resource: 'arn:aws:kms:us-east-1:111122223333:key/${aws:PrincipalTag/key}' }))],
  },
  {
    code: 'KW201',
    why: 'kms:Encrpyt and a wildcard matching nothing',
    bad: [keyPolicy(use({ Action: ['kms:Encrpyt'] })), iamPolicy(iamUse({ Action: 'kms:Genrate*' }))],
    good: [keyPolicy(use({ Action: ['kms:decrypt', 'kms:GenerateDataKey*'] }))],
  },
  { code: 'KW202', why: 'no service prefix', bad: [keyPolicy(use({ Action: ['Decrypt'] })), iamPolicy(iamUse({ Action: 'kms: Decrypt' }))], good: [GOOD_KEY, iamPolicy(iamUse({ Action: '*' }))] },
  {
    code: 'KW203',
    why: 'Secrets Manager never calls Encrypt',
    bad: [keyPolicy(use({ Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'] }))],
    good: [GOOD_KEY, keyPolicy(useWhere(via('ec2.us-east-1.amazonaws.com'), { Action: ['kms:Decrypt', 'kms:ReEncryptFrom'] }))],
  },
  {
    code: 'KW301',
    why: 'StringEqual',
    bad: [keyPolicy(useWhere({ StringEqual: { 'kms:ViaService': VIA_SM }, StringEquals: { 'kms:CallerAccount': ACCOUNT } })), keyPolicy(useWhere({ NullIfExists: { 'kms:ViaService': 'false' }, StringEquals: { 'kms:CallerAccount': ACCOUNT } }))],
    good: [GOOD_KEY, keyPolicy(useWhere({ 'ForAnyValue:StringLikeIfExists': { 'kms:EncryptionContextKeys': 'a*' }, ...via(VIA_SM) }))],
  },
  {
    code: 'KW302',
    why: 'kms:ViaServce',
    bad: [keyPolicy(useWhere({ StringEquals: { 'kms:ViaServce': VIA_SM, 'kms:CallerAccount': ACCOUNT } }))],
    good: [GOOD_KEY, keyPolicy(useWhere({ StringEquals: { 'KMS:VIASERVICE': VIA_SM, 'kms:CallerAccount': ACCOUNT, 'kms:EncryptionContext:SecretARN': 'x' } }))],
  },
  {
    code: 'KW303',
    why: 'awws:SourceArn, aws:SourceAcount',
    bad: [
      keyPolicy(useWhere({ ...via(VIA_SM), ArnLike: { 'awws:SourceArn': 'arn:aws:s3:::b' } })),
      keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'aws:SourceAcount': ACCOUNT } })),
      keyPolicy(useWhere({ StringEquals: { 'aws:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT } })),
    ],
    good: [keyPolicy(useWhere({ ...via(VIA_SM), ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b' } }))],
  },
  {
    code: 'KW304',
    why: 'an aws: key nobody has heard of',
    bad: [keyPolicy(useWhere({ ...via(VIA_SM), Bool: { 'aws:QuantumSecure': 'true' } }))],
    good: [keyPolicy(useWhere({ ...via(VIA_SM), StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT, 'aws:PrincipalOrgID': 'o-abc', 'aws:ResourceTag/env': 'prod' } }))],
  },
  {
    code: 'KW305',
    why: 'no Region, account id for Region, .com.cn, upper case',
    bad: [
      keyPolicy(useWhere(via('secretsmanager.amazonaws.com'))),
      keyPolicy(useWhere(via(`secretsmanager.${ACCOUNT}.amazonaws.com`))),
      keyPolicy(useWhere(via('secretsmanager.cn-north-1.amazonaws.com.cn'))),
      keyPolicy(useWhere(via('SecretsManager.us-east-1.amazonaws.com'))),
    ],
    good: [GOOD_KEY, keyPolicy(useWhere(via('secretsmanager.cn-north-1.amazonaws.com'))), keyPolicy(useWhere(via('secretsmanager.*.amazonaws.com', 'StringLike')))],
  },
  {
    code: 'KW306',
    why: 'ebs. instead of ec2., CloudTrail in ViaService',
    bad: [keyPolicy(useWhere(via('ebs.us-east-1.amazonaws.com'))), keyPolicy(useWhere(via('cloudtrail.us-east-1.amazonaws.com')))],
    good: [keyPolicy(useWhere(via('ec2.us-east-1.amazonaws.com'), { Action: ['kms:Decrypt'] }))],
  },
  { code: 'KW307', why: 'not a known service', bad: [keyPolicy(useWhere(via('secretmanager.us-east-1.amazonaws.com')))], good: [GOOD_KEY] },
  { code: 'KW308', why: 'well-formed but unlisted Region', bad: [keyPolicy(useWhere(via('secretsmanager.us-east-9.amazonaws.com')))], good: [GOOD_KEY] },
  { code: 'KW309', why: 'ForAllValues: on kms:ViaService', bad: [keyPolicy(useWhere({ 'ForAllValues:StringEquals': { 'kms:ViaService': VIA_SM }, StringEquals: { 'kms:CallerAccount': ACCOUNT } }))], good: [GOOD_KEY, keyPolicy(useWhere({ ...via(VIA_SM), 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['SecretARN'] } }))] },
  { code: 'KW310', why: 'ForAnyValue: on kms:ViaService', bad: [keyPolicy(useWhere({ 'ForAnyValue:StringEquals': { 'kms:ViaService': VIA_SM }, StringEquals: { 'kms:CallerAccount': ACCOUNT } }))], good: [GOOD_KEY] },
  {
    code: 'KW311',
    why: 'ForAllValues: with kms:EncryptionContext:<k>',
    bad: [keyPolicy(useWhere({ ...via(VIA_SM), 'ForAllValues:StringEquals': { 'kms:EncryptionContext:SecretARN': 'arn:x' } }))],
    good: [keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT, 'kms:EncryptionContext:SecretARN': 'arn:x' } }))],
  },
  {
    code: 'KW312',
    why: 'wildcard inside StringEquals',
    bad: [keyPolicy(useWhere(via('secretsmanager.*.amazonaws.com')))],
    good: [keyPolicy(useWhere(via('secretsmanager.*.amazonaws.com', 'StringLike'))), keyPolicy(useWhere({ ...via(VIA_SM), StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT, 'kms:EncryptionContext:user': '${aws:username}' } }))],
  },
  {
    code: 'KW313',
    why: 'kms:CallerAccount given an ARN',
    bad: [keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ROOT } })), keyPolicy(useWhere({ ...via(VIA_SM), StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT, 'aws:SourceAccount': 'prod' } }))],
    good: [GOOD_KEY, keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM }, StringLike: { 'kms:CallerAccount': '1111*' } }))],
  },
  {
    code: 'KW314',
    why: 'encryption context condition beside DescribeKey',
    bad: [keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT, 'kms:EncryptionContext:SecretARN': 'arn:x' } }, { Action: ['kms:Decrypt', 'kms:DescribeKey'] }))],
    good: [keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': ACCOUNT, 'kms:EncryptionContext:SecretARN': 'arn:x' } }, { Action: ['kms:Decrypt'] }))],
  },
  {
    code: 'KW315',
    why: 'kms:GrantIsForAWSResource beside Decrypt',
    bad: [keyPolicy(useWhere({ ...via('ec2.us-east-1.amazonaws.com'), Bool: { 'kms:GrantIsForAWSResource': true } }, { Action: ['kms:CreateGrant', 'kms:Decrypt'] }))],
    good: [keyPolicy(useWhere({ ...via('ec2.us-east-1.amazonaws.com'), Bool: { 'kms:GrantIsForAWSResource': true } }, { Action: ['kms:CreateGrant'] }))],
  },
  {
    code: 'KW316',
    why: 'a statement that can never match',
    bad: [
      keyPolicy(useWhere({ ...via('ec2.us-east-1.amazonaws.com'), Bool: { 'kms:GrantIsForAWSResource': true } }, { Action: ['kms:Decrypt'] })),
      keyPolicy(useWhere({ StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:EncryptionContext:SecretARN': 'x' } }, { Action: 'kms:DescribeKey' })),
    ],
    good: [keyPolicy(useWhere({ ...via('ec2.us-east-1.amazonaws.com'), BoolIfExists: { 'kms:GrantIsForAWSResource': true } }, { Action: ['kms:Decrypt'] }))],
  },
  { code: 'KW401', why: '"*" with no conditions', bad: [keyPolicy(use({ Principal: { AWS: '*' }, Condition: undefined })), keyPolicy(use({ Principal: '*', Condition: {} }))], good: [keyPolicy(use({ Principal: { AWS: '*' } }))] },
  { code: 'KW402', why: '"*" without kms:CallerAccount', bad: [keyPolicy(use({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'kms:ViaService': VIA_SM } } }))], good: [keyPolicy(use({ Principal: { AWS: '*' } }))] },
  { code: 'KW403', why: '"*" limited to the account needs no IAM policy', bad: [keyPolicy(use({ Principal: { AWS: '*' } }))], good: [GOOD_KEY] },
  {
    code: 'KW408',
    why: '"*" limited only by kms:CallerAccount with kms:*, kms:Put* or CreateGrant',
    bad: [
      keyPolicy(accountWide('kms:*')),
      keyPolicy(accountWide(['kms:Decrypt', 'kms:Put*'])),
      keyPolicy(accountWide(['kms:Decrypt', 'kms:CreateGrant'])),
      keyPolicy({ ...accountWide('kms:ScheduleKeyDeletion'), Condition: { StringEquals: { 'aws:PrincipalAccount': ACCOUNT } } }),
    ],
    good: [
      keyPolicy(accountWide(['kms:Decrypt', 'kms:GenerateDataKey'])),
      keyPolicy(use({ Principal: { AWS: '*' }, Action: 'kms:*' })),
      keyPolicy({ ...accountWide('kms:*'), Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT }, ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` } } }),
    ],
  },
  {
    code: 'KW404',
    why: 'list, bare string, policy ARN, wildcard ARN, unknown type',
    bad: [
      keyPolicy(use({ Principal: [ROOT] })),
      keyPolicy(use({ Principal: ROOT })),
      keyPolicy(use({ Principal: { AWS: 'arn:aws:iam::aws:policy/AdministratorAccess' } })),
      keyPolicy(use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app-*` } })),
      keyPolicy(use({ Principal: { Aws: ROOT } })),
      keyPolicy(use({ Principal: { Service: `arn:aws:iam::${ACCOUNT}:role/x` } })),
    ],
    good: [GOOD_KEY, keyPolicy(use({ Principal: { AWS: [ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/path/app`, `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`, 'AROAEXAMPLEID12345678'] } }))],
  },
  { code: 'KW405', why: 'IAM group as principal', bad: [keyPolicy(use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:group/admins` } }))], good: [keyPolicy(use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` } }))] },
  {
    code: 'KW406',
    why: 'service principal with Decrypt and no aws:SourceArn',
    bad: [
      keyPolicy({ Sid: 'CloudTrail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: '*' }),
      // A source key whose value names no account or resource scopes nothing.
      keyPolicy({ Sid: 'CloudTrail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:*:trail/*' } } }),
      // CreateGrant for anything, not only AWS resources.
      keyPolicy({ Sid: 'Dnssec', Effect: 'Allow', Principal: { Service: 'dnssec-route53.amazonaws.com' }, Action: 'kms:CreateGrant', Resource: '*' }),
    ],
    good: [
      // Route53 access-control-managing-permissions.html#KMS-key-policy-for-DNSSEC: CreateGrant only for AWS resources.
      keyPolicy({ Sid: 'Dnssec', Effect: 'Allow', Principal: { Service: 'dnssec-route53.amazonaws.com' }, Action: 'kms:CreateGrant', Resource: '*', Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } }),
      keyPolicy({ Sid: 'CloudTrail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` } } }),
      // CloudWatch Logs' documented statement scopes with the encryption context instead.
      keyPolicy({ Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'], Resource: '*', Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT}:*` } } }),
    ],
  },
  {
    code: 'KW407',
    why: "consumer account with the key owner's kms:CallerAccount",
    bad: [keyPolicy(use({ Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }))],
    good: [keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': VIA_SM, 'kms:CallerAccount': OTHER_ACCOUNT } }, { Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }))],
  },
  {
    code: 'KW410',
    why: 'regionless CloudWatch Logs principal (encrypt-log-data-kms.html: logs.REGION.amazonaws.com)',
    bad: [keyPolicy({ Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT}:*` } } })],
    good: [keyPolicy({ Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT}:*` } } })],
  },
  {
    code: 'KW420',
    why: 'log-group ARN with the console\'s trailing ":*" in kms:EncryptionContext:aws:logs:arn (see test/unit/lint/logs-context-arn.test.ts)',
    bad: [keyPolicy({ Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app:*` } } })],
    good: [keyPolicy({ Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app` } } })],
  },
  {
    code: 'KW409',
    why: 'ec2.amazonaws.com for EBS (EBS uses kms:ViaService ec2.REGION.amazonaws.com)',
    bad: [keyPolicy({ Sid: 'Ebs', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } })],
    good: [keyPolicy(useWhere({ StringEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT } }))],
  },
  {
    code: 'KW317',
    why: 'aws:SourceArn under StringEquals (IAM UG aws:SourceArn: use ARN operators)',
    bad: [keyPolicy({ Sid: 'CloudTrail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` } } })],
    good: [keyPolicy({ Sid: 'CloudTrail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*', Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` } } })],
  },
  {
    code: 'KW421',
    why: 'a service principal in upper case (AWS defines them in lower case)',
    bad: [keyPolicy({ Sid: 'Trail', Effect: 'Allow', Principal: { Service: 'CloudTrail.amazonaws.com' }, Action: 'kms:DescribeKey', Resource: '*' })],
    good: [keyPolicy({ Sid: 'Trail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:DescribeKey', Resource: '*' })],
  },
  {
    code: 'KW411',
    why: 'an EC2 instance profile as principal (AWS JSON policy elements: Principal)',
    bad: [keyPolicy(use({ Principal: { AWS: 'arn:aws:iam::111122223333:instance-profile/web' } }))],
    good: [GOOD_KEY, keyPolicy(use({ Principal: { AWS: 'arn:aws:iam::111122223333:role/web' } }))],
  },
  { code: 'KW501', why: 'alias ARN as IAM Resource', bad: [iamPolicy(iamUse({ Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app` }))], good: [GOOD_IAM, iamPolicy(iamUse({ Action: ['kms:CreateAlias'], Resource: [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`, KEY_ARN] }))] },
  { code: 'KW502', why: 'key id or alias name as IAM Resource', bad: [iamPolicy(iamUse({ Resource: '1234abcd-12ab-34cd-56ef-1234567890ab' })), iamPolicy(iamUse({ Resource: 'alias/app' }))], good: [GOOD_IAM] },
  { code: 'KW503', why: '"*" as IAM Resource for key use', bad: [iamPolicy(iamUse({ Resource: '*' })), iamPolicy(iamUse({ Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/*` }))], good: [GOOD_IAM, iamPolicy(iamUse({ Action: 'kms:ListAliases', Resource: '*' }))] },
  {
    code: 'KW504',
    why: "the guide's stray colon after * in a multi-Region ARN",
    bad: [iamPolicy(iamUse({ Resource: `arn:aws:kms:*::${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab` })), iamPolicy(iamUse({ Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/my-key` }))],
    good: [iamPolicy(iamUse({ Resource: `arn:aws:kms:*:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab` })), GOOD_IAM],
  },
  {
    code: 'KW505',
    why: 'kms:Decrypt granted on an RDS cluster ARN or a bucket ARN (Specifying KMS keys in IAM policy statements)',
    bad: [iamPolicy(iamUse({ Resource: 'arn:aws:rds:us-east-1:111122223333:cluster:db' })), iamPolicy(iamUse({ Resource: ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*'] }))],
    good: [GOOD_IAM, iamPolicy(iamUse({ Resource: ['arn:aws:s3:::bucket', KEY_ARN] })), iamPolicy(iamUse({ Action: '*', Resource: 'arn:aws:s3:::bucket' }))],
  },
  {
    code: 'KW507',
    why: 'kms:Sign in the key policy of a key the template makes symmetric; kms:Encrypt for an HMAC key (Key type reference)',
    bad: [withKey(keyPolicy(use({ Action: ['kms:Sign', 'kms:Verify'] }))), withKey(keyPolicy(use({ Action: 'kms:Encrypt' })), 'HMAC_256', 'GENERATE_VERIFY_MAC')],
    good: [withKey(GOOD_KEY), withKey(keyPolicy(use({ Action: ['kms:GenerateMac', 'kms:VerifyMac'] })), 'HMAC_256', 'GENERATE_VERIFY_MAC'), keyPolicy(use({ Action: 'kms:Sign' }))],
  },
  {
    code: 'KW601',
    why: 'nobody may call PutKeyPolicy',
    bad: [bareKeyPolicy(use()), keyPolicy({ Sid: 'NoPolicyChanges', Effect: 'Deny', Principal: '*', Action: 'kms:PutKeyPolicy', Resource: '*' })],
    good: [GOOD_KEY, bareKeyPolicy({ ...ADMIN, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` }, Action: 'kms:*' })],
  },
  {
    code: 'KW602',
    why: 'the default root kms:* statement beside a ViaService restriction',
    bad: [
      bareKeyPolicy({ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' }, use()),
      // The console's administrator list (kms:Create* includes CreateGrant) given to the root.
      bareKeyPolicy({ ...ADMIN, Action: ['kms:Create*', 'kms:Describe*', 'kms:Put*'] }, use()),
    ],
    good: [
      GOOD_KEY,
      bareKeyPolicy(
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' },
        use(),
        { Sid: 'OnlyThroughSecretsManager', Effect: 'Deny', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', Condition: { StringNotEquals: { 'kms:ViaService': VIA_SM } } },
      ),
    ],
  },
  { code: 'KW701', why: 'IAM Resource names another key', keyArn: KEY_ARN, bad: [iamPolicy(iamUse({ Resource: MRK_ARN }))], good: [GOOD_IAM, iamPolicy(iamUse({ Resource: `arn:aws:kms:*:${ACCOUNT}:key/1234abcd-*` }))] },
  { code: 'KW702', why: 'IAM allows Encrypt, the key policy never grants it', bad: [GOOD_KEY, iamPolicy(iamUse({ Action: ['kms:Encrypt', 'kms:Decrypt'] }))], good: [GOOD_KEY, GOOD_IAM] },
  {
    code: 'KW703',
    why: 'key policy naming only same-account roles (needs --key-arn to know the account)',
    keyArn: KEY_ARN,
    bad: [bareKeyPolicy({ ...ADMIN, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` } }, use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` } })), GOOD_IAM],
    good: [GOOD_KEY, GOOD_IAM],
  },
  {
    code: 'KW705',
    why: "an IAM policy allows kms:Sign on the template's key, which is symmetric (Key type reference)",
    bad: [withKey(GOOD_KEY), iamPolicy(iamUse({ Action: 'kms:Sign' }))],
    good: [withKey(GOOD_KEY), GOOD_IAM, iamPolicy(iamUse({ Action: 'kms:Sign', Resource: 'arn:aws:kms:us-east-1:111122223333:key/other' }))],
  },
  {
    code: 'KW704',
    why: 'root may grant kms:* unconditioned while the app role is limited to kms:ViaService; the IAM policy grants Decrypt directly',
    bad: [bareKeyPolicy({ ...ADMIN, Sid: 'EnableIamUserPermissions', Action: 'kms:*' }, use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` } })), GOOD_IAM],
    good: [
      bareKeyPolicy({ ...ADMIN, Sid: 'EnableIamUserPermissions', Action: 'kms:*' }, use({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` } })),
      iamPolicy(iamUse({ Condition: { StringEquals: { 'kms:ViaService': VIA_SM } } })),
    ],
  },
];

function lintCase(inputs: Input[], keyArn?: string) {
  const files = inputs.map((input, i) => (typeof input === 'string' ? { name: `f${i}.json`, text: input } : { name: `f${i}.json`, ...input }));
  return lintFiles(files, keyArn ? { keyArn } : {}).flatMap((f) => f.findings);
}

describe('every rule has a failing and a passing policy', () => {
  test.each(CASES)('$code $why', ({ code, bad, good, keyArn }) => {
    // Cross-file rules (KW7xx) lint their inputs together; the others one at a time.
    const multiFile = code.startsWith('KW7');
    const badRuns = multiFile ? [bad] : bad.map((b) => [b]);
    for (const run of badRuns) {
      const codes = lintCase(run, keyArn).map((f) => f.code);
      expect(codes, `expected ${code} for ${JSON.stringify(run).slice(0, 300)}`).toContain(code);
    }
    const goodRuns = multiFile ? [good] : good.map((g) => [g]);
    for (const run of goodRuns) {
      const findings = lintCase(run, keyArn).filter((f) => f.code === code);
      expect(findings, `unexpected ${code}`).toEqual([]);
    }
  });

  test('the table covers every rule in RULES', () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(RULES.map((r) => r.code)));
  });

  test('every finding a rule reports has the severity RULES lists for it', () => {
    const severity = new Map(RULES.map((r) => [r.code, r.severity]));
    for (const c of CASES) {
      for (const f of lintCase(c.code.startsWith('KW7') ? c.bad : [c.bad[0]!], c.keyArn)) expect(f.severity).toBe(severity.get(f.code));
    }
  });
});

describe('the baseline policies', () => {
  test('the key policy and IAM policy the cases start from lint with no findings at all', () => {
    expect(lintCase([GOOD_KEY, GOOD_IAM], KEY_ARN)).toEqual([]);
  });

  test('rule codes are unique and severities valid', () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    for (const r of RULES) expect(['error', 'warning', 'info']).toContain(r.severity);
  });
});
